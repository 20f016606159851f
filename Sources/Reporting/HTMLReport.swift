import Core
import Foundation
import Runner

/// One document of the HTML report: its findings and, for `run`, its scenarios.
public struct HTMLReportDocument: Sendable {
    public var file: String
    public var title: String?
    public var findings: [Finding]
    public var scenarios: [ScenarioResult]
    /// The absolute docs root that relative finding paths are read from for excerpts; empty when unknown.
    public var sourceRoot: String

    public init(file: String, title: String? = nil, findings: [Finding], scenarios: [ScenarioResult] = [], sourceRoot: String = "") {
        self.file = file
        self.sourceRoot = sourceRoot
        self.title = title
        self.findings = findings
        self.scenarios = scenarios
    }
}

/// A golden file that no longer matches what the run received, as a unified diff.
public struct HTMLGoldenDiff: Sendable {
    public var name: String
    public var diff: String
    public init(name: String, diff: String) { self.name = name; self.diff = diff }
}

/// One self-contained HTML page (inline CSS and script, no network, no external assets): per
/// document the scenarios and their status, each finding with the Markdown around its line, each
/// call's request and response (credentials redacted), audio the scenarios received as playable
/// `<audio>` elements, golden diffs, and filters by severity and rule.
public enum HTMLReport {
    /// Lines of Markdown shown on each side of a finding's line.
    static let excerptRadius = 3

    /// - Parameter secrets: credential values to scrub from URLs and bodies wherever they appear.
    public static func render(
        _ documents: [HTMLReportDocument], root: String?, goldenDiffs: [HTMLGoldenDiff] = [], secrets: [String]
    ) -> String {
        render(documents, root: root, goldenDiffs: goldenDiffs, redactor: SecretRedactor(values: secrets))
    }

