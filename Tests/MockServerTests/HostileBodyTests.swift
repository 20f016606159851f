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
}
