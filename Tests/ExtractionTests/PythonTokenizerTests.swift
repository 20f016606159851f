import Testing
@testable import Extraction

@Suite("Python tokenizer")
struct PythonTokenizerTests {
    private func kinds(_ code: String) -> [PythonTokenKind] { pythonTokens(code).map(\.kind) }

    @Test("indentation gives INDENT and DEDENT; blank and comment lines do not")
    func indentation() {
        let code = "if a:\n    b = 1\n\n    # note\n    if c:\n        d()\ne = 2\n"
        let tokens = pythonTokens(code)
        #expect(tokens.filter { $0.kind == .indent }.count == 2)
        #expect(tokens.filter { $0.kind == .dedent }.count == 2)
        let dedents = tokens.indices.filter { tokens[$0].kind == .dedent }
        #expect(tokens[dedents.last! + 1].text == "e")
        #expect(tokens.last?.kind == .endMarker)
        // One NEWLINE per logical line: `if a:`, `b = 1`, `if c:`, `d()`, `e = 2`.
        #expect(tokens.filter { $0.kind == .newline }.count == 5)
    }

    @Test("dedents are closed at the end of the code")
    func dedentAtEnd() {
        #expect(kinds("def f():\n    return 1") == [.name, .name, .op, .op, .op, .newline, .indent, .name, .number, .newline, .dedent, .endMarker])
    }

    @Test("newlines inside brackets and after a backslash join lines")
    func implicitJoining() {
        let tokens = pythonTokens("x = f(1,\n      2)\ny = 1 + \\\n    2\n")
        #expect(tokens.filter { $0.kind == .newline }.count == 2)
        #expect(!tokens.contains { $0.kind == .indent })
        let two = tokens.filter { $0.text == "2" }
        #expect(two.map(\.line) == [2, 4])
        #expect(two.map(\.column) == [7, 5])
    }

    @Test("string prefixes and escapes")
    func prefixes() throws {
        let tokens = pythonTokens(#"a = r"\d" + b'x' + rb"\n" + u"\tq" + "\x41\u00e9""#)
        let strings = tokens.filter { $0.kind == .string }
        #expect(strings.count == 5)
        #expect(strings[0].string?.pieces == [.text(#"\d"#)])
        #expect(strings[1].string?.isBytes == true)
        #expect(strings[2].string?.pieces == [.text(#"\n"#)])
        #expect(strings[3].string?.pieces == [.text("\tq")])
        #expect(strings[4].string?.pieces == [.text("Aé")])
    }

    @Test("f-strings split into text and replacement fields with their positions")
    func fStrings() throws {
        let token = try #require(pythonTokens("u = f\"{base}/v1?x={{y}}&k={cfg['key']!r:>4}\"\n").first { $0.kind == .string })
        let literal = try #require(token.string)
        #expect(literal.isFormatted)
        #expect(literal.pieces == [
            .expression(source: "base", line: 1, column: 8),
            .text("/v1?x={y}&k="),
            .expression(source: "cfg['key']", line: 1, column: 28),
        ])
    }

    @Test("triple-quoted strings span lines and keep their quotes inside")
    func tripleQuotes() throws {
        let tokens = pythonTokens("s = \"\"\"one \"quoted\"\ntwo\"\"\"\nt = 1\n")
        let s = try #require(tokens.first { $0.kind == .string })
        #expect(s.string?.pieces == [.text("one \"quoted\"\ntwo")])
        #expect(tokens.first { $0.text == "t" }?.line == 3)
    }

    @Test("adjacent literals are concatenated by the parser, f-strings included")
    func implicitConcatenation() throws {
        let statements = try parsePython("x = ('a' \"b\"\n     f'{c}d')\n")
        guard case .assign(_, let value) = statements[0].kind, case .string(let parts, _) = value.kind else {
            Issue.record("expected a string assignment")
            return
        }
        #expect(parts.count == 3)
        #expect(parts[0] == .text("ab"))
        if case .expression(let e) = parts[1] { #expect(e.kind == .name("c")) } else { Issue.record("expected a field") }
        #expect(parts[2] == .text("d"))
    }

    @Test("numbers and operators")
    func numbersAndOperators() {
        let tokens = pythonTokens("x **= 0x1F + 1_000 // 2.5e-3 != 3j\n")
        #expect(tokens.map(\.text).prefix(10) == ["x", "**=", "0x1F", "+", "1_000", "//", "2.5e-3", "!=", "3j", "\n"])
        #expect(tokens.filter { $0.kind == .number }.count == 4)
    }

    @Test("comments are skipped, also after code")
    func comments() {
        let tokens = pythonTokens("x = 1  # set x\n# alone\ny = '#not a comment'\n")
        #expect(!tokens.contains { $0.text.contains("set x") || $0.text.contains("alone") })
        #expect(tokens.first { $0.kind == .string }?.string?.pieces == [.text("#not a comment")])
    }

    @Test("tokenizer errors stop the token list at the failing position")
    func errors() throws {
        let tokens = pythonTokens("x = 1\ny = 'open\n")
        let last = try #require(tokens.last)
        #expect(last.kind == .error)
        #expect(last.error == PythonSyntaxError(line: 2, column: 5, message: "unterminated string literal (detected at line 2)"))
        let bad = try #require(pythonTokens("if a:\n        b\n    c\n").last?.error)
        #expect(bad.line == 3)
        #expect(bad.message == "unindent does not match any outer indentation level")
    }
}

@Suite("Python tokenizer: PEP 701 f-strings")
struct PythonTokenizerPEP701Tests {
    @Test("a replacement field may reuse the outer quote (Python 3.12)")
    func reusedQuotes() throws {
        let tokens = pythonTokens("s = f\"{cfg[\"key\"]}/{'x'}\"\nt = 1\n")
        let s = try #require(tokens.first { $0.kind == .string })
        #expect(s.string?.pieces == [
            .expression(source: "cfg[\"key\"]", line: 1, column: 8),
            .text("/"),
            .expression(source: "'x'", line: 1, column: 21),
        ])
        #expect(tokens.contains { $0.text == "t" && $0.line == 2 })
    }

    @Test("nested format specs and dict literals in fields")
    func nestedBraces() throws {
        let tokens = pythonTokens("s = f\"{v:{width}} {{lit}} {({'a': 1})['a']}\"\n")
        let s = try #require(tokens.first { $0.kind == .string })
        #expect(s.string?.pieces.count == 3)
        #expect(s.string?.pieces[1] == .text(" {lit} "))
    }
}
