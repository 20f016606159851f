import Core
import Quickstart

/// Reads a Python code sample without running it: tokenizes and parses it (syntax errors become
/// `python-syntax` findings at Markdown positions), then evaluates it abstractly to find the HTTP
/// calls it makes (`requests`, the `openai` SDK), the files it reads and writes, and the response
/// fields it uses.
public struct PythonFrontEnd: Sendable {
    public init() {}

    /// Everything static reading learns about `sample`. Never throws: problems are findings.
    public func extract(_ sample: CodeSample) -> SampleExtraction {
        var extraction = SampleExtraction(sampleID: sample.id)
        let parsed = PythonParser.parseModuleRecovering(sample.code)
        for error in parsed.errors {
            extraction.findings.append(Finding(
                rule: "python-syntax", severity: .error,
                location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
                message: "Python syntax error: \(error.message)"))
        }
        guard let statements = parsed.statements else {
            // Unparseable code: still say whether it evidently calls an API, so the orchestrator
            // reports it rather than skipping it.
            extraction.callsAPI = Self.mentionsAPI(sample.code)
            return extraction
        }
        var evaluator = PythonEvaluator(sample: sample)
        evaluator.run(statements)
        extraction.requests = evaluator.requests
        extraction.reads = evaluator.reads
        extraction.writes = evaluator.writes
        extraction.responseReads = evaluator.responseReads
        extraction.callsAPI = evaluator.callsAPI || !evaluator.requests.isEmpty
        return extraction
    }

    /// A textual fallback for code that does not parse.
    static func mentionsAPI(_ code: String) -> Bool {
        ["import openai", "from openai", "import requests", "import httpx", "AzureOpenAI(", "OpenAI(", "requests.post("]
            .contains { code.contains($0) }
    }
}
