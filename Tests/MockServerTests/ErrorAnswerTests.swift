import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

@Suite("Azure-shaped error answers")
struct ErrorAnswerTests {
    /// Posts `body` and returns the status and the parsed `error` object.
    static func post(
        _ client: some TestClientProtocol, uri: String = Fixture.chatPath(), headers: HTTPFields = Fixture.keyHeaders, body: ByteBuffer
    ) async throws -> (HTTPResponse.Status, JSONValue?) {
        try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
            (response.status, try? JSONValue.parse(String(buffer: response.body))["error"])
        }
    }

    @Test("no credentials → 401 with code and message; api-key or bearer token pass")
    func authentication() async throws {
        try await Fixture.app().test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            let (status, error) = try await Self.post(client, headers: [:], body: body)
            #expect(status == .unauthorized)
            #expect(error?["code"]?.stringValue == "401")
            #expect(error?["message"]?.stringValue?.contains("api-key") == true)
            let (basic, _) = try await Self.post(client, headers: [.authorization: "Basic abc"], body: body)
            #expect(basic == .unauthorized)
            let (bearer, _) = try await Self.post(client, headers: [.authorization: "Bearer any-token"], body: body)
            #expect(bearer == .ok)
            let (key, _) = try await Self.post(client, body: body)
            #expect(key == .ok)
        }
    }

    @Test("a profile with apiKeys accepts only those keys")
    func configuredKeys() async throws {
        var profile = MockProfile.default
        profile.apiKeys = ["right"]
        try await Fixture.app(profile: profile).test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            let (wrong, _) = try await Self.post(client, headers: [Fixture.apiKey: "wrong"], body: body)
            #expect(wrong == .unauthorized)
            let (right, _) = try await Self.post(client, headers: [Fixture.apiKey: "right"], body: body)
            #expect(right == .ok)
        }
    }

    @Test("unknown or missing api-version → 404 in Azure's shape")
    func apiVersion() async throws {
        try await Fixture.app().test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            let (status, error) = try await Self.post(client, uri: Fixture.chatPath(apiVersion: "2023-01-01-nope"), body: body)
            #expect(status == .notFound)
            #expect(error?["code"]?.stringValue == "404")
            #expect(error?["message"]?.stringValue?.contains("2023-01-01-nope") == true)
            let (missing, _) = try await Self.post(client, uri: Fixture.chatPath(apiVersion: nil), body: body)
            #expect(missing == .notFound)
        }
    }

    @Test("unknown deployment → 404 DeploymentNotFound; a path no operation has → 404")
    func deployment() async throws {
        try await Fixture.app().test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            let (status, error) = try await Self.post(client, uri: Fixture.chatPath(deployment: "gpt-5-imaginary"), body: body)
            #expect(status == .notFound)
            #expect(error?["code"]?.stringValue == "DeploymentNotFound")
            #expect(error?["message"]?.stringValue?.contains("gpt-5-imaginary") == true)
            let (path, pathError) = try await Self.post(client, uri: "/openai/deployments/gpt-4o/fine_tunes/x?api-version=2025-01-01-preview", body: body)
            #expect(path == .notFound)
            #expect(pathError?["code"]?.stringValue == "404")
        }
    }

    @Test("an unsupported voice → 400 with param audio.voice")
    func badVoice() async throws {
        try await Fixture.app().test(.router) { client in
            let (status, error) = try await Self.post(client, body: Fixture.buffer(Fixture.audioRequest(voice: "robot")))
            #expect(status == .badRequest)
            #expect(error?["param"]?.stringValue == "audio.voice")
            #expect(error?["code"]?.stringValue == "invalid_request_error")
            #expect(error?["type"]?.stringValue == "invalid_request_error")
            #expect(error?["message"]?.stringValue?.contains("robot") == true)
        }
    }

    @Test("a profile drift: a voice the profile drops is rejected, one it adds is accepted")
    func profileVoices() async throws {
        var profile = MockProfile.default
        profile.voices = ["verse"]
        try await Fixture.app(profile: profile).test(.router) { client in
            let (alloy, error) = try await Self.post(client, body: Fixture.buffer(Fixture.audioRequest(voice: "alloy")))
            #expect(alloy == .badRequest)
            #expect(error?["param"]?.stringValue == "audio.voice")
            let (verse, _) = try await Self.post(client, body: Fixture.buffer(Fixture.audioRequest(voice: "verse")))
            #expect(verse == .ok)
        }
    }

    @Test("bad format, bad modality, missing audio options, unknown fields: each named by path")
    func validationPaths() async throws {
        try await Fixture.app().test(.router) { client in
            let (format, formatError) = try await Self.post(client, body: Fixture.buffer(Fixture.audioRequest(format: "aac")))
            #expect(format == .badRequest)
            #expect(formatError?["param"]?.stringValue == "audio.format")

            let modality = #"{"modalities":["text","video"],"messages":[{"role":"user","content":"hi"}]}"#
            let (_, modalityError) = try await Self.post(client, body: ByteBuffer(string: modality))
            #expect(modalityError?["param"]?.stringValue == "modalities[1]")

            let noAudio = #"{"modalities":["text","audio"],"messages":[{"role":"user","content":"hi"}]}"#
            let (_, noAudioError) = try await Self.post(client, body: ByteBuffer(string: noAudio))
            #expect(noAudioError?["param"]?.stringValue == "audio")

            let unknown = #"{"messages":[{"role":"user","content":"hi"}],"voice":"alloy"}"#
            let (unknownStatus, unknownError) = try await Self.post(client, body: ByteBuffer(string: unknown))
            #expect(unknownStatus == .badRequest)
            #expect(unknownError?["param"]?.stringValue == "voice")

            let typed = #"{"messages":[{"role":"user","content":"hi"}],"temperature":"hot"}"#
            let (typedStatus, typedError) = try await Self.post(client, body: ByteBuffer(string: typed))
            #expect(typedStatus == .badRequest)
            #expect(typedError?["param"]?.stringValue == "temperature")

            let (notJSON, notJSONError) = try await Self.post(client, body: ByteBuffer(string: "{\"messages\": ["))
            #expect(notJSON == .badRequest)
            #expect(notJSONError?["message"]?.stringValue?.contains("not valid JSON") == true)
        }
    }

    @Test("several problems: the first is the param, the rest are listed in the message")
    func allProblemsReported() async throws {
        try await Fixture.app().test(.router) { client in
            let (_, error) = try await Self.post(client, body: Fixture.buffer(Fixture.audioRequest(voice: "robot", format: "aac")))
            #expect(error?["param"]?.stringValue == "audio.voice")
            #expect(error?["message"]?.stringValue?.contains("audio.format") == true)
        }
    }

    @Test("undecodable base64 in input_audio.data → 400 naming the data field")
    func badBase64() async throws {
        try await Fixture.app().test(.router) { client in
            let (status, error) = try await Self.post(client, body: Fixture.buffer(Fixture.audioInputRequest(base64: "this is not base64!")))
            #expect(status == .badRequest)
            #expect(error?["param"]?.stringValue == "messages[0].content[1].input_audio.data")
        }
    }

    @Test("decoded input audio over 20 MB → 413")
    func audioTooLarge() async throws {
        // 20 MB + 2 bytes of PCM behind a WAV header: over the limit only once decoded.
        let wav = AudioSynthesis.wav(pcm: [UInt8](repeating: 0, count: 20_000_002))
        let body = Fixture.buffer(Fixture.audioInputRequest(base64: Data(wav).base64EncodedString()))
        #expect(body.readableBytes < MockProfile.default.limits.maxRequestBytes)
        try await Fixture.app().test(.router) { client in
            let (status, error) = try await Self.post(client, body: body)
            #expect(status == .contentTooLarge)
            #expect(error?["code"]?.stringValue == "RequestEntityTooLarge")
            #expect(error?["message"]?.stringValue?.contains("20000000") == true)
        }
    }

    @Test("a body over the request cap → 413")
    func bodyTooLarge() async throws {
        var profile = MockProfile.default
        profile.limits.maxRequestBytes = 1_000
        try await Fixture.app(profile: profile).test(.router) { client in
            let (status, error) = try await Self.post(client, body: Fixture.buffer(Fixture.textRequest(String(repeating: "word ", count: 400))))
            #expect(status == .contentTooLarge)
            #expect(error?["message"]?.stringValue?.contains("1000 bytes") == true)
            let (small, _) = try await Self.post(client, body: Fixture.buffer(Fixture.textRequest("short")))
            #expect(small == .ok)
        }
    }

    @Test("x-docverify-fault answers that status with Azure's shape and retry-after")
    func faultHeader() async throws {
        try await Fixture.app().test(.router) { client in
            var headers = Fixture.keyHeaders
            headers[MockResponder.faultHeader] = "503"
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: headers, body: Fixture.buffer(Fixture.textRequest("hi"))) { response in
                #expect(response.status.code == 503)
                #expect(response.headers[.retryAfter] == "1")
                let code = try Fixture.json(response)["error"]?["code"]?.stringValue
                #expect(code == "503")
            }
            headers[MockResponder.faultHeader] = "soon"
            let (status, _) = try await Self.post(client, headers: headers, body: Fixture.buffer(Fixture.textRequest("hi")))
            #expect(status == .badRequest)
        }
    }
}
