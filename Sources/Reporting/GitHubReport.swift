import Core

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
public enum GitHubReport {
    public static func render(_ documents: [ReportDocument], root: String?) -> String {
        var out = ""
        let reached = Dictionary(documents.flatMap { d in d.findings.map { ($0, d.reachedFrom($0)) } }, uniquingKeysWith: { a, _ in a })
        for finding in documents.flatMap(\.findings).sortedForReport() {
            let command = switch finding.severity { case .error: "error"; case .warning: "warning"; case .note: "notice" }
            let file = relativePath(finding.location.file, root: root)
            out += "::\(command) file=\(property(file)),line=\(finding.location.line),col=\(finding.location.column),"
                + "title=\(property(finding.rule))::\(data(finding.message + (reached[finding] ?? "")))\n"
        }
        return out
    }

    /// GitHub's escaping of a command's message.
    public static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub's escaping of a property value: the message's, plus `:` and `,`.
    public static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
