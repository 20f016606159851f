import Foundation
import Testing
import Core
@testable import Requests

/// An On Your Data conversation sends an earlier answer back with its `context` (the intent the
/// service searched for); the assistant request message takes it. Own-words fixture.
@Suite struct OnYourDataContextTests {
    @Test func assistantMessageCarriesItsContextBack() throws {
        let body = try JSONValue.parse("""
        {"messages": [
          {"role": "user", "content": "Which plants like shade?"},
          {"role": "assistant", "content": "Ferns do [doc1].", "context": {"intent": "shade plants"}},
          {"role": "user", "content": "And which like sun?"}
        ],
         "data_sources": [{"type": "azure_search", "parameters": {"endpoint": "https://search.example.test", "index_name": "garden"}}]}
        """)
        let result = RequestValidation.decode(body)
        #expect(result.issues == [])
        guard case .assistant(let answer)? = result.request?.messages[1] else { Issue.record("message 1"); return }
        #expect(answer.context == .object(["intent": .string("shade plants")]))
        // Encoded back as it came.
        let encoded = try JSONValue.parse(String(decoding: try JSONEncoder().encode(answer), as: UTF8.self))
        #expect(encoded["context"]?["intent"] == .string("shade plants"))
    }

    @Test func contextMustBeAnObjectAndOtherRolesStillRefuseIt() throws {
        let notObject = try JSONValue.parse(#"{"messages": [{"role": "assistant", "content": "x", "context": "shade"}]}"#)
        #expect(!RequestValidation.decode(notObject).issues.isEmpty)
        let onUser = try JSONValue.parse(#"{"messages": [{"role": "user", "content": "x", "context": {"intent": "y"}}]}"#)
        #expect(RequestValidation.decode(onUser).issues.contains(.unknownField(path: "messages[0].context")))
    }
}
