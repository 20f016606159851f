import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

/// One request used to kill the mock: numbers no `Int` can hold trapped while the 400's message
/// was built. They must be answered with a 400 and the server must keep serving.
@Suite("Hostile request bodies")
struct HostileBodyTests {
    @Test("temperature 1e300 and top_p -1e19 → 400, not a crash", arguments: [#""temperature": 1e300"#, #""top_p": -1e19"#])
    func hugeNumbers(field: String) async throws {
        try await Fixture.app().test(.router) { client in
            let body = ByteBuffer(string: #"{"messages": [{"role": "user", "content": "hi"}], \#(field)}"#)
            let (status, error) = try await ErrorAnswerTests.post(client, body: body)
            #expect(status == .badRequest)
            #expect(error != nil)
        }
    }

    @Test("10,000 nested '[' → 400, not a stack overflow")
    func deepNesting() async throws {
        try await Fixture.app().test(.router) { client in
            let body = ByteBuffer(string: #"{"messages": "# + String(repeating: "[", count: 10_000) + "}")
            let (status, error) = try await ErrorAnswerTests.post(client, body: body)
            #expect(status == .badRequest)
            #expect(error != nil)
        }
    }

    /// The rest of issue 12's hostile bodies, each as raw bytes.
    static let hostile: [(name: String, bytes: [UInt8])] = [
        ("truncated JSON", Array(#"{"messages": [{"role": "user", "content": "hi"#.utf8)),
        ("invalid UTF-8", Array(#"{"messages": [{"role": "user", "content": ""#.utf8) + [0xC3, 0x28, 0xFF, 0xFE] + Array(#""}]}"#.utf8)),
        ("a 100,000-digit number", Array((#"{"messages": [{"role": "user", "content": "hi"}], "max_tokens": "# + String(repeating: "9", count: 100_000) + "}").utf8)),
        ("an exponent no Double holds", Array(#"{"messages": [{"role": "user", "content": "hi"}], "max_tokens": 1e999999999}"#.utf8)),
        ("10,000 nested '{'", Array((String(repeating: #"{"a":"#, count: 10_000)).utf8)),
        ("10,000 nested '[' inside a message", Array((#"{"messages": [{"role": "user", "content": "# + String(repeating: "[", count: 10_000)).utf8)),
        ("a NUL byte and nothing else", [0]),
    ]

    @Test("truncated, invalid UTF-8, huge numbers, deep objects → 400 with an error body", arguments: 0..<hostile.count)
    func otherHostileBodies(index: Int) async throws {
        try await Fixture.app().test(.router) { client in
            let (status, error) = try await ErrorAnswerTests.post(client, body: ByteBuffer(bytes: Self.hostile[index].bytes))
            #expect(status == .badRequest, "\(Self.hostile[index].name)")
            #expect(error?["message"]?.stringValue?.isEmpty == false, "\(Self.hostile[index].name)")
        }
    }

    @Test("over TCP, every hostile body is answered 400 and the server keeps serving")
    func liveServerSurvives() async throws {
        // About bodies, not timeouts: one kept-alive connection must not hit the idle timeout when
        // the whole suite starves this test for longer than the default 30 s.
        let patient = ConnectionLimits(idleTimeout: .seconds(600), headerTimeout: .seconds(600), maxConnections: 64, bodyTimeout: .seconds(600))
        let server = try await MockServer.start(options: MockServerOptions(connections: patient))
        let bodies = Self.hostile.map(\.bytes) + [
            Array(#"{"messages": [{"role": "user", "content": "hi"}], "temperature": 1e300}"#.utf8),
            Array(#"{"messages": [{"role": "user", "content": "hi"}], "top_p": -1e19}"#.utf8),
            Array((#"{"messages": "# + String(repeating: "[", count: 10_000) + "}").utf8),
        ]
        try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            for body in bodies {
                let response = try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: ByteBuffer(bytes: body))
                #expect(response.status == .badRequest)
            }
            let fine = try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("hi")))
            #expect(fine.status == .ok)
        }
        #expect(await server.requests().map(\.status) == Array(repeating: 400, count: bodies.count) + [200])
        await server.stop()
    }
}
