import Core
import Quickstart
import TestSupport
import Testing
@testable import Extraction

/// Each sample is parsed once per extraction and every reader gets that one reading: what the
/// readers conclude must be what each concluded when it parsed the code itself.
@Suite struct ParsedSampleTests {
    typealias F = ExtractorFixture

    /// What the procedure checks read before the parse was shared: their own non-repairing parse.
    static func factsParsedAlone(_ sample: CodeSample) -> CodeFacts? {
        switch sample.language {
        case .python:
            guard case .success(let statements) = PythonParser.parseModule(sample.code) else { return nil }
            return PythonNameScan.scan(statements)
        case .javascript, .typescript:
            let typescript = JavaScriptFrontEnd.isTypeScript(sample)
            guard let tokens = try? JSTokenizer.tokenize(sample.code) else { return nil }
            var parser = JSParser(tokens: tokens, typescript: typescript)
            guard let program = try? parser.parseProgram() else { return nil }
            var facts = JSNameScan.scan(program)
            if typescript { facts.bound.formUnion(JSDeclaredTypeNames.names(in: tokens)) }
            return facts
        default:
            return nil
        }
    }

    static let samples: [CodeSample] = [
        F.sample("import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.getenv(\"KEY\"))\nprint(clinet)\n", .python, id: 1, fileName: "app.py"),
        // Parses only once a comma is put back: the front-end reads it repaired, the checks not at all.
        F.sample("import os\nx = dict(\n  a=1\n  b=os.environ['B']\n)\n", .python, id: 2),
        F.sample("    import os\n    print(os.environ['A'])\n", .python, id: 3),
        F.sample("const { OpenAI } = require(\"openai\");\nconst c = new OpenAI({ apiKey: process.env.KEY });\nconsole.log(nope);\n", .javascript, id: 4, fileName: "app.js"),
        F.sample("interface Reply { text: string }\nconst r: Reply = { text: process.env.X ?? \"\" };\nconsole.log(r, Reply);\n", .typescript, id: 5, fileName: "app.ts"),
        // TypeScript saved as .js: the front-end reads it as TypeScript (`ts-in-js`), the checks skip it.
        F.sample("const n: number = 1;\nconsole.log(n);\n", .javascript, id: 6, fileName: "index.js"),
        F.sample("const s = `open\n", .javascript, id: 7),
        F.sample("echo hi\n", .shell, id: 8),
    ]

    @Test("the procedure checks' facts from the shared parse equal their own parse's")
    func factsUnchanged() {
        var parsed = ParsedSamples()
        for sample in Self.samples { _ = parsed.form(storing: sample) }
        let facts = SampleFacts(samples: Self.samples, parsed: parsed)
        for sample in Self.samples {
            let alone = Self.factsParsedAlone(sample)
            let shared = facts[sample.id]
            #expect((alone == nil) == (shared == nil), "sample \(sample.id)")
            #expect(alone?.bound == shared?.bound, "sample \(sample.id)")
            #expect(alone?.reads == shared?.reads, "sample \(sample.id)")
            #expect(alone?.imports == shared?.imports, "sample \(sample.id)")
            #expect(alone?.envReads == shared?.envReads, "sample \(sample.id)")
            #expect(alone?.misspellings == shared?.misspellings, "sample \(sample.id)")
        }
        // The cases above are not all trivially nil: good code has facts, repaired code has none.
        #expect(facts[1] != nil && facts[4] != nil && facts[5] != nil)
        #expect(facts[2] == nil && facts[6] == nil && facts[7] == nil)
    }

