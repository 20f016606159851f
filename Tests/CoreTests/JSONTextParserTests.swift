import Testing
@testable import Core

@Suite struct JSONTextParserTests {
    @Test func parsesNestedValues() throws {
        let v = try JSONValue.parse(#"{"a": [1, 2.5, "x", true, null], "b": {"c": "\u00e9"}}"#)
        #expect(v["a"]?[0] == .int(1))
        #expect(v["a"]?[1] == .double(2.5))
        #expect(v["a"]?[2] == .string("x"))
        #expect(v["a"]?[3] == .bool(true))
        #expect(v["a"]?[4] == .null)
        #expect(v["b"]?["c"] == .string("é"))
    }

    @Test func reportsLineAndColumnOfAMissingComma() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}"
        #expect(throws: JSONSyntaxError(line: 3, column: 3, message: "expected ',' or '}' after a member value")) {
            _ = try JSONValue.parse(text)
        }
    }

    @Test func rejectsTrailingCommaUnlessJSONC() throws {
        #expect(throws: JSONSyntaxError.self) { _ = try JSONValue.parse("[1,]") }
        var p = JSONTextParser("{ // c\n \"a\": [1,], /* x */ }", allowComments: true)
        #expect(try p.parseDocument() == .object(["a": .array([.int(1)])]))
    }

    @Test func serializesWithSortedKeys() throws {
        let v = JSONValue.object(["b": .int(1), "a": .string("x/y")])
        #expect(v.serialized() == #"{"a":"x/y","b":1}"#)
    }
}
