import Testing
@testable import Extraction

@Suite struct JavaScriptTokenizerTests {
    private func kinds(_ source: String) throws -> [JSToken.Kind] {
        try JSTokenizer.tokenize(source).map(\.kind)
    }

    @Test func stringsNumbersAndPunctuators() throws {
        let tokens = try kinds("const a = 'it\\'s' + \"x\\ny\" ?? 0x1F >>> 2;")
        #expect(tokens == [
            .identifier("const"), .identifier("a"), .punctuator("="), .string("it's"), .punctuator("+"),
            .string("x\ny"), .punctuator("??"), .number(31), .punctuator(">>>"), .number(2), .punctuator(";"), .eof,
        ])
    }

    @Test func commentsAreSkippedAndNewlinesRemembered() throws {
        let tokens = try JSTokenizer.tokenize("a // one\n/* two\nthree */ b")
        #expect(tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .eof])
        #expect(tokens[1].newlineBefore)
        #expect(tokens[1].line == 3 && tokens[1].column == 10)
    }

    @Test func templateLiteralWithNestedExpressions() throws {
        let tokens = try JSTokenizer.tokenize("`${endpoint}/x?v=${ {a: 1}.a }`")
        guard case .template(let quasis, let expressions) = tokens[0].kind else {
            Issue.record("expected a template token, got \(tokens[0].kind)")
            return
        }
        #expect(quasis == ["", "/x?v=", ""])
        #expect(expressions.count == 2)
        #expect(expressions[0].map(\.kind) == [.identifier("endpoint"), .eof])
        #expect(expressions[1].map(\.kind) == [.punctuator("{"), .identifier("a"), .punctuator(":"), .number(1), .punctuator("}"), .punctuator("."), .identifier("a"), .eof])
    }

    @Test func regexVersusDivision() throws {
        #expect(try kinds("x = a / b / c") == [.identifier("x"), .punctuator("="), .identifier("a"), .punctuator("/"), .identifier("b"), .punctuator("/"), .identifier("c"), .eof])
        #expect(try kinds("s.replace(/a\\/[/]b/g, '')") == [.identifier("s"), .punctuator("."), .identifier("replace"), .punctuator("("), .regex("a\\/[/]b"), .punctuator(","), .string(""), .punctuator(")"), .eof])
    }

    @Test func optionalChainingIsNotConfusedWithConditional() throws {
        #expect(try kinds("a?.b") == [.identifier("a"), .punctuator("?."), .identifier("b"), .eof])
        #expect(try kinds("a?.5:1") == [.identifier("a"), .punctuator("?"), .number(0.5), .punctuator(":"), .number(1), .eof])
    }

    @Test func unterminatedStringReportsItsStart() {
        #expect(throws: JSSyntaxError(line: 2, column: 11, message: "unterminated string literal")) {
            try JSTokenizer.tokenize("let a = 1\nconst b = \"open\nc")
        }
    }

    @Test func unterminatedTemplateAndComment() {
        #expect(throws: JSSyntaxError(line: 1, column: 5, message: "unterminated template literal")) {
            try JSTokenizer.tokenize("x = `abc")
        }
        #expect(throws: JSSyntaxError(line: 1, column: 3, message: "unterminated comment")) {
            try JSTokenizer.tokenize("a /* b")
        }
    }
}
