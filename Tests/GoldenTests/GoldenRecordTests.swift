import Core
import Foundation
import Testing
@testable import Golden
import Runner
import Transport

@Suite struct GoldenRecordTests {
    @Test func secretQueryKeysUserInfoAndEchoedCredentialsAreRedacted() throws {
        var exchange = Make.exchange(prompt: "Hi", answer: "Hello", key: "k1")
        exchange.request.url = "http://u:DVSECRET-PASS@127.0.0.1:4000/openai/deployments/d/chat/completions?api-version=2025-01-01-preview&sig=k1"
        exchange.response?.body = Data(#"{"error": {"message": "you sent http://u:DVSECRET-PASS@h/x?api-key=short and Bearer eyJ0eXAi.payload.0123456789"}}"#.utf8)
        let recorder = GoldenRecorder(redactor: SecretRedactor(values: SecretRedactor.endpointSecrets(exchange.request.url)))
        let value = try #require(recorder.record(Make.result(exchanges: [exchange]), document: "docs/a.md"))
        let text = GoldenStore.text(value)
        #expect(!text.contains("DVSECRET"))
        #expect(!text.contains("short"))
        #expect(!text.contains("0123456789"))
        let request = try #require(value["exchanges"]?[0]?["request"])
        #expect(request["query"]?["sig"] == .string("<redacted>"))
        #expect(request["query"]?["api-version"] == .string("2025-01-01-preview"))
        #expect(request["headers"]?["api-key"] == .string("<redacted>"))
    }

    @Test func credentialsAreRedactedAndIdsKeepTheirIdentity() throws {
        let first = Make.exchange(prompt: "Hi", answer: "Hello", key: "sk-test-0123456789", id: "audio_abc123")
        // The second turn quotes the id the first answer carried.
        var second = Make.exchange(prompt: "again", answer: "Hello again", key: "sk-test-0123456789", id: "audio_def456")
        second.request.headers.set(name: "authorization", value: "Bearer tok-0123456789")
        second.request.body = Data(#"{"messages":[{"role":"assistant","audio":{"id":"audio_abc123"}}],"note":"key sk-test-0123456789"}"#.utf8)
        let value = try #require(GoldenRecorder(secrets: ["sk-test-0123456789", "tok-0123456789"]).record(Make.result(exchanges: [first, second]), document: "docs/a.md"))
        let text = GoldenStore.text(value)
        #expect(!text.contains("sk-test-0123456789"))
        #expect(!text.contains("tok-0123456789"))
        #expect(text.hasSuffix("}\n"))
        let exchanges = try #require(value["exchanges"]?.arrayValue)
        #expect(exchanges[0]["request"]?["headers"]?["api-key"] == .string("<redacted>"))
        #expect(exchanges[1]["request"]?["headers"]?["authorization"] == .string("<redacted>"))
        #expect(exchanges[0]["response"]?["body"]?["id"] == .string("<audio-1>"))
        #expect(exchanges[0]["response"]?["body"]?["created"] == .int(0))
        #expect(exchanges[1]["request"]?["body"]?["messages"]?[0]?["audio"]?["id"] == .string("<audio-1>"))
        #expect(exchanges[1]["response"]?["body"]?["id"] == .string("<audio-2>"))
        #expect(exchanges[0]["request"]?["path"] == .string("/openai/deployments/d/chat/completions"))
        #expect(exchanges[0]["request"]?["query"]?["api-version"] == .string("2025-01-01-preview"))
    }

    @Test func largeBase64BecomesADigestWithMedia() throws {
        let wav = StandInBytes.bytes(for: .object(["$bytes": .int(48_044), "sha256": .string(""), "media": .object([
            "type": .string("audio/wav"), "sampleRate": .int(24_000), "channels": .int(1), "bitsPerSample": .int(16)])]))
        #expect(wav.count == 48_044)
        let digest = try #require(PayloadDigest.digest(base64: wav.base64EncodedString()))
        #expect(digest["$bytes"] == .int(48_044))
        #expect(digest["sha256"]?.stringValue?.count == 64)
        #expect(digest["media"] == .object([
            "type": .string("audio/wav"), "sampleRate": .int(24_000), "channels": .int(1), "bitsPerSample": .int(16), "durationMs": .int(1000)]))
        // Short base64 and long prose stay as they are.
        #expect(PayloadDigest.digest(base64: "aGVsbG8=") == nil)
        #expect(PayloadDigest.digest(base64: String(repeating: "word ", count: 400)) == nil)
    }

    @Test func mediaOfPNGFLACAndMP3() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 2, 0, 0, 0, 1, 0] + [UInt8](repeating: 0, count: 8)
        #expect(MediaProbe.describe(Data(png)) == .object(["type": .string("image/png"), "width": .int(512), "height": .int(256)]))

        // STREAMINFO: 24000 Hz, 1 channel, 16 bits, 24000 samples.
        var flac: [UInt8] = Array("fLaC".utf8) + [0x80, 0, 0, 34] + [UInt8](repeating: 0, count: 10)
        flac += [0x05, 0xDC, 0x00, 0xF0, 0x00, 0x00, 0x5D, 0xC0] + [UInt8](repeating: 0, count: 16)
        #expect(MediaProbe.describe(Data(flac)) == .object([
            "type": .string("audio/flac"), "sampleRate": .int(24_000), "channels": .int(1), "bitsPerSample": .int(16), "durationMs": .int(1000)]))

        // Two MPEG-2 Layer III frames, 24 kHz, 8 kbit/s, mono: 24 bytes each.
        let header: [UInt8] = [0xFF, 0xF3, 0x14, 0xC4]
        let frame = header + [UInt8](repeating: 0, count: 20)
        let media = MediaProbe.describe(Data(frame + frame))
        #expect(media?["type"] == .string("audio/mpeg"))
        #expect(media?["frames"] == .int(2))
        #expect(media?["sampleRate"] == .int(24_000))
        #expect(media?["channels"] == .int(1))
        #expect(media?["durationMs"] == .int(48))
    }

    @Test func multipartBodiesAreRecordedAsParts() {
        let audio = Data(repeating: 7, count: 3000)
        var body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n".utf8)
        body += Data("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n".utf8)
        body += audio + Data("\r\n--XyZ--\r\n".utf8)
        let value = BodyRecord.record(body, contentType: "multipart/form-data; boundary=XyZ")
        let parts = value["multipart"]?.arrayValue ?? []
        #expect(parts.count == 2)
        #expect(parts.first == .object(["name": .string("model"), "body": .string("whisper")]))
        #expect(parts.last?["filename"] == .string("a.mp3"))
        #expect(parts.last?["contentType"] == .string("audio/mpeg"))
        #expect(parts.last?["body"]?["$bytes"] == .int(3000))
    }

    @Test func streamedAnswersAreAssembled() {
        let events = """
            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}

            data: [DONE]

            """
        let value = BodyRecord.record(Data(events.utf8), contentType: "text/event-stream")
        #expect(value["stream"]?["chunks"] == .int(2))
        #expect(value["stream"]?["message"] == .object(["role": .string("assistant"), "content": .string("Hello")]))
        #expect(value["stream"]?["finish_reason"] == .string("stop"))
    }
}
