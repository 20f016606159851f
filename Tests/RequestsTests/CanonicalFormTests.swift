import Testing
import Core
import Extraction
@testable import Requests

@Suite("Canonical form and differ")
struct CanonicalFormTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    @Test func stringContentEqualsASingleTextPart() throws {
        let a = try parse(#"{"messages": [{"role": "user", "content": "Say hi."}]}"#)
        let b = try parse(#"{"messages": [{"content": [{"text": "Say hi.", "type": "text"}], "role": "user"}]}"#)
        #expect(canonical(a) == canonical(b))
        #expect(JSONDiff.differences(canonical(a), canonical(b)) == [])
    }

    @Test func responsesInputItemWithARoleIsAMessage() throws {
        let a = try parse(#"{"model": "m", "input": [{"role": "user", "content": "Open the menu."}]}"#)
        let b = try parse(#"{"model": "m", "input": [{"type": "message", "role": "user", "content": "Open the menu."}]}"#)
        #expect(canonical(a) == canonical(b))
        // Another item type, or a different role, stays a difference.
        let c = try parse(#"{"model": "m", "input": [{"type": "function_call_output", "role": "user", "content": "Open the menu."}]}"#)
        let d = try parse(#"{"model": "m", "input": [{"role": "system", "content": "Open the menu."}]}"#)
        #expect(canonical(a) != canonical(c))
        #expect(canonical(a) != canonical(d))
        // Embeddings inputs (strings) are left alone.
        let e = try parse(#"{"input": ["one", "two"]}"#)
        #expect(canonical(e) == e)
    }

    @Test func modalitiesCompareAsASet() throws {
        let a = try parse(#"{"modalities": ["audio", "text"], "messages": []}"#)
        let b = try parse(#"{"messages": [], "modalities": ["text", "audio", "text"]}"#)
        #expect(canonical(a) == canonical(b))
        let c = try parse(#"{"modalities": ["text"], "messages": []}"#)
        #expect(canonical(a) != canonical(c))
    }

    @Test func keyOrderNullMembersAndWholeDoublesDoNotMatter() throws {
        let a = try parse(#"{"temperature": 1.0, "user": null, "audio": {"voice": "alloy", "format": "wav"}, "stop": "END"}"#)
        let b = try parse(#"{"audio": {"format": "wav", "voice": "alloy"}, "temperature": 1, "stop": ["END"]}"#)
        #expect(canonical(a) == canonical(b))
    }

    @Test func placeholdersCompareByWhatTheyStandFor() {
        func body(_ data: Placeholder, _ id: Placeholder) -> SymbolicValue {
            .object(["messages": .array([
                .object(["role": .string("user"), "content": .array([.object([
                    "type": .string("input_audio"),
                    "input_audio": .object(["data": .placeholder(data), "format": .string("wav")]),
                ])])]),
                .object(["role": .string("assistant"), "audio": .object(["id": .placeholder(id)])]),
            ])])
        }
        let python = body(.file(path: "dog.wav", encoding: .base64), .response(call: 0, path: "choices[0].message.audio.id"))
        let javascript = body(.file(path: "dog.wav", encoding: .base64), .response(call: 1, path: "choices[0].message.audio.id"))
        #expect(canonical(python) == canonical(javascript))
        let otherFile = body(.file(path: "cat.wav", encoding: .base64), .response(call: 0, path: "choices[0].message.audio.id"))
        let differences = JSONDiff.differences(canonical(python), canonical(otherFile))
        #expect(differences.map(\.path) == ["messages[0].content[0].input_audio.data"])
        #expect(differences.first?.right == .object(["$file": .string("cat.wav"), "encoding": .string("base64")]))
        let env1 = SymbolicValue.object(["user": .placeholder(.environment(name: "USER_ID", fallback: "a"))])
        let env2 = SymbolicValue.object(["user": .placeholder(.environment(name: "USER_ID", fallback: nil))])
        #expect(canonical(env1) == canonical(env2))
    }

    @Test func differReportsEveryPathWithBothValues() throws {
        let a = try parse("""
        {"model": "m1", "messages": [{"role": "user", "content": "Very briefly, summarize."}], "n": 1}
        """)
        let b = try parse("""
        {"model": "m2", "messages": [{"role": "user", "content": [{"type": "text", "text": "Concisely summarize."}]},
                                     {"role": "user", "content": "More."}], "seed": 3}
        """)
        let differences = JSONDiff.differences(canonical(a), canonical(b))
        #expect(differences.map(\.path) == ["messages[0].content[0].text", "messages[1]", "model", "n", "seed"])
        #expect(differences[0].left == .string("Very briefly, summarize.") && differences[0].right == .string("Concisely summarize."))
        #expect(differences[1].left == nil)
        #expect(differences[3].right == nil && differences[3].left == .int(1))
        #expect(differences[4].description == "seed: (absent) vs 3")
    }

    @Test func typedRequestCanonicalMatchesItsJSON() throws {
        let json = try parse(#"{"messages": [{"role": "user", "content": "hi"}], "modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}}"#)
        let request = try #require(RequestValidation.decode(json).request)
        #expect(request.canonical() == canonical(json))
    }
}
