import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

@Suite("Chat completions through the router")
struct ChatCompletionTests {
    @Test("an audio request gets a real 24 kHz mono 16-bit WAV, a transcript and an audio id")
    func audioAnswer() async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest())) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let answer = try Fixture.json(response)
                #expect(answer["object"]?.stringValue == "chat.completion")
                let message = try #require(answer["choices"]?[0]?["message"])
                #expect(message["role"]?.stringValue == "assistant")
                #expect(message["content"] == .null)
                let audio = try #require(message["audio"])
                let id = try #require(audio["id"]?.stringValue)
                #expect(id.hasPrefix("audio_") && id.count > 10)
                guard case .int(let expires)? = audio["expires_at"] else { Issue.record("expires_at is not an integer"); return }
                #expect(expires > Int(Date().timeIntervalSince1970))
                let transcript = try #require(audio["transcript"]?.stringValue)
                #expect(transcript.contains("red panda"))

                let bytes = try #require(Fixture.audioBytes(answer))
                #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
                #expect(Array(bytes[8..<16]) == Array("WAVEfmt ".utf8))
                let wav = try #require(WAVInfo(bytes))
                #expect(wav.formatTag == 1)
                #expect(wav.channels == 1)
                #expect(wav.sampleRate == 24_000)
                #expect(wav.bitsPerSample == 16)
                #expect(wav.dataBytes == bytes.count - 44)
                #expect(wav.dataBytes > 0 && wav.dataBytes % 2 == 0)
                // RIFF size field covers everything after the first 8 bytes.
                let riffSize = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
                #expect(riffSize == bytes.count - 8)
                // Not silence.
                let samples = stride(from: 44, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
                #expect(samples.map { abs(Int($0)) }.max()! > 1_000)

                let usage = try #require(answer["usage"])
                guard case .int(let prompt)? = usage["prompt_tokens"], case .int(let completion)? = usage["completion_tokens"],
                    case .int(let total)? = usage["total_tokens"]
                else { Issue.record("usage counts missing"); return }
                #expect(prompt > 0 && completion > 0 && total == prompt + completion)
            }
        }
    }

    @Test("the same request gives the same audio bytes; a different one does not")
    func deterministicAudio() async throws {
        try await Fixture.app().test(.router) { client in
            func audio(_ request: JSONValue) async throws -> [UInt8] {
                try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(request)) {
                    try #require(Fixture.audioBytes(try Fixture.json($0)))
                }
            }
            let first = try await audio(Fixture.audioRequest())
            let second = try await audio(Fixture.audioRequest())
            let other = try await audio(Fixture.audioRequest(question: "What do red pandas eat?"))
            let same = first == second, differ = first != other
            #expect(same)
            #expect(differ)
        }
    }

    @Test("key order does not change the answer audio")
    func canonicalForm() async throws {
        let reordered = #"{"messages":[{"content":"Is a red panda a kind of bear?","role":"user"}],"audio":{"format":"wav","voice":"alloy"},"modalities":["text","audio"],"model":"gpt-4o-audio-preview"}"#
        try await Fixture.app().test(.router) { client in
            let a = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: ByteBuffer(string: reordered)) {
                Fixture.audioBytes(try Fixture.json($0))
            }
            let b = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest())) {
                Fixture.audioBytes(try Fixture.json($0))
            }
            let same = a != nil && a == b
            #expect(same)
        }
    }

    @Test("without audio in modalities the answer is text in message.content")
    func textAnswer() async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("Name three colours of the rainbow"))) { response in
                #expect(response.status == .ok)
                let message = try #require(try Fixture.json(response)["choices"]?[0]?["message"])
                let content = try #require(message["content"]?.stringValue)
                #expect(content.contains("Name three colours of the rainbow"))
                #expect(message["audio"] == nil)
            }
        }
    }

    @Test("pcm16 and flac carry the WAV answer's samples; mp3 is MPEG frames; opus is a marked placeholder")
    func otherFormats() async throws {
        try await Fixture.app().test(.router) { client in
            func audio(_ format: String) async throws -> [UInt8] {
                try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest(format: format))) {
                    #expect($0.status == .ok)
                    return try #require(Fixture.audioBytes(try Fixture.json($0)))
                }
            }
            let wav = try await audio("wav")
            let pcm = try await audio("pcm16")
            let pcmIsWAVData = pcm == Array(wav.dropFirst(44))
            #expect(pcmIsWAVData)

            let flac = try await audio("flac")
            let flacIsPCM = try FLACReader.samples(flac) == pcm
            #expect(flacIsPCM)

            let mp3 = try await audio("mp3")
            #expect(mp3.count % 192 == 0)
            #expect(mp3[0] == 0xFF && mp3[1] == 0xF3)
            let opus = try await audio("opus")
            #expect(String(decoding: opus, as: UTF8.self).hasPrefix("DOCVERIFY-MOCK-PLACEHOLDER"))
        }
    }

    @Test("a later turn resolves an earlier answer's audio id; an unknown id is a 400 naming it")
    func multiTurn() async throws {
        try await Fixture.app().test(.router) { client in
            let first = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest())) {
                try Fixture.json($0)
            }
            let id = try #require(first["choices"]?[0]?["message"]?["audio"]?["id"]?.stringValue)
            func followUp(_ audioID: String) -> JSONValue {
                .object([
                    "modalities": .array([.string("text"), .string("audio")]),
                    "audio": .object(["voice": .string("alloy"), "format": .string("wav")]),
                    "messages": .array([
                        .object(["role": .string("user"), "content": .string("Is a red panda a kind of bear?")]),
                        .object(["role": .string("assistant"), "audio": .object(["id": .string(audioID)])]),
                        .object(["role": .string("user"), "content": .string("Answer in one short sentence.")]),
                    ]),
                ])
            }
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(followUp(id))) { response in
                #expect(response.status == .ok)
                let transcript = try Fixture.json(response)["choices"]?[0]?["message"]?["audio"]?["transcript"]?.stringValue
                #expect(transcript?.contains("one short sentence") == true)
            }
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(followUp("audio_0000deadbeef"))) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try Fixture.json(response)["error"])
                #expect(error["param"]?.stringValue == "messages[1].audio.id")
                #expect(error["message"]?.stringValue?.contains("audio_0000deadbeef") == true)
            }
        }
    }

    @Test("input audio is decoded and described in the answer")
    func audioInput() async throws {
        let wav = AudioSynthesis.wav(pcm: AudioSynthesis.pcm16(seed: 7, milliseconds: 1_500))
        let request = Fixture.audioInputRequest(base64: Data(wav).base64EncodedString())
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(request)) { response in
                #expect(response.status == .ok)
                let content = try Fixture.json(response)["choices"]?[0]?["message"]?["content"]?.stringValue
                #expect(content?.contains("1.5 seconds") == true)
                let usage = try Fixture.json(response)["usage"]?["prompt_tokens_details"]?["audio_tokens"]
                #expect(usage == .int(15))
            }
        }
    }
}
