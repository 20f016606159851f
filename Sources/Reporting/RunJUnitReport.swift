import Core
import Foundation
import Runner

/// JUnit XML for `docverify run`: a testsuite per document and a testcase per scenario, failed
/// scenarios carrying their findings (file:line), skipped ones their reason, times from the calls.
/// A document's static error findings get one extra testcase so a red build always names them.
public enum RunJUnitReport {
    public static func render(_ reports: [RunReport]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        // A shared include's static finding fails the first article's static checks only, naming
        // every article; a failed scenario stays with its own article.
        let statics = SharedFindings.collapse(reports.map { ReportDocument(file: $0.file, findings: $0.staticFindings) })
        for (index, report) in reports.enumerated() {
            let shown = statics[index]
            let staticErrors = shown.findings.filter { $0.severity == .error }.sortedForReport()
            let summary = report.summary
            let tests = report.scenarios.count + (staticErrors.isEmpty ? 0 : 1)
            let failures = summary.failed + (staticErrors.isEmpty ? 0 : 1)
            let time = report.scenarios.map(\.duration).reduce(0, +)
            out += "  <testsuite name=\"\(xml(report.file))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" "
                + "skipped=\"\(summary.skipped)\" time=\"\(seconds(time))\" timestamp=\"1970-01-01T00:00:00\" hostname=\"localhost\" "
                + "id=\"\(index)\" package=\"docverify\">\n    <properties/>\n"
            if !staticErrors.isEmpty {
                out += "    <testcase name=\"static checks\" classname=\"docverify.run\" time=\"0\">\n"
                out += "      <failure message=\"\(staticErrors.count) error finding(s)\" type=\"\(xml(staticErrors[0].rule))\">"
                    + "\(xml(staticErrors.map { $0.textLine + shown.reachedFrom($0) }.joined(separator: "\n")))</failure>\n    </testcase>\n"
            }
            for result in report.scenarios {
                let s = result.scenario
                let name = "\(s.pivot ?? "-") / \(s.section) / \(s.tabLabel ?? s.tab ?? "-")"
                out += "    <testcase name=\"\(xml(name))\" classname=\"docverify.run\" time=\"\(seconds(result.duration))\""
                switch result.status {
                case .passed:
                    out += "/>\n"
                    continue
                case .skipped:
                    out += ">\n      <skipped message=\"\(xml(result.reason ?? "skipped"))\"/>\n"
                case .failed:
                    let findings = result.findings.sortedForReport()
                    let type = findings.first { $0.severity == .error }?.rule ?? findings.first?.rule ?? "scenario-failed"
                    var detail = findings.map(\.textLine)
                    for call in result.calls {
                        detail.append("\(call.method) \(call.url) → \(call.status.map(String.init) ?? "no answer")"
                            + (call.timings.map { " in \(seconds($0.total)) s" } ?? ""))
                    }
                    out += ">\n      <failure message=\"\(xml(result.reason ?? "scenario failed"))\" type=\"\(xml(type))\">"
                        + "\(xml(detail.joined(separator: "\n")))</failure>\n"
                }
                out += "    </testcase>\n"
            }
            let others = report.findings.filter { $0.severity != .error }.map(\.textLine)
            out += "    <system-out>\(xml(others.joined(separator: "\n")))</system-out>\n    <system-err/>\n  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func seconds(_ t: TimeInterval) -> String { String(format: "%.3f", max(0, t)) }
    static func xml(_ text: String) -> String { JUnitReport.xml(text) }
}
