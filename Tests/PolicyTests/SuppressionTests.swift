import Core
import Testing
@testable import Policy

@Suite struct SuppressionTests {
    static let page = """
        # Title

        <!-- docverify-disable-next-line pivot-drift -->
        Some step text.

        <!-- docverify-disable-next-line python-syntax -->
        ```python
        print("a"
        x = 1
        ```

        <!-- docverify-disable limit-exceeded -->
        A voice here.
        Another one here.
        <!-- docverify-enable limit-exceeded -->
        Not covered here.

        <!-- docverify-disable-next-line json-invalid -->
        Nothing wrong here.

        ```markdown
        <!-- docverify-disable-next-line pivot-drift -->
        ```
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    func finding(_ rule: String, _ line: Int) -> Finding {
        Finding(rule: rule, severity: .error, location: SourceLocation(file: "a.md", line: line), message: "m")
    }

    func apply(_ findings: [Finding]) -> [Finding] {
        Suppressions.apply(findings, lines: { $0 == "a.md" ? Self.page : nil })
    }

    @Test func nextLineCoversTheLineOrTheWholeFence() {
        let kept = apply([finding("pivot-drift", 4), finding("python-syntax", 8), finding("python-syntax", 9), finding("js-syntax", 8)])
        #expect(kept.filter { $0.rule != "suppression-unused" }.map(\.rule) == ["js-syntax"])
    }

    @Test func rangeEndsAtEnable() {
        let kept = apply([finding("limit-exceeded", 13), finding("limit-exceeded", 14), finding("limit-exceeded", 16)])
        #expect(kept.filter { $0.rule == "limit-exceeded" }.map(\.location.line) == [16])
    }

    @Test func unusedSuppressionsAreWarnings() {
        let kept = apply([finding("pivot-drift", 4)])
        let unused = kept.filter { $0.rule == "suppression-unused" }
        // python-syntax (6), limit-exceeded (12), json-invalid (18); the one quoted in a fence is text.
        #expect(unused.map(\.location.line) == [6, 12, 18])
        #expect(unused.allSatisfy { $0.severity == .warning })
    }

    @Test func filesThatCannotBeReadKeepTheirFindings() {
        let other = Finding(rule: "pivot-drift", severity: .warning, location: SourceLocation(file: "b.md", line: 4), message: "m")
        #expect(Suppressions.apply([other], lines: { _ in nil }) == [other])
    }

    /// Read from files, a file with no `docverify-` word is never split, and the answer is the one
    /// the lines give: suppressed, kept, and unused directives alike.
    @Test func sourcesGiveTheSameAnswerAsLines() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suppress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.page.joined(separator: "\n").write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
        try "# Plain\n\nNo directive here.\n".write(toFile: root + "/b.md", atomically: true, encoding: .utf8)
        let plain = Finding(rule: "pivot-drift", severity: .warning, location: SourceLocation(file: "b.md", line: 3), message: "m")
        let findings = [finding("pivot-drift", 4), finding("limit-exceeded", 16), plain,
                        Finding(rule: "x", severity: .note, location: SourceLocation(file: "gone.md", line: 1), message: "m")]
        let sources = SourceLines(roots: [root])
        let fromSources = Suppressions.apply(findings, sources: sources)
        let fromLines = Suppressions.apply(findings, lines: SourceLines(roots: [root]).lines)
        #expect(fromSources == fromLines)
        #expect(fromSources.contains(plain))
        #expect(!fromSources.contains(finding("pivot-drift", 4)))
        #expect(fromSources.filter { $0.rule == "suppression-unused" }.map(\.location.line) == [6, 12, 18])
        #expect(sources.text("b.md") == "# Plain\n\nNo directive here.\n")
        #expect(sources.lines("b.md") == ["# Plain", "", "No directive here.", ""])
        #expect(sources.text("gone.md") == nil)
    }

    @Test func directiveWithoutRulesCoversEveryRule() {
        let lines = ["<!-- docverify-disable-next-line -->", "text"]
        let kept = Suppressions.apply([finding("anything", 2)], lines: { _ in lines })
        #expect(kept.isEmpty)
    }
}

@Suite struct BaselineTests {
    let lines = ["# T", "", "voice: nova", "", "voice: nova", "other"]

    func finding(_ rule: String, _ line: Int) -> Finding {
        Finding(rule: rule, severity: .error, location: SourceLocation(file: "a.md", line: line), message: "m\(line)")
    }

    @Test func acceptedFindingsAreNotReportedAndEditsElsewhereKeepTheMatch() throws {
        let baseline = Baseline(findings: [finding("limit-exceeded", 3)], lines: { _ in lines })
        // Two lines inserted above: the finding moves to line 5's content twin at line 5+2.
        let edited = ["# T", "new", "new", "", "voice: nova", "", "voice: nova", "other"]
        let new = baseline.new([finding("limit-exceeded", 5), finding("limit-exceeded", 7), finding("pivot-drift", 8)], lines: { _ in edited })
        // One of the two identical lines is accepted; the second is new, and so is another rule.
        #expect(new.map(\.location.line) == [7, 8])
    }

    @Test func roundTripsThroughItsFile() throws {
        let baseline = Baseline(findings: [finding("limit-exceeded", 3)], lines: { _ in lines })
        let decoded = try JSONDecoderHelper.decode(baseline.encoded())
        #expect(decoded == baseline)
        #expect(baseline.encoded().hasSuffix("}\n"))
    }

    @Test func fingerprintIsStable() {
        #expect(Baseline.fingerprint("voice: nova") == Baseline.fingerprint("voice: nova"))
        #expect(Baseline.fingerprint("voice: nova").count == 16)
        #expect(Baseline.fingerprint("") == "cbf29ce484222325")
    }
}

import Foundation

enum JSONDecoderHelper {
    static func decode(_ text: String) throws -> Baseline {
        try JSONDecoder().decode(Baseline.self, from: Data(text.utf8))
    }
}