    /// - Parameter redactor: removes credentials from URLs, headers and bodies (see ``SecretRedactor``).
    public static func render(
        _ documents: [HTMLReportDocument], root: String?, goldenDiffs: [HTMLGoldenDiff] = [], redactor: SecretRedactor = .names
    ) -> String {
        let lines = SourceLines.workingFolderFirst()
        let all = documents.flatMap(\.findings)
        func count(_ s: Severity) -> Int { all.filter { $0.severity == s }.count }
        let scenarios = documents.flatMap(\.scenarios)
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>docverify report</title>
            <style>\(HTMLAssets.css)</style>
            </head><body>
            <header><h1>docverify report</h1>
            <p class="totals" id="totals">\(documents.count) document\(documents.count == 1 ? "" : "s"); \
            <span class="sev-error">\(count(.error)) errors</span>, <span class="sev-warning">\(count(.warning)) warnings</span>, \
            <span class="sev-note">\(count(.note)) notes</span>
            """
        if !scenarios.isEmpty {
            let passed = scenarios.filter { $0.status == .passed }.count
            let failed = scenarios.filter { $0.status == .failed }.count
            out += "; \(scenarios.count) scenarios: \(passed) passed, \(failed) failed, \(scenarios.count - passed - failed) skipped"
        }
        out += "</p>\n<form id=\"filters\" class=\"filters\"><fieldset><legend>Severity</legend>"
        for severity in [Severity.error, .warning, .note] {
            out += "<label><input type=\"checkbox\" class=\"severity-filter\" value=\"\(severity.rawValue)\" checked> \(severity.rawValue)</label> "
        }
        out += "</fieldset><label>Rule <select id=\"rule-filter\"><option value=\"\">all rules</option></select></label>"
        out += " <span id=\"shown-count\"></span></form></header>\n<main>\n"
        for (index, document) in documents.enumerated() {
            out += section(document, index: index, root: root, lines: lines, redactor: redactor)
        }
        if !goldenDiffs.isEmpty {
            out += "<section class=\"goldens\" id=\"golden-diffs\"><h2>Golden differences</h2>\n"
            for diff in goldenDiffs {
                out += "<details open><summary><code>\(escape(diff.name))</code></summary>\(diffBlock(diff.diff))</details>\n"
            }
            out += "</section>\n"
        }
        out += "</main>\n<script>\(HTMLAssets.script)</script>\n</body></html>\n"
        return out
    }

    static func section(_ document: HTMLReportDocument, index: Int, root: String?, lines: SourceLines, redactor: SecretRedactor) -> String {
        let path = relativePath(document.file, root: root)
        var out = "<section class=\"document\" id=\"doc-\(index)\"><h2><code>\(escape(path))</code>"
        if let title = document.title { out += " — \(escape(title))" }
        out += "</h2>\n"
        if !document.scenarios.isEmpty {
            out += "<table class=\"scenarios\"><thead><tr><th>Status</th><th>Pivot</th><th>Section</th><th>Tab</th><th>Calls</th><th>Time</th><th>Reason</th></tr></thead><tbody>\n"
            for result in document.scenarios {
                let s = result.scenario
                out += "<tr class=\"scenario status-\(result.status.rawValue)\"><td><span class=\"badge \(result.status.rawValue)\">\(result.status.rawValue)</span></td>"
                    + "<td>\(escape(s.pivot ?? "—"))</td><td>\(escape(s.section))</td><td>\(escape(s.tabLabel ?? s.tab ?? "—"))</td>"
                    + "<td>\(result.calls.count)</td><td>\(String(format: "%.0f ms", result.duration * 1000))</td>"
                    + "<td>\(escape(result.status == .passed ? "" : result.reason ?? ""))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        let findings = document.findings.sortedForReport()
        if findings.isEmpty {
            out += "<p class=\"clean\">No findings.</p>\n"
        } else {
            out += "<ol class=\"findings\">\n"
            for finding in findings { out += findingItem(finding, root: root, sourceRoot: document.sourceRoot, lines: lines) }
            out += "</ol>\n"
        }
        for result in document.scenarios where !result.calls.isEmpty {
            let s = result.scenario
            out += "<details class=\"calls\"><summary>Calls of \(escape(s.pivot ?? "—")) / \(escape(s.section)) / \(escape(s.tabLabel ?? s.tab ?? "—"))"
                + " (\(result.calls.count))</summary>\n"
            for call in result.calls { out += HTMLExchange.render(call, root: root, redactor: redactor) }
            out += "</details>\n"
        }
        return out + "</section>\n"
    }

    static func findingItem(_ finding: Finding, root: String?, sourceRoot: String, lines: SourceLines) -> String {
        let at = "\(relativePath(finding.location.file, root: root)):\(finding.location.line):\(finding.location.column)"
        var out = "<li class=\"finding sev-\(finding.severity.rawValue)\" data-severity=\"\(finding.severity.rawValue)\" data-rule=\"\(escape(finding.rule))\">"
            + "<span class=\"badge \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> <code class=\"rule\">\(escape(finding.rule))</code> "
            + "<code class=\"where\">\(escape(at))</code>"
            + [finding.pivot, finding.tab].compactMap { $0 }.map { " <span class=\"scope\">\(escape($0))</span>" }.joined()
            + "<p class=\"message\">\(escape(finding.message))</p>"
        let line = finding.location.line
        if line >= 1 {
            var excerpt = ""
            let file = finding.location.file
            let readable = file.hasPrefix("/") || sourceRoot.isEmpty ? file : sourceRoot + "/" + file
            for number in max(1, line - excerptRadius)...(line + excerptRadius) {
                let text = lines.line(readable, number)
                excerpt += "<span class=\"ln\(number == line ? " hit" : "")\"><span class=\"no\">\(number)</span>\(escape(text))</span>"
            }
            if !excerpt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out += "<pre class=\"excerpt\">\(excerpt)</pre>" }
        }
        return out + "</li>\n"
    }

    static func diffBlock(_ diff: String) -> String {
        var out = "<pre class=\"diff\">"
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            let kind = line.hasPrefix("+++") || line.hasPrefix("---") ? "meta" : line.hasPrefix("+") ? "add" : line.hasPrefix("-") ? "del" : line.hasPrefix("@@") ? "hunk" : "ctx"
            out += "<span class=\"\(kind)\">\(escape(String(line)))</span>\n"
        }
        return out + "</pre>"
    }

    /// Text as HTML content or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
