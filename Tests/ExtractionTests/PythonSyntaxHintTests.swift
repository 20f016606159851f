import Core
import Testing
@testable import Extraction

/// Plainer python-syntax messages for the two ways a fence commonly fails (issue 8 §2).
@Suite("Python syntax hints: indented samples and commands in python fences")
struct PythonSyntaxHintTests {
    private func extract(_ code: String) -> SampleExtraction { PythonFrontEnd().extract(pythonSample(code)) }

    @Test func aWhollyIndentedSampleIsOneFindingAndItsCallIsStillRead() throws {
        let x = extract("""

            import os, requests
            requests.post(os.environ["E"] + "/x", json={"n": 1})
        """)
        #expect(x.findings.count == 1)
        let finding = try #require(x.findings.first)
        #expect(finding.rule == "python-syntax" && finding.severity == .error)
        #expect(finding.message.contains("every line is indented by 4 spaces"))
        #expect(finding.message.contains("IndentationError"))
        // Code line 2 is Markdown line 12; the fence sits at column 5.
        #expect(finding.location == SourceLocation(file: "doc.md", line: 12, column: 5))
        #expect(x.requests.count == 1)
        // The call keeps its place in the Markdown: fence column 5 + 4 spaces of indentation.
        #expect(x.requests.first?.location.column == 9)
    }

    /// A few lines shown at the depth of a function body given earlier on the page, for the reader
    /// to edit in place: a note, since a reader doesn't run them as a file.
    @Test func anIndentedPieceWithoutImportsIsANoteAndStillRead() throws {
        let x = extract("""
            # pick one of these two prompts
            #prompt = [{"role": "user", "content": "one city"}]
            prompt = [{"role": "user", "content": "three cities"}]
        """)
        #expect(x.findings.count == 1)
        let finding = try #require(x.findings.first)
        #expect(finding.rule == "python-syntax" && finding.severity == .note)
        #expect(finding.message.contains("piece of a larger program"))
        #expect(finding.location == SourceLocation(file: "doc.md", line: 11, column: 5))
    }

    @Test func anIndentedPieceWithAnotherErrorStaysAnError() {
        let x = extract("""
            answer = ask(1 2)
        """)
        #expect(x.findings.allSatisfy { $0.severity == .error })
        #expect(x.findings.count == 2)
    }

    @Test func anIndentedSampleWithAnotherErrorReportsBoth() {
        let x = extract("""
            x = foo(1 2)
        """)
        #expect(x.findings.count == 2)
        #expect(x.findings.first?.message.contains("indented by 4 spaces") == true)
        #expect(x.findings.last?.message.contains("Python syntax error") == true)
    }

    @Test func anIndentedBlockInsideValidCodeIsNotReported() {
        let x = extract("""
        def f():
            return 1
        """)
        #expect(x.findings.isEmpty)
    }

    @Test func commandsInAPythonFenceAreAWarningThatNamesTheFix() throws {
        let x = extract("""
        # install the library first
        pip install openai
        export AZURE_OPENAI_ENDPOINT="https://example.test"
        python to_audio.py
        """)
        #expect(x.findings.count == 1)
        let finding = try #require(x.findings.first)
        #expect(finding.rule == "python-syntax" && finding.severity == .warning)
        #expect(finding.message.contains("this is a command"))
        #expect(finding.message.contains("```console"))
        #expect(finding.location.line == 12)
    }

    @Test func aCommandInsideAProgramIsAnErrorSayingWhatItIs() throws {
        let x = extract("""
        pip install requests
        import requests
        print(requests.get("https://example.test").status_code)
        """)
        let finding = try #require(x.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.contains("shell command"))
        #expect(finding.message.contains("```console"))
    }

    @Test func pythonThatStartsWithACommandWordIsNotACommand() {
        #expect(!PythonSyntaxHints.isCommand("python = 3"))
        #expect(!PythonSyntaxHints.isCommand("node.value += 1"))
        #expect(!PythonSyntaxHints.isCommand("source(path)"))
        #expect(!PythonSyntaxHints.isCommand("py in modules"))
        #expect(PythonSyntaxHints.isCommand("$ pip install -r requirements.txt"))
        #expect(PythonSyntaxHints.isCommand("python -m venv .venv"))
        #expect(extract("python = 3\nprint(python)\n").findings.isEmpty)
    }
}
