import Testing
@testable import Extraction

@Suite("Python parser")
struct PythonParserTests {
    @Test("the quickstart subset parses")
    func validSubset() throws {
        let code = """
        import os, base64 as b64
        import azure.identity as ident
        from openai import (AzureOpenAI,
            OpenAI as Plain,)
        from . import local
        x, *rest = 1, 2, 3
        total = 0
        total += 2 ** 3 - -1
        cfg: dict = {"a": [1, 2,], "b": (3,), "c": {4, 5}, **other,}
        value = cfg["a"][1:2][::-1].copy()
        f = lambda a, b=2, *c, **d: a if b else c
        evens = [n for n in range(10) if n % 2 == 0]
        pairs = {k: v for k, v in cfg.items()}
        gen = sum(n for n in evens)
        ok = not a and (b or c) and d is not None and e not in f and 1 < g <= 3
        call(1, *args, key=2, **kwargs)

        @decorator(arg=1)
        async def main(p: int = 1, *, q, **kw) -> None:
            global total
            result = await client.create(p=p)
            async with session() as s:
                pass
            async for item in stream:
                continue
            return result

        class Thing(Base, metaclass=Meta):
            def method(self):
                yield self

        with open("a.wav", "rb") as f, open("b.txt") as g:
            data = f.read()
        if a:
            pass
        elif b:
            pass
        else:
            pass
        for i in range(3):
            if i: break
        else:
            pass
        while x:
            x -= 1
        try:
            risky()
        except (ValueError, KeyError) as error:
            raise RuntimeError("bad") from error
        except Exception:
            pass
        else:
            pass
        finally:
            print("done", end="")
        assert x, "message"
        del x
        if (n := len(data)) > 2: print(n)
        print(f"{x!r:>10} {y=}")
        """
        let statements = try parsePython(code)
        #expect(statements.count == 26)
    }

    @Test("a call's arguments keep their kinds")
    func callArguments() throws {
        let statements = try parsePython("client.chat.completions.create(model='m', *a, **extra)\n")
        guard case .expression(let e) = statements[0].kind, case .call(let callee, let arguments) = e.kind else {
            Issue.record("expected a call")
            return
        }
        #expect(callee.text == "client.chat.completions.create")
        #expect(arguments.map(\.kind) == [.keyword("model"), .star, .doubleStar])
    }

    @Test("expression nodes carry their source text and position")
    func positions() throws {
        let statements = try parsePython("x = 1\nvalue = completion.choices[0].message\n")
        guard case .assign(let targets, let value) = statements[1].kind else {
            Issue.record("expected an assignment")
            return
        }
        #expect(targets[0].text == "value")
        #expect(value.text == "completion.choices[0].message")
        #expect(value.line == 2)
        #expect(value.column == 9)
    }

    /// Each case with the line and column CPython 3.11 reports (checked with `compile()`).
    @Test("syntax errors are reported where CPython reports them", arguments: [
        ("f(a=1\n  b=2)\n", 1, 5, "comma"),
        ("client = C(\n    a=1,\n    b=x\n    c=2\n)\n", 3, 7, "after keyword argument 'b'"),
        ("x = [1 2]\n", 1, 6, "comma"),
        ("x = {\"a\": 1 \"b\": 2}\n", 1, 11, "comma"),
        ("a = [\n  {'k': 1}\n  {'k': 2}\n]\n", 2, 3, "comma"),
        ("x = [1, 2\n", 1, 5, "'[' was never closed"),
        ("x = (1,\n 2\n", 1, 5, "'(' was never closed"),
        ("x = [1, 2)\n", 1, 10, "does not match opening parenthesis '['"),
        ("x = )\n", 1, 5, "unmatched ')'"),
        ("if x\n  pass\n", 1, 5, "expected ':'"),
        ("for x in y\n  pass\n", 1, 11, "expected ':'"),
        ("with open('a') as f\n  pass\n", 1, 20, "expected ':'"),
        ("x = 1 +\n", 1, 8, "expected an expression"),
        ("  x=1\n", 1, 2, "unexpected indent"),
        ("a = 1\n    b = 2\n", 2, 4, "unexpected indent"),
        ("if x:\npass\n", 2, 1, "expected an indented block after 'if' statement on line 1"),
        ("def f():\nreturn 1\n", 2, 1, "expected an indented block after function definition on line 1"),
        ("x = \"abc\n", 1, 5, "unterminated string literal"),
        ("x = '''abc\n\n", 1, 5, "unterminated triple-quoted string literal"),
        ("print \"x\"\n", 1, 1, "Missing parentheses in call to 'print'"),
        ("f(**a, *b)\n", 1, 8, "iterable argument unpacking follows keyword argument unpacking"),
        ("def f(:\n  pass\n", 1, 7, "parameter name"),
        ("f() = 1\n", 1, 1, "cannot assign to function call"),
        ("x = 1\ny = 2 3\n", 2, 7, "invalid syntax"),
        ("try:\n  pass\nx = 1\n", 3, 1, "expected 'except' or 'finally' block"),
        ("x = {'a': 1, 'b'}\n", 1, 16, "':' expected after dictionary key"),
        ("x = f(1,, 2)\n", 1, 9, "expected an expression"),
        ("lambda x 1\n", 1, 10, "expected ':'"),
        ("x = y if z\n", 1, 5, "expected 'else' after 'if' expression"),
        ("import\n", 1, 7, "module name"),
        ("x = a.\n", 1, 7, "attribute name"),
        ("x = \\ 1\n", 1, 6, "unexpected character after line continuation character"),
        ("x = 5 $ 3\n", 1, 7, "invalid character"),
    ])
    func syntaxErrors(code: String, line: Int, column: Int, message: String) throws {
        let error = try #require(pythonSyntaxError(code))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("errors inside f-string fields point into the field")
    func fStringFieldError() throws {
        let error = try #require(pythonSyntaxError("y = f\"{a b}\"\n"))
        #expect(error.line == 1)
        #expect(error.column == 10)
        #expect(error.message.hasPrefix("f-string"))
        let empty = try #require(pythonSyntaxError("x = f'{}'\n"))
        #expect(empty.message == "f-string: empty expression not allowed")
    }

    @Test("a missing comma is repaired so the rest of the code is still read")
    func recovery() throws {
        let result = PythonParser.parseModuleRecovering("c = C(\n  a=1\n  b=2\n)\nd = [1 2 3]\n")
        #expect(result.errors.map(\.line) == [2, 5, 5])
        #expect(result.errors.map(\.column) == [5, 6, 8])
        let statements = try #require(result.statements)
        #expect(statements.count == 2)
        guard case .assign(_, let list) = statements[1].kind, case .list(let items) = list.kind else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 3)
    }

