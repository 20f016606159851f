import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

@Suite("Streamed answers")
struct StreamingTests {
    /// The `data:` payloads of a server-sent-events body.
    static func events(_ body: ByteBuffer) -> [String] {
        String(buffer: body).components(separatedBy: "\n\n").filter { !$0.isEmpty }.map {
            $0.hasPrefix("data: ") ? String($0.dropFirst(6)) : "NOT-DATA: \($0)"
        }
    }

    static func withStream(_ request: JSONValue, usage: Bool = false) -> JSONValue {
        guard case .object(var members) = request else { return request }
        members["stream"] = .bool(true)
        if usage { members["stream_options"] = .object(["include_usage": .bool(true)]) }
        return .object(members)
    }

    @Test("text streams in chunks that join to the unstreamed answer, then usage, then [DONE]")
    func textStream() async throws {
        try await Fixture.app().test(.router) { client in
            let request = Fixture.textRequest("Tell me about red pandas and bamboo forests")
            let whole = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(request)) {
                try Fixture.json($0)["choices"]?[0]?["message"]?["content"]?.stringValue
            }
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Self.withStream(request, usage: true))) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/event-stream")
                let events = Self.events(response.body)
                #expect(events.last == "[DONE]")
                let chunks = try events.dropLast().map { try JSONValue.parse($0) }
                #expect(chunks.allSatisfy { $0["object"]?.stringValue == "chat.completion.chunk" })
                let text = chunks.compactMap { $0["choices"]?[0]?["delta"]?["content"]?.stringValue }.joined()
                #expect(text == whole)
                #expect(chunks.count > 3)
                #expect(chunks.contains { $0["choices"]?[0]?["finish_reason"]?.stringValue == "stop" })
                #expect(chunks.last?["usage"]?["total_tokens"] != nil)
                #expect(chunks.last?["choices"] == .array([]))
            }
        }
    }

    @Test("audio streams as id, transcript pieces and base64 pieces that join to the unstreamed audio")
    func audioStream() async throws {
        try await Fixture.app().test(.router) { client in
            let request = Fixture.audioRequest(format: "pcm16")
            let whole = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(request)) {
                Fixture.audioBytes(try Fixture.json($0))
            }
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Self.withStream(request))) { response in
                let chunks = try Self.events(response.body).dropLast().map { try JSONValue.parse($0) }
                let audio = chunks.compactMap { $0["choices"]?[0]?["delta"]?["audio"] }
                #expect(audio.first?["id"]?.stringValue?.hasPrefix("audio_") == true)
                var bytes: [UInt8] = []
                for piece in audio.compactMap({ $0["data"]?.stringValue }) {
                    bytes += [UInt8](try #require(Data(base64Encoded: piece)))
                }
                let same = bytes == whole
                #expect(same, "streamed \(bytes.count) bytes, unstreamed \(whole?.count ?? 0)")
                let transcript = audio.compactMap { $0["transcript"]?.stringValue }.joined()
                #expect(transcript.contains("red panda"))
                #expect(chunks.allSatisfy { $0["usage"] == nil })
            }
        }
    }
}
