import Core
import Testing
@testable import Extraction

/// Hostile nesting once exhausted the stack in the parsers (each input below crashed `check`).
/// Now each is a finding inside the code (`input-too-deep` where docverify's bound stopped it), and the process goes on.
@Suite struct NestingBoundTests {
    static let deepJavaScript: [String] = [
        "const x = " + String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000) + ";",
        "const x = " + String(repeating: "{a:", count: 3000) + "1" + String(repeating: "}", count: 3000) + ";",
        "const x = " + String(repeating: "[", count: 3000) + "1" + String(repeating: "]", count: 3000) + ";",
        "const x = " + String(repeating: "f(", count: 3000) + "1" + String(repeating: ")", count: 3000) + ";",
        "const x = " + String(repeating: "!", count: 20_000) + "1;",
        "const x = " + String(repeating: "1+", count: 50_000) + "1;",
        "const x = " + String(repeating: "() => ", count: 3000) + "1;",
        "const x = " + String(repeating: "a ? b : ", count: 3000) + "c;",
        String(repeating: "{", count: 3000) + String(repeating: "}", count: 3000),
        String(repeating: "if (a) ", count: 3000) + "x();",
    ]

    @Test("deep JavaScript is an input-too-deep finding naming the bound", arguments: deepJavaScript.indices)
    func javascript(index: Int) {
        let result = ExtractorFixture.javascript(Self.deepJavaScript[index])
        #expect(result.findings.map(\.rule) == ["input-too-deep"])
        #expect(result.findings.first?.message.contains("levels deep") == true)
    }

    static let deepPython: [String] = [
        "x = " + String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000),
        "x = " + String(repeating: "f\"{", count: 250) + "1" + String(repeating: "}\"", count: 250),
        "x = " + String(repeating: "lambda: ", count: 3000) + "1",
        "x = " + String(repeating: "1 if a else ", count: 3000) + "1",
        "x = " + String(repeating: "2**", count: 5000) + "2",
        "x = " + String(repeating: "f(", count: 3000) + String(repeating: ")", count: 3000),
    ]

    @Test("deep Python is a python-syntax error", arguments: deepPython.indices)
    func python(index: Int) {
        #expect(pythonSyntaxError(Self.deepPython[index]) != nil)
    }

    @Test func ordinaryNestingStillParses() {
        #expect(pythonSyntaxError("x = f(g(h([{'a': (1 if b else 2) ** 2}])))\nprint(f\"{x!r} {f'{x}'}\")\n") == nil)
        #expect(ExtractorFixture.javascript("const x = f(g(h([{ a: (b ? 1 : 2) ** 2 }])));\n").findings.isEmpty)
    }

    @Test func farSparseArrayWriteIsNotModelled() {
        // Used to allocate 1.1 GB.
        let result = ExtractorFixture.javascript("const a = []; a[1e8] = 1; a[1e300] = 2; a[Infinity] = 3;\n")
        #expect(result.findings.isEmpty)
    }
}
