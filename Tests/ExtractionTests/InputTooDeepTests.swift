import Core
import Quickstart
import Testing
@testable import Extraction

/// Every reader's depth bound is `input-too-deep` (error, at the line that went past it, naming the
/// bound), never a syntax error the page does not have, and never a crash.
@Suite("input-too-deep in every front-end")
struct InputTooDeepTests {
    static func only(_ findings: [Finding], bound: Int, line: Int, sourceLine: Int = ExtractorFixture.codeStartLine) {
        #expect(findings.map(\.rule) == ["input-too-deep"], "\(findings)")
        guard let finding = findings.first else { return }
        #expect(finding.severity == .error)
        #expect(finding.message.contains("more than \(bound) levels"))
        #expect(finding.location.line == sourceLine + line - 1)
        #expect(finding.location.file == ExtractorFixture.file || finding.location.file == "doc.md")
    }

    @Test("Python: brackets past the tokenizer's bound, on the line where it is passed")
    func pythonBrackets() {
        let code = "import requests\nbody = " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n"
        let findings = PythonFrontEnd().extract(pythonSample(code)).findings
        Self.only(findings, bound: 100, line: 2, sourceLine: 11)
    }

    @Test("Python: an operator chain and nested lambdas past the parser's bounds")
    func pythonExpressions() {
        let unary = "x = " + String(repeating: "not ", count: 200) + String(repeating: "- ", count: 200) + "1\n"
        Self.only(PythonFrontEnd().extract(pythonSample(unary)).findings, bound: 300, line: 1, sourceLine: 11)
        let lambdas = "f = " + String(repeating: "lambda: ", count: 400) + "1\n"
        let findings = PythonFrontEnd().extract(pythonSample(lambdas)).findings
        #expect(findings.map(\.rule) == ["input-too-deep"], "\(findings)")
    }

    @Test("Python: a real syntax error stays python-syntax; deep but within bounds is quiet")
    func pythonOthersUnchanged() {
        #expect(PythonFrontEnd().extract(pythonSample("x = (1,\n")).findings.map(\.rule) == ["python-syntax"])
        let fine = "x = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        #expect(PythonFrontEnd().extract(pythonSample(fine)).findings.isEmpty)
    }

    @Test("JavaScript and TypeScript: nesting past the parser's bound", arguments: [CodeLanguage.javascript, .typescript])
    func javascript(language: CodeLanguage) {
        let arrays = "const a = 1;\nconst b = " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + ";\n"
        Self.only(ExtractorFixture.javascript(arrays, language).findings, bound: 100, line: 2)
        let calls = "const c = " + String(repeating: "f(", count: 150) + String(repeating: ")", count: 150) + ";\n"
        #expect(ExtractorFixture.javascript(calls, language).findings.map(\.rule) == ["input-too-deep"])
        // A genuine syntax error keeps its rule.
        let broken = ExtractorFixture.javascript("const a = { b c };\n", language).findings.map(\.rule)
        #expect(broken == [language == .typescript ? "ts-syntax" : "js-syntax"])
    }

    @Test("a JSON fence past the JSON reader's bound; a shallow one is quiet")
    func jsonFence() {
        let deep = "{\n  \"a\": " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n}\n"
        let findings = JSONFenceFrontEnd().extract(ExtractorFixture.sample(deep, .json), context: FrontEndContext()).findings
        Self.only(findings, bound: JSONTextParser.maxDepth, line: 2)
        let shallow = "{\"a\": " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "}\n"
        #expect(JSONFenceFrontEnd().extract(ExtractorFixture.sample(shallow, .json), context: FrontEndContext()).findings.isEmpty)
    }

    @Test("a curl request body past the JSON reader's bound")
    func curlBody() {
        let command = """
            curl -X POST "$E/openai/deployments/d/chat/completions?api-version=v" \\
              -H "api-key: $KEY" \\
              -d '{"messages": \(String(repeating: "[", count: 300) + String(repeating: "]", count: 300))}'
            """
        Self.only(ExtractorFixture.rest(command + "\n").findings, bound: JSONTextParser.maxDepth, line: 3)
    }

    @Test("an HTTP block's body past the JSON reader's bound")
    func httpBody() {
        let block = "POST https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=v\nContent-Type: application/json\n\n"
            + "{\"messages\": " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}\n"
        let findings = ExtractorFixture.rest(block, .http).findings
        #expect(findings.map(\.rule) == ["input-too-deep"], "\(findings)")
        #expect(findings.first?.message.contains("more than \(JSONTextParser.maxDepth) levels") == true)
    }

    @Test("a too-deep sample is not also reported as request-unextracted")
    func notAlsoUnextracted() {
        let code = ExtractorFixture.sample(
            "const { AzureOpenAI } = require(\"openai\");\nconst c = new AzureOpenAI(" + String(repeating: "[", count: 150)
                + String(repeating: "]", count: 150) + ");\n", .javascript, id: 3)
        let extraction = Extractor().extract(ExtractorFixture.document([code]))
        #expect(extraction.allFindings.map(\.rule) == ["input-too-deep"])
    }
}