    @Test("the front-ends read the shared form exactly as they read the code alone")
    func frontEndsUnchanged() {
        let extractor = Extractor()
        for sample in Self.samples {
            guard let frontEnd = extractor.frontEnd(for: sample) else { continue }
            let alone = frontEnd.extract(sample, context: FrontEndContext())
            let shared = frontEnd.extract(sample, context: FrontEndContext(), parsed: ParsedSample(sample))
            #expect(alone == shared, "sample \(sample.id)")
        }
        let tsInJS = Self.samples[5]
        #expect(extractor.frontEnd(for: tsInJS)!.extract(tsInJS, context: FrontEndContext(), parsed: ParsedSample(tsInJS))
            .findings.map(\.rule) == ["ts-in-js"])
    }

    /// A page of our own: a Node.js package made an ES module whose `app.js` uses `require` and
    /// reads an unbound name, and a Python program with a misspelt variable.
    static let page = """
        # Two languages

        1. Set up the package:

            ```console
            npm init -y
            npm pkg set type=module
            npm install openai
            ```

        1. Create `app.js`:

            ```javascript
            const { OpenAI } = require("openai");
            const client = new OpenAI();
            console.log(clinet);
            ```

        1. Install the library:

            ```console
            pip install openai
            ```

        1. Create `app.py`:

            ```python
            from openai import OpenAI
            client = OpenAI()
            print(clinet.models)
            ```
        """

    @Test("a whole page: the extractor's document findings are the checks' own")
    func documentFindingsUnchanged() throws {
        let root = try MarkdownFixture.folder(["a.md": Self.page])
        let document = try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
        let extraction = Extractor().extract(document)
        // The checks run alone parse every sample themselves.
        let alone = JSModuleMismatchCheck.findings(in: document) + ProcedureChecks.findings(in: document)
        #expect(alone.filter { $0.rule == "js-module-mismatch" }.count == 1)
        #expect(alone.filter { $0.rule == "undefined-name" }.count == 2, "\(alone)")
        let documentRules = Set(alone.map(\.rule))
        #expect(extraction.findings.filter { documentRules.contains($0.rule) } == alone)
    }

    @Test("a form is reused only for the same code and dialect")
    func formsKeyedBySampleAndCode() {
        var parsed = ParsedSamples()
        var sample = F.sample("import os\n", .python, id: 3)
        let first = parsed.form(storing: sample)
        #expect(first.python?.cleanStatements?.count == 1)
        sample.code = "import os\nimport sys\n"
        #expect(parsed.form(of: sample).python?.cleanStatements?.count == 2)
        #expect(parsed.form(storing: sample).python?.cleanStatements?.count == 2)

        var script = F.sample("let a: number = 1;\n", .javascript, id: 4)
        guard case .failure = parsed.form(storing: script).javascript?.program else {
            Issue.record("a type annotation is not JavaScript")
            return
        }
        script.fileName = "a.ts"
        guard case .success = parsed.form(of: script).javascript?.program else {
            Issue.record("the same code in a .ts file is TypeScript")
            return
        }
    }
}

/// The precedence climb builds the trees (and node texts) one function per level built.
@Suite struct PythonPrecedenceTests {
    static func expr(_ source: String) throws -> PythonExpr {
        try PythonParser.parseEmbeddedExpression(source, line: 1, column: 1)
    }

    /// `(op left right)` with names as themselves, for comparing shapes.
    static func shape(_ e: PythonExpr, depth: Int = 0) -> String {
        guard depth < 50 else { return "…" }
        switch e.kind {
        case .name(let n): return n
        case .int(let i): return "\(i)"
        case .binary(let op, let l, let r): return "(\(op) \(shape(l, depth: depth + 1)) \(shape(r, depth: depth + 1)))"
        case .unary(let op, let x): return "(\(op) \(shape(x, depth: depth + 1)))"
        case .compare(let l, let ops, let rs):
            return "(cmp \(shape(l, depth: depth + 1)) " + zip(ops, rs).map { "\($0) \(shape($1, depth: depth + 1))" }.joined(separator: " ") + ")"
        case .boolean(let op, let l, let r): return "(\(op) \(shape(l, depth: depth + 1)) \(shape(r, depth: depth + 1)))"
        case .call(let f, let args): return "(call \(shape(f, depth: depth + 1))" + args.map { " " + shape($0.value, depth: depth + 1) }.joined() + ")"
        case .attribute(let x, let name): return "\(shape(x, depth: depth + 1)).\(name)"
        default: return e.text
        }
    }

    @Test("binding powers from | to *, left-associative", arguments: [
        ("a | b ^ c & d << e + f * g", "(| a (^ b (& c (<< d (+ e (* f g))))))"),
        ("a * b + c << d & e ^ f | g", "(| (^ (& (<< (+ (* a b) c) d) e) f) g)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a // b % c @ d / e", "(/ (@ (% (// a b) c) d) e)"),
        ("a + b * c - d", "(- (+ a (* b c)) d)"),
        ("-a ** -b", "(- (** a (- b)))"),
        ("~a + -b * c", "(+ (~ a) (* (- b) c))"),
        ("a < b | c == d", "(cmp a < (| b c) == d)"),
        ("not a + 1 > 2 and b", "(and (not (cmp (+ a 1) > 2)) b)"),
        ("f(a + b)(c).d * 2", "(* (call (call f (+ a b)) c).d 2)"),
    ])
    func shapes(source: String, expected: String) throws {
        #expect(Self.shape(try Self.expr(source)) == expected)
    }

