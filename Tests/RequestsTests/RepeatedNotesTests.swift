import Core
import Testing
@testable import Requests

@Suite("Repeated notes are kept once per page")
struct RepeatedNotesTests {
    private func note(_ rule: String, _ line: Int, _ message: String, file: String = "page.md") -> Finding {
        Finding(rule: rule, severity: .note, location: SourceLocation(file: file, line: line, column: 1), message: message)
    }

    @Test("the same stand-in note on twelve samples is one note that counts the others")
    func collapsesIdenticalNotes() throws {
        let notes = [4, 20, 36, 52].map { note("placeholder-value", $0, "`https://kites.example` stands for the reader's own endpoint") }
        let error = Finding(rule: "json-invalid", severity: .error, location: SourceLocation(file: "page.md", line: 30, column: 2), message: "bad")
        let kept = RepeatedNotes.collapse(Array(notes[0...1]) + [error] + Array(notes[2...]))
        #expect(kept.count == 2)
        let first = try #require(kept.first)
        #expect(first.location.line == 4)
        #expect(first.message.hasSuffix("(the same holds at 3 more places on this page: lines 20, 36, 52)"))
        #expect(kept[1] == error)
    }

    @Test("different messages, other rules, warnings and other files' lines are told apart")
    func keepsWhatDiffers() {
        let findings = [
            note("request-unknown-operation", 3, "POST /v1/kites is not modelled"),
            note("request-unknown-operation", 9, "GET /v1/kites is not modelled"),
            note("env-var-undefined", 10, "same"), note("env-var-undefined", 11, "same"),
            Finding(rule: "placeholder-value", severity: .warning, location: SourceLocation(file: "page.md", line: 12, column: 1), message: "w"),
            Finding(rule: "placeholder-value", severity: .warning, location: SourceLocation(file: "page.md", line: 13, column: 1), message: "w"),
            note("request-unknown-operation", 2, "POST /v1/kites is not modelled", file: "includes/part.md"),
        ]
        let kept = RepeatedNotes.collapse(findings)
        #expect(kept.count == findings.count - 1)
        #expect(kept[0].message.hasSuffix("(the same holds at 1 more place on this page: line includes/part.md:2)"))
    }
}
