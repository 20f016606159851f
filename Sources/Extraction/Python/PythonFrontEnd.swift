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
        extract(sample, parsed: nil)
    }

    /// The same, from `parsed`: the sample's code as written, already parsed (nil: parse it here).
    func extract(_ sample: CodeSample, parsed form: ParsedSample.Python?) -> SampleExtraction {
        var extraction = SampleExtraction(sampleID: sample.id)
        var sample = sample
        var parsed = form.map { (statements: $0.statements, errors: $0.errors) } ?? PythonParser.parseModuleRecovering(sample.code)
        let indent = parsed.errors.isEmpty ? 0 : PythonSyntaxHints.commonIndent(sample.code)
        if indent > 0 {
            // The whole sample is indented: one clear finding, then read the code as meant.
            let firstLine = sample.code.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains { !$0.isWhitespace } } ?? 0
            let location = sample.markdownLocation(codeLine: firstLine + 1, codeColumn: 1)
            sample.code = PythonSyntaxHints.dedent(sample.code, by: indent)
            sample.codeStartColumn += indent
            parsed = PythonParser.parseModuleRecovering(sample.code)
            // A program (it imports) is meant to be saved and run whole, so its indentation fails;
            // lines without imports are usually a piece of a function shown earlier, to be edited
            // in place at that depth ("swap the comments in these two lines"): only a note.
            if parsed.errors.isEmpty, PythonSyntaxHints.isFragment(parsed.statements) {
                extraction.findings.append(Finding(
                    rule: "python-syntax", severity: .note, location: location,
                    message: "every line is indented by \(indent) spaces and nothing is imported, so docverify reads it as a piece of a larger program, edited in place at that depth; if it is meant to run on its own, dedent the fence's code"))
            } else {
                extraction.findings.append(Finding(
                    rule: "python-syntax", severity: .error, location: location,
                    message: "every line is indented by \(indent) spaces; a reader who copies it gets IndentationError: unexpected indent: dedent the fence's code"))
            }
        }
        if !parsed.errors.isEmpty, PythonSyntaxHints.isAllCommands(sample.code) {
            // Commands fenced as Python: a reader runs them in a terminal and they work, so the
            // fence's language is wrong, not the steps (a warning, not an error).
            let line = PythonSyntaxHints.commandLines(sample.code).first ?? 1
            extraction.findings.append(Finding(
                rule: "python-syntax", severity: .warning,
                location: sample.markdownLocation(codeLine: line, codeColumn: 1),
                message: "this is a command, not Python: the fence is marked `\(sample.infoString)`, so it is shown and checked as Python code; use ```console (or ```bash / ```powershell)"))
            return extraction
        }
        // `<your-value>` stand-ins where a value goes: read as strings, each one a warning.
        var standIns = 0
        while standIns < PythonStandIns.maxStandIns, let error = parsed.errors.first, error.tooDeepBound == nil,
              let fixed = PythonStandIns.quoting(sample.code, line: error.line, column: error.column) {
            standIns += 1
            // In f-string braces the reader puts a variable there: the page's shorthand, a note.
            extraction.findings.append(Finding(
                rule: "python-syntax", severity: fixed.inBraces ? .note : .warning,
                location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
                message: fixed.inBraces
                    ? "`\(fixed.text)` in these f-string braces is a stand-in for the reader's own value (the variable that holds it); the line runs once it is replaced; docverify read it as a string"
                    : "`\(fixed.text)` is a stand-in the reader replaces with their own value; written where Python expects a value, the file doesn't run until it is replaced; write it as a quoted string (\"<\(fixed.name)>\") so the sample runs once filled in; docverify read it as one"))
            sample.code = fixed.code
            parsed = PythonParser.parseModuleRecovering(sample.code)
        }
        // Only a syntax error asks whether its line is a command: clean code skips the scan.
        let commandLines = parsed.errors.isEmpty ? [] : Set(PythonSyntaxHints.commandLines(sample.code))
        for error in parsed.errors {
            if let bound = error.tooDeepBound {
                extraction.findings.append(InputTooDeep.finding(
                    "Python code", bound: bound, line: error.line, column: error.column, in: sample))
                continue
            }
            var message = commandLines.contains(error.line)
                ? "line \(error.line) of this Python sample is a shell command; a reader who runs the file gets SyntaxError: this is a command, move it to a ```console fence of its own"
                : "Python syntax error: \(error.message)"
            var severity = Severity.error
            if let standIn = PythonSyntaxHints.standIn(in: sample.code, line: error.line, column: error.column) {
                // `<base64_string>` is the page's stand-in for the reader's own value: in `{…}` of
                // an f-string the reader's variable goes there and the code is fine; elsewhere
                // the value the reader types in its place may still need quotes.
                severity = standIn.inBraces ? .note : .warning
                message = "`\(standIn.text)` stands for the reader's own value; as written Python stops with SyntaxError, so readers must replace it"
                    + (standIn.inBraces ? " (with the name of their variable)"
                        : standIn.quoted ? "; put the quotes outside the brackets (\"\(standIn.text.filter { $0 != "\"" })\") so the code parses as shown"
                        : "; write it as a string (\"\(standIn.text)\") so the code parses as shown")
            } else if !Self.mentionsAPI(sample.code), CompletionPrompt.isOpenEnded(sample.code, errorLine: error.line, errorMessage: error.message) {
                severity = .note
                message = CompletionPrompt.message
            } else if !Self.mentionsAPI(sample.code), CompletionPrompt.isBracketedProse(sample.code, errorLine: error.line) {
                severity = .note
                message = CompletionPrompt.placeholderMessage
            } else if error == parsed.errors.first, PythonSyntaxHints.startsInsideFunction(sample.code, firstError: error) {
                // A walk-through's piece: the body of a function whose `def` line the page shows
                // elsewhere (or forgot). Whoever copies this fence alone gets IndentationError.
                severity = .warning
                message = "the sample starts indented, as the body of a function whose `def` line it leaves out; a reader who copies it alone gets IndentationError: unexpected indent: add the `def` line, or dedent the code"
            }
            extraction.findings.append(Finding(
                rule: "python-syntax", severity: severity,
                location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
                message: message))
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
        extraction.opensWebSocket = evaluator.opensWebSocket
        if let tooDeep = evaluator.depthHits.finding(language: "Python", in: sample) { extraction.findings.append(tooDeep) }
        for refusal in evaluator.sdkRefusals {
            extraction.findings.append(Finding(
                rule: "request-invalid", severity: .error,
                location: sample.markdownLocation(codeLine: refusal.line, codeColumn: refusal.column), message: refusal.message))
        }
        // Imports, a client and settings alone (a walk-through's first chunk, a notebook's import
        // cell) call nothing yet; a method on something unknown (a client from another chunk) may.
        extraction.callsAPI = evaluator.callsAPI || !evaluator.requests.isEmpty
            || (evaluator.importsAPI && evaluator.callsUnknownMethod)
        return extraction
    }

    /// A textual fallback for code that does not parse.
    static func mentionsAPI(_ code: String) -> Bool {
        ["import openai", "from openai", "import requests", "import httpx", "AzureOpenAI(", "OpenAI(", "requests.post("]
            .contains { code.contains($0) }
    }
}