    @Test("other errors stop parsing and give no statements")
    func noRecovery() {
        let result = PythonParser.parseModuleRecovering("if x\n    y = 1\n")
        #expect(result.statements == nil)
        #expect(result.errors.count == 1)
    }
}

@Suite("Python parser limits")
struct PythonParserLimitTests {
    @Test("deep nesting is an error, not a crash")
    func deepNesting() throws {
        let deep = "x = " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n"
        let error = try #require(pythonSyntaxError(deep))
        #expect(error.message == "brackets nested more than 100 levels deep")
        #expect(error.tooDeepBound == 100)
        let fine = "x = " + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60) + "\n"
        #expect(pythonSyntaxError(fine) == nil)
        #expect(PythonFrontEnd().extract(pythonSample(fine)).findings.isEmpty)
        // Long operator chains nest the tree without brackets: bounded too.
        let unary = "x = " + String(repeating: "not ", count: 200) + String(repeating: "- ", count: 200) + "1\n"
        #expect(pythonSyntaxError(unary)?.message.hasPrefix("expression nested more than") == true)
        #expect(pythonSyntaxError(unary)?.tooDeepBound == 300)
        let sum = "x = 1" + String(repeating: " + 1", count: 280) + "\n"
        let extraction = PythonFrontEnd().extract(pythonSample(sum))
        #expect(extraction.findings.isEmpty)
        let longSum = "x = 1" + String(repeating: " + 1", count: 5000) + "\n"
        #expect(PythonFrontEnd().extract(pythonSample(longSum)).findings.count == 1)
    }
}

@Suite("Python parser: soft keywords and encodings")
struct PythonParserSoftKeywordTests {
    @Test("match is a statement only when it has the shape of one")
    func matchStatement() throws {
        let statements = try parsePython("""
        match command.split():
            case [action, *rest] if rest:
                pass
            case {"kind": kind, **others} | Point(x=0) as hit:
                pass
            case _:
                pass
        match = 1
        match(x)
        match.group(0)
        """)
        #expect(statements.count == 4)
        guard case .match(_, let cases) = statements[0].kind else {
            Issue.record("expected a match statement")
            return
        }
        #expect(cases.count == 3)
        guard case .assign = statements[1].kind, case .expression = statements[2].kind, case .expression = statements[3].kind else {
            Issue.record("match used as a name must stay a name")
            return
        }
    }

    @Test("a byte order mark before the code is accepted")
    func byteOrderMark() throws {
        #expect(try parsePython("\u{FEFF}x = 1\n").count == 1)
    }
}

@Suite("Python parser: newer syntax")
struct PythonParserNewerSyntaxTests {
    @Test("parenthesized with-items, trailing commas in targets, walrus in subscripts")
    func newer() throws {
        let statements = try parsePython("""
        with (open("a") as f,
              open("b") as g,):
            pass
        with (lock):
            pass
        del a,
        for x, in pairs:
            pass
        v = d[k := 1]
        s = f"\\N{BULLET} {v}"
        """)
        #expect(statements.count == 6)
        guard case .with(let items, _, _) = statements[0].kind else {
            Issue.record("expected a with statement")
            return
        }
        #expect(items.count == 2)
        #expect(items.map { $0.target?.text } == ["f", "g"])
        guard case .assign(_, let value) = statements[5].kind, case .string(let parts, _) = value.kind else {
            Issue.record("expected a string")
            return
        }
        #expect(parts.count == 2)
    }
}
