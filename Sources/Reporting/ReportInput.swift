import Core
import Foundation

/// What every findings format renders: the documents in order, each with its findings.
public struct ReportDocument: Sendable {
    public var file: String
    public var findings: [Finding]
    /// For a finding in a shared include reported here once for several articles: every article
    /// that reaches it (see ``SharedFindings``). Absent for findings only this document has.
    public var articles: [Finding: [String]]
    public init(file: String, findings: [Finding], articles: [Finding: [String]] = [:]) {
        self.file = file
        self.findings = findings
        self.articles = articles
    }

    /// The findings with ``reachedFrom(_:)`` appended to their messages, for formats that carry
    /// no structured place for it (HTML).
    public var findingsNamingArticles: [Finding] {
        findings.map { finding in
            var shown = finding
            shown.message += reachedFrom(finding)
            return shown
        }
    }

    /// ` (in a.md, b.md)` after a shared finding's text, empty otherwise.
    public func reachedFrom(_ finding: Finding) -> String {
        guard let articles = articles[finding], articles.count > 1 else { return "" }
        return " (in \(articles.joined(separator: ", ")))"
    }
}

extension SourceLines {
    /// Stable across edits elsewhere in the file: rule + file + the line's trimmed content, not its number.
    public func fingerprint(_ finding: Finding) -> String {
        let content = line(finding.location.file, finding.location.line).trimmingCharacters(in: .whitespaces)
        return FNV.hex("\(finding.rule)\u{0}\(finding.location.file)\u{0}\(content)")
    }
}

/// FNV-1a as (unpadded) hex: the form SARIF fingerprints were first written in.
enum FNV {
    static func hex(_ text: String) -> String { String(FNV1a.hash(text), radix: 16) }
}

/// A path relative to `root` when under it, otherwise as given.
func relativePath(_ file: String, root: String?) -> String {
    guard let root else { return file }
    let base = URL(fileURLWithPath: root).standardizedFileURL.path
    let full = URL(fileURLWithPath: file).standardizedFileURL.path
    if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
    return file
}
