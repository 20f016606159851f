import Testing
import Core
@testable import Requests

@Suite("JSON path notation")
struct JSONPathTests {
    @Test func buildsPathsInTheSharedNotation() {
        let path = JSONPath.member(JSONPath.element(JSONPath.member(JSONPath.element("messages", 1), "content"), 0), "input_audio")
        #expect(path == "messages[1].content[0].input_audio")
        #expect(JSONPath.member("", "audio") == "audio")
        #expect(JSONPath.lastKey(of: "audio.voice") == "voice")
        #expect(JSONPath.lastKey(of: "modalities[1]") == nil)
    }

    @Test func readsAndSetsValuesAtPaths() throws {
        let value = try JSONValue.parse(#"{"messages": [{"role": "user", "content": [{"type": "text", "text": "a"}]}]}"#)
        #expect(JSONPath.value(at: "messages[0].content[0].text", in: value) == .string("a"))
        #expect(JSONPath.value(at: "messages[3].role", in: value) == nil)
        let changed = JSONPath.setting(.string("b"), at: "messages[0].content[0].text", in: value)
        #expect(JSONPath.value(at: "messages[0].content[0].text", in: changed) == .string("b"))
        let added = JSONPath.setting(.int(1), at: "n", in: value)
        #expect(added["n"] == .int(1))
        // A path through a missing container changes nothing rather than inventing structure.
        #expect(JSONPath.setting(.int(1), at: "audio.voice", in: value) == value)
    }

    @Test func issuesDescribeThemselvesWithTheirPath() {
        #expect(RequestIssue.unknownField(path: "messages[0].contnet").description == "messages[0].contnet: unknown field 'contnet'")
        #expect(RequestIssue.invalid(path: "", message: "expected an object, found array").description == "expected an object, found array")
    }
}
