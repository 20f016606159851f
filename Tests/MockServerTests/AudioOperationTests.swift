import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MockServer

@Suite("Transcriptions, translations and speech")
struct AudioOperationTests {
    static let transcriptions = Fixture.deploymentPath("whisper", "/audio/transcriptions", apiVersion: "2024-06-01")
    static let translations = Fixture.deploymentPath("whisper", "/audio/translations", apiVersion: "2024-06-01")
    static let speech = Fixture.deploymentPath("tts", "/audio/speech")

    static func upload(_ client: some TestClientProtocol, _ uri: String = transcriptions, fields: [(String, String)] = [], seconds: Double = 3)
        async throws -> Reply
    {
        let form = Fixture.form(fields: fields, file: ("file", "take.wav", Fixture.wav(seconds: seconds)))
        return try await Fixture.call(client, .post, uri, body: form.body, contentType: form.contentType)
    }

    @Test("each response_format answers in its shape and content type; text follows the upload")
    func formats() async throws {
        try await Fixture.app().test(.router) { client in
            let json = try await Self.upload(client)
            #expect(json.status == .ok && json.contentType == "application/json")
            let text = try #require(json.json?["text"]?.stringValue)
            #expect(text.contains("3.0 seconds of WAV"))
            let other = try await Self.upload(client, seconds: 1)
            #expect(other.json?["text"]?.stringValue != text)

            let plain = try await Self.upload(client, fields: [("response_format", "text")])
            #expect(plain.contentType?.hasPrefix("text/plain") == true)
            #expect(plain.text == text + "\n")

            let srt = try await Self.upload(client, fields: [("response_format", "srt")])
            #expect(srt.text.hasPrefix("1\n00:00:00,000 --> 00:00:01,500\n"))
            #expect(srt.text.contains("2\n00:00:01,500 --> 00:00:03,000\n"))

            let vtt = try await Self.upload(client, fields: [("response_format", "vtt")])
            #expect(vtt.text.hasPrefix("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n"))

            let verbose = try await Self.upload(
                client, fields: [("response_format", "verbose_json"), ("timestamp_granularities[]", "word"), ("timestamp_granularities[]", "segment")])
            let v = try #require(verbose.json)
            #expect(v["task"]?.stringValue == "transcribe")
            #expect(v["duration"] == .double(3) || v["duration"] == .int(3))
            #expect(v["segments"]?.arrayValue?.count == 2)
            #expect((v["words"]?.arrayValue?.count ?? 0) > 5)
            #expect(v["text"]?.stringValue == text)
        }
    }

    @Test("translations answer in English with task translate")
    func translation() async throws {
        try await Fixture.app().test(.router) { client in
            let reply = try await Self.upload(client, Self.translations, fields: [("response_format", "verbose_json")])
            #expect(reply.status == .ok)
            #expect(reply.json?["task"]?.stringValue == "translate")
            #expect(reply.json?["language"]?.stringValue == "english")
        }
    }

    @Test("bad forms → 400 naming the field")
    func badForms() async throws {
        try await Fixture.app().test(.router) { client in
            let badFormat = try await Self.upload(client, fields: [("response_format", "docx")])
            #expect(badFormat.status == .badRequest && badFormat.error?["param"]?.stringValue == "response_format")
            let noFile = Fixture.form(fields: [("model", "whisper")], file: nil)
            let missing = try await Fixture.call(client, .post, Self.transcriptions, body: noFile.body, contentType: noFile.contentType)
            #expect(missing.status == .badRequest && missing.error?["param"]?.stringValue == "file")
            let notAudio = Fixture.form(fields: [], file: ("file", "notes.txt", Array("just text".utf8)))
            let text = try await Fixture.call(client, .post, Self.transcriptions, body: notAudio.body, contentType: notAudio.contentType)
            #expect(text.status == .badRequest && text.error?["param"]?.stringValue == "file")
            let json = try await Fixture.call(client, .post, Self.transcriptions, json: .object(["file": .string("a.wav")]))
            #expect(json.status == .badRequest)
            #expect(json.error?["message"]?.stringValue?.contains("multipart/form-data") == true)
        }
    }

    @Test("speech: real WAV, PCM and FLAC bytes, MP3 frames, each with its content type; bad voice → 400")
    func speech() async throws {
        try await Fixture.app().test(.router) { client in
            func say(_ format: String?, voice: String = "alloy") async throws -> Reply {
                var body: [String: JSONValue] = ["model": .string("tts"), "input": .string("Red pandas are not bears."), "voice": .string(voice)]
                if let format { body["response_format"] = .string(format) }
                return try await Fixture.call(client, .post, Self.speech, json: .object(body))
            }
            let wav = try await say("wav")
            #expect(wav.contentType == "audio/wav")
            let info = try #require(WAVInfo(wav.bytes))
            #expect(info.sampleRate == 24_000 && info.dataBytes > 10_000)
            let pcm = try await say("pcm")
            #expect(pcm.contentType == "audio/pcm")
            #expect(pcm.bytes == Array(wav.bytes.dropFirst(44)))
            let flac = try await say("flac")
            #expect(flac.contentType == "audio/flac" && flac.bytes.starts(with: Array("fLaC".utf8)))
            let mp3 = try await say(nil)
            #expect(mp3.contentType == "audio/mpeg" && mp3.bytes.first == 0xFF)
            let robot = try await say("wav", voice: "robot")
            #expect(robot.status == .badRequest && robot.error?["param"]?.stringValue == "voice")
            let empty = try await Fixture.call(client, .post, Self.speech, json: .object(["voice": .string("alloy")]))
            #expect(empty.status == .badRequest && empty.error?["param"]?.stringValue == "input")
        }
    }
}