    @Test("each node's text is its own source, the leaves' too")
    func texts() throws {
        let e = try Self.expr("x1 + 0x1F * (y - 2.5) | None")
        #expect(e.text == "x1 + 0x1F * (y - 2.5) | None")
        guard case .binary("|", let left, let right) = e.kind, case .binary("+", let x, let product) = left.kind,
              case .binary("*", let hex, let group) = product.kind else {
            Issue.record("unexpected tree \(Self.shape(e))")
            return
        }
        #expect(left.text == "x1 + 0x1F * (y - 2.5)")
        #expect(product.text == "0x1F * (y - 2.5)")
        #expect(x.text == "x1" && hex.text == "0x1F" && right.text == "None")
        #expect(group.text == "y - 2.5")
        #expect(x.line == 1 && x.column == 1 && hex.column == 6)
    }

    @Test("node texts cut from ASCII source are the tokenizer's cut", arguments: [
        "x = client.chat.completions.create(model=m, messages=[{'role': 'user'}])\r\nprint(x)\n",
        "s = 'h\u{E9}llo' + na\u{EF}ve[1:2]\n",
    ])
    func asciiTexts(source: String) throws {
        let tokenizer = PythonTokenizer(source)
        let parser = PythonParser(tokenizer: tokenizer, source: source)
        #expect((parser.asciiSource != nil) == source.unicodeScalars.allSatisfy(\.isASCII))
        let count = tokenizer.scalars.count
        for start in stride(from: -1, through: count + 1, by: 3) {
            for end in stride(from: start, through: count + 2, by: 2) {
                #expect(parser.text(start, end) == tokenizer.text(start, end), "\(start)..<\(end)")
            }
        }
        guard case .assign(_, let value)? = try parsePython(source).first?.kind else {
            Issue.record("an assignment")
            return
        }
        #expect(source.hasPrefix("x = " + value.text) || source.hasPrefix("s = " + value.text))
    }

    /// Each node's tallest child as the parser used to find it, from the array of children. (Nodes
    /// the parser makes without `build`, as a subscript's tuple, keep depth 1 as before.)
    static func checkDepths(_ e: PythonExpr, level: Int = 0) -> Int {
        guard level < 400 else { return 0 }
        #expect(e.maxChildDepth == (e.children.map(\.depth).max() ?? 0), "\(e.text)")
        return 1 + e.children.reduce(0) { $0 + checkDepths($1, level: level + 1) }
    }

    @Test("every kind of node finds its tallest child without an array of children")
    func depths() throws {
        let sources = [
            "f(a, *b, k=c, **d)[1:2:3, ::x].y",
            "{'a': [1, (2, 3)], **m}", "{s, t, *u}", "[x async for x in y if x] + [(z := 1)]",
            "lambda a, b=2: a if b else (yield)", "await g(f'{a + b!r:>{w}}')",
            "{k: v for k, v in d.items()}", "(i for i in range(3))", "a is not b not in c", "...",
        ]
        var nodes = 0
        for source in sources {
            let e = try Self.expr(source)
            nodes += Self.checkDepths(e)
        }
        #expect(nodes > 50)
    }

    @Test("errors and the depth bound are where they were")
    func errorsAndBounds() {
        let misplaced = pythonSyntaxError("x = a + * b\n")
        #expect(misplaced?.line == 1)
        #expect(misplaced?.column == 9)
        #expect(pythonSyntaxError("x = a |\n")?.line == 1)
        let chain = "x = " + Array(repeating: "a", count: 400).joined(separator: " + ") + "\n"
        #expect(pythonSyntaxError(chain)?.tooDeepBound == 300)
        let shortChain = "x = " + Array(repeating: "a", count: 250).joined(separator: " * ") + "\n"
        #expect(pythonSyntaxError(shortChain) == nil)
    }
}
