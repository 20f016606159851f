import Core
import Foundation
import Testing
@testable import Drift

@Suite struct DriftReportTests {
    func item(_ kind: DriftKind, _ rule: String, _ severity: Severity, line: Int, file: String = "includes/a.md", document: String = "quickstart.md") -> DriftItem {
        DriftItem(
            kind: kind, document: document,
            finding: Finding(rule: rule, severity: severity, location: SourceLocation(file: file, line: line), message: "\(rule) at \(line)"),
            docSide: "docs say x", otherSide: "other says y")
    }

    @Test func oneCauseIsReportedOncePerLocation() {
        let report = DriftReport(
            items: [item(.docSpec, "spec-unknown-field", .note, line: 4), item(.docSpec, "spec-unknown-field", .note, line: 4), item(.docSpec, "spec-unknown-field", .note, line: 9)],
            documents: ["quickstart.md"])
        #expect(report.items.map(\.finding.location.line) == [4, 9])
    }

    @Test func markdownHasASummaryTableThenLinkedItemsPerDocument() {
        let report = DriftReport(
            items: [item(.docEndpoint, "limit-stricter", .error, line: 30), item(.docSpec, "doc-incomplete", .note, line: 30)],
            documents: ["quickstart.md", "clean.md"], remarks: ["No goldens."])
        let markdown = report.markdown()
        let summary = markdown.range(of: "| Kind | Errors | Warnings | Notes |")
        let details = markdown.range(of: "### quickstart.md")
        #expect(summary != nil && details != nil && summary!.lowerBound < details!.lowerBound)
        #expect(markdown.contains("| doc ↔ endpoint | 1 | 0 | 0 |"))
        #expect(markdown.contains("| doc ↔ spec | 0 | 0 | 1 |"))
        #expect(markdown.contains("[includes/a.md:30](includes/a.md#L30)"))
        #expect(markdown.contains("  - docs: docs say x"))
        #expect(markdown.contains("  - endpoint: other says y"))
        #expect(markdown.contains("### clean.md\n\nNo drift found."))
        #expect(report.hasErrors)
    }

    @Test func jsonCountsEveryKind() throws {
        let report = DriftReport(items: [item(.pivotPivot, "pivot-drift", .warning, line: 3)], documents: ["quickstart.md"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: [String: Int]])
        #expect(summary["pivot-pivot"]?["warning"] == 1)
        #expect(summary["doc-golden"]?["error"] == 0)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?["doc"] as? String == "docs say x")
        #expect(items.first?["other"] as? String == "other says y")
        #expect(!report.hasErrors)
    }
}
