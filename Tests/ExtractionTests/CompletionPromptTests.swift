import Core
import Testing
@testable import Extraction

/// Pages about code-completion models show fences that stop mid-statement on purpose: the model
/// writes the rest. Without an API call such a fence is a prompt (a note); a program that calls
/// the API and is cut short, or breaks before its last line, keeps its error.
@Suite("Completion prompts")
struct CompletionPromptTests {
    private func python(_ code: String) -> [Finding] {
        PythonFrontEnd().extract(pythonSample(code)).findings.filter { $0.rule == "python-syntax" }
    }

    private func javascript(_ code: String) -> [Finding] {
        ExtractorFixture.javascript(code).findings.filter { $0.rule == "js-syntax" }
    }

    @Test("a Python prompt left open at its last line is a note")
    func pythonOpenPrompt() {
        for code in [
            "# Write a function that sorts a list of cities by size\n\ndef sort_cities\n",
            "\"\"\"\nTable pets, columns = [PetId, Name]\nWrite a query for every cat\n\"\"\"\nsql =\n",
            "\"\"\"\nA list of house plants and their light\n\"\"\"\nplants = [ {\"name\": \"Fern\", \"kind\": \"shade\"}, {\"name\":\n",
            "# Tests for the helper below\ndef\n",
        ] {
            let findings = python(code)
            #expect(findings.map(\.severity) == [.note], "\(code)")
            #expect(findings.first?.message.contains("code-completion model") == true)
        }
    }

    @Test("a prose placeholder in square brackets is a note in a fence that calls no API")
    func bracketedProse() {
        let findings = python("# Translate this to Go\n\n[ the code to translate ]\n\n# Go version\n")
        #expect(!findings.isEmpty && findings.allSatisfy { $0.severity == .note })
    }

    @Test("a program that calls the API, or breaks before its last line, keeps its error")
    func programsKeepErrors() {
        #expect(python("from openai import OpenAI\nclient = OpenAI()\nreply =\n").map(\.severity) == [.error])
        #expect(python("def broken(:\n    return 1\n\nprint(broken())\n").map(\.severity) == [.error])
        #expect(python("import requests\n[ the code to translate ]\n").allSatisfy { $0.severity == .error })
        // A snippet that imports a library is code to run, even without an API call.
        #expect(python("import math\n# the circle's area\narea = math.pi * (r ** 2\n").map(\.severity) == [.error])
        #expect(javascript("const fs = require(\"fs\");\n// read it\nconst text = fs.readFileSync(\n").map(\.severity) == [.error])
        // No comment says what to write: a one-line slip, not a prompt.
        #expect(python("total = (1 +\n").map(\.severity) == [.error])
    }

    @Test("a JavaScript comment left open for the model is a note; an API sample's is an error")
    func javascriptOpenComment() {
        #expect(javascript("/* Say what the loop above does: It\n").map(\.severity) == [.note])
        #expect(javascript("const r = await fetch(url);\n/* unfinished\n").map(\.severity) == [.error])
        #expect(javascript("let total = (1 + 2;\nconsole.log(total);\n").map(\.severity) == [.error])
    }
}
