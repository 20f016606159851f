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

@Suite struct JSONDepthTests {
    @Test("nesting past the bound is refused, not a stack overflow", arguments: ["[", "{\"a\":"])
    func tooDeep(open: String) {
        let text = String(repeating: open, count: 10_000)
        do {
            _ = try JSONValue.parse(text)
            Issue.record("parsed")
        } catch let error as JSONSyntaxError {
            #expect(error.isTooDeep)
            #expect(error.message.contains("\(JSONTextParser.maxDepth)"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nestingWithinTheBoundParses() throws {
        let depth = JSONTextParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try JSONValue.parse(text)
    }
}
