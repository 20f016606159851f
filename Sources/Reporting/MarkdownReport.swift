import Core

/// Markdown for a pull-request comment or a job summary: a totals table, then findings per document.
public enum MarkdownReport {
    public static func render(_ documents: [ReportDocument], root: String?) -> String {
        let all = documents.flatMap(\.findings)
        func count(_ s: Severity) -> Int { all.filter { $0.severity == s }.count }
        var out = "## docverify\n\n| Documents | Errors | Warnings | Notes |\n|---|---|---|---|\n"
        out += "| \(documents.count) | \(count(.error)) | \(count(.warning)) | \(count(.note)) |\n"
        for document in documents where !document.findings.isEmpty {
            out += "\n### `\(relativePath(document.file, root: root))`\n\n| Severity | Line | Rule | Message |\n|---|---|---|---|\n"
            for f in document.findings.sortedForReport() {
                out += "| \(f.severity.rawValue) | \(f.location.line):\(f.location.column) | `\(f.rule)` | \(cell(f.message + document.reachedFrom(f))) |\n"
            }
        }
        return out
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
