import Core
import Quickstart
import Testing
@testable import Extraction

/// The evaluators and the PowerShell reader stop at depth bounds of their own (values converted,
/// calls followed, values read); past one the sample gets `input-too-deep` at the line, as the
/// parsers give, instead of a silently unknown request. Recursion is not nesting: it stays quiet.
@Suite("input-too-deep from the evaluators and the PowerShell reader")
struct EvaluatorDepthTests {
    static func tooDeep(_ findings: [Finding]) -> [Finding] { findings.filter { $0.rule == "input-too-deep" } }

    /// `{"a": {"a": … 1 …}}` nested `levels` deep, in JavaScript / Python literal syntax.
    static func nestedObject(_ levels: Int, key: String = "\"a\"") -> String {
        String(repeating: "{\(key): ", count: levels) + "1" + String(repeating: "}", count: levels)
    }

    @Test("JavaScript: a body nested past the evaluator's value bound, sent by fetch, at the fetch line")
    func javascriptValue() {
        let code = "const body = " + Self.nestedObject(40) + ";\n"
            + "fetch(\"https://example.openai.azure.com/x\", { method: \"POST\", body: JSON.stringify(body) });\n"
        let findings = Self.tooDeep(ExtractorFixture.javascript(code).findings)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("more than \(JSEvaluator.maxDepth) levels") == true)
        #expect(findings.first?.location.line == ExtractorFixture.codeStartLine + 1)
        // Within the bound: quiet.
        let shallow = "const body = " + Self.nestedObject(10) + ";\n"
            + "fetch(\"https://example.openai.azure.com/x\", { method: \"POST\", body: JSON.stringify(body) });\n"
        #expect(Self.tooDeep(ExtractorFixture.javascript(shallow).findings).isEmpty)
    }

    @Test("JavaScript: a chain of 40 distinct functions each calling the next; recursion is quiet")
    func javascriptCalls() {
        var code = ""
        for index in 0..<40 { code += "function f\(index)() { return f\(index + 1)(); }\n" }
        code += "function f40() { return 1; }\nf0();\n"
        let findings = Self.tooDeep(ExtractorFixture.javascript(code, .typescript).findings)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.contains("TypeScript call chain") == true)
        let recursive = "function loop(n) { return loop(n + 1); }\nloop(0);\n"
        #expect(Self.tooDeep(ExtractorFixture.javascript(recursive).findings).isEmpty)
        // A value that contains itself is a cycle, not nesting.
        let cycle = "const a = {}; a.self = a;\nfetch(\"https://example.openai.azure.com/x\", { method: \"POST\", body: a });\n"
        #expect(Self.tooDeep(ExtractorFixture.javascript(cycle).findings).isEmpty)
    }

    @Test("Python: a json= body nested past the evaluator's value bound, at the request line")
    func pythonValue() {
        let code = "import requests\nbody = " + Self.nestedObject(80) + "\n"
            + "requests.post(\"https://example.openai.azure.com/x\", json=body)\n"
        let findings = Self.tooDeep(PythonFrontEnd().extract(pythonSample(code)).findings)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.contains("more than \(PythonEvaluator.maxValueDepth) levels") == true)
        #expect(findings.first?.location.line == 11 + 2)
        let shallow = "import requests\nbody = " + Self.nestedObject(20) + "\nrequests.post(\"https://example.openai.azure.com/x\", json=body)\n"
        #expect(Self.tooDeep(PythonFrontEnd().extract(pythonSample(shallow)).findings).isEmpty)
        // A list that contains itself is a cycle, not nesting.
        let cycle = "import requests\na = []\na.append(a)\nrequests.post(\"https://example.openai.azure.com/x\", json=a)\n"
        #expect(Self.tooDeep(PythonFrontEnd().extract(pythonSample(cycle)).findings).isEmpty)
    }

    @Test("Python: a chain of 20 distinct functions; a recursive function is quiet")
    func pythonCalls() {
        var code = ""
        for index in 0..<20 { code += "def f\(index)():\n    return f\(index + 1)()\n" }
        code += "def f20():\n    return 1\nf0()\n"
        let findings = Self.tooDeep(PythonFrontEnd().extract(pythonSample(code)).findings)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.contains("Python call chain") == true)
        let recursive = "def retry(n):\n    return retry(n + 1)\nretry(0)\n"
        #expect(Self.tooDeep(PythonFrontEnd().extract(pythonSample(recursive)).findings).isEmpty)
    }

    @Test("PowerShell: hashtables nested past the reader's bound, at the line where it is passed")
    func powershell() {
        let sample = { (code: String) in
            CodeSample(
                id: 1, language: .shell, infoString: "powershell", code: code,
                location: SourceLocation(file: "doc.md", line: 10, column: 1), codeStartLine: 11, codeStartColumn: 1)
        }
        let deep = "$uri = \"https://example.openai.azure.com/x\"\n$body = " + String(repeating: "@{ a = ", count: 80)
            + "1" + String(repeating: " }", count: 80) + "\nInvoke-RestMethod -Uri $uri -Method Post -Body ($body | ConvertTo-Json)\n"
        let findings = Self.tooDeep(PowerShellFrontEnd().extract(sample(deep), context: FrontEndContext()).findings)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.location.line == 12)
        #expect(findings.first?.message.contains("PowerShell code is nested more than \(PowerShellReader.maxDepth) levels") == true)
        let shallow = "$body = " + String(repeating: "@{ a = ", count: 5) + "1" + String(repeating: " }", count: 5)
            + "\nInvoke-RestMethod -Uri \"https://example.openai.azure.com/x\" -Method Post -Body ($body | ConvertTo-Json)\n"
        #expect(Self.tooDeep(PowerShellFrontEnd().extract(sample(shallow), context: FrontEndContext()).findings).isEmpty)
    }
}
