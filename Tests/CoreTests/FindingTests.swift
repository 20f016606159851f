import Foundation
import Testing
@testable import Core

@Suite struct FindingTests {
    @Test func textLineHasFileLineColumnSeverityAndRule() {
        let f = Finding(rule: "include-missing", severity: .error,
                        location: SourceLocation(file: "a/b.md", line: 12, column: 3), message: "gone")
        #expect(f.textLine == "a/b.md:12:3: error: gone [include-missing]")
    }

    @Test func jsonCarriesNullPivotAndTab() throws {
        let f = Finding(rule: "r", severity: .warning, location: SourceLocation(file: "x.md", line: 1), message: "m")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(f), as: UTF8.self)
        #expect(json == #"{"column":1,"file":"x.md","line":1,"message":"m","pivot":null,"rule":"r","severity":"warning","tab":null}"#)
        #expect(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)) == f)
    }

    @Test func errorsDecideExitStatus() {
        let w = Finding(rule: "r", severity: .warning, location: SourceLocation(file: "x.md", line: 1), message: "m")
        var e = w
        e.severity = .error
        #expect(![w].hasErrors)
        #expect([w, e].hasErrors)
    }
}
