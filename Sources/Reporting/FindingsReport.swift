import Core

/// The text form every checking command prints: per document, one line per finding
/// (`file:line:col: severity: message [rule]`), then a summary line.
public enum FindingsReport {
    public static func text(_ documents: [(file: String, findings: [Finding])], summaryPrefix: String = "") -> String {
        text(documents.map { ReportDocument(file: $0.file, findings: $0.findings) }, summaryPrefix: summaryPrefix)
    }

    /// The same, with a shared include's findings followed by the articles that reach them.
    public static func text(_ documents: [ReportDocument], summaryPrefix: String = "") -> String {
        var out = ""
        var totals: [Severity: Int] = [:]
        for document in documents {
            let sorted = document.findings.sortedForReport()
            out += "\(document.file): \(sorted.isEmpty ? "no findings" : "\(sorted.count) finding\(sorted.count == 1 ? "" : "s")")\n"
            for finding in sorted {
                out += "  \(finding.textLine)\(document.reachedFrom(finding))\n"
                totals[finding.severity, default: 0] += 1
            }
        }
        out += summaryPrefix + summary(documents: documents.count, totals: totals) + "\n"
        return out
    }

    static func summary(documents: Int, totals: [Severity: Int]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(documents, "document")) checked: \(count(totals[.error] ?? 0, "error")), "
            + "\(count(totals[.warning] ?? 0, "warning")), \(count(totals[.note] ?? 0, "note"))"
    }
}
