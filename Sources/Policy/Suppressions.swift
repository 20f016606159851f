import Core
import Foundation

/// Applies a repository's inline suppressions to findings, and reports the suppressions that
/// suppress nothing (`suppression-unused`), so stale ones don't pile up.
public enum Suppressions {
    /// - Parameters:
    ///   - findings: every finding of the run, in any order.
    ///   - lines: a file's lines by the finding's file name (relative to its docs root); nil when
    ///     the file can't be read (its findings are then kept).
    /// - Returns: the findings kept, with a `suppression-unused` warning for each directive that
    ///   matched nothing.
    public static func apply(_ findings: [Finding], lines: (String) -> [String]?) -> [Finding] {
        apply(findings, lines: lines, mayHoldDirectives: { _ in true })
    }

    /// The same, reading the files from `sources`: a file whose text never spells `docverify-`
    /// holds no directive, so it is not split into lines (most files have findings and no directive).
    public static func apply(_ findings: [Finding], sources: SourceLines) -> [Finding] {
        apply(findings, lines: sources.lines, mayHoldDirectives: { file in
            sources.text(file).map { ASCIIScan.contains($0, directivePrefix) } ?? false
        })
    }

    /// What every directive word starts with (``SuppressionDirective/Kind``).
    static let directivePrefix = "docverify-"

    static func apply(_ findings: [Finding], lines: (String) -> [String]?, mayHoldDirectives: (String) -> Bool) -> [Finding] {
        var directivesByFile: [String: [SuppressionDirective]] = [:]
        var linesByFile: [String: [String]] = [:]
        for file in Set(findings.map(\.location.file)) where mayHoldDirectives(file) {
            guard let text = lines(file) else { continue }
            linesByFile[file] = text
            directivesByFile[file] = SuppressionDirective.scan(text)
        }
        var used = Set<SourceLocation>()
        var kept: [Finding] = []
        for finding in findings {
            let file = finding.location.file
            guard let directives = directivesByFile[file], !directives.isEmpty,
                  let directive = suppressing(finding, directives, lines: linesByFile[file] ?? []) else {
                kept.append(finding)
                continue
            }
            used.insert(SourceLocation(file: file, line: directive.line))
        }
        for (file, directives) in directivesByFile {
            for directive in directives where directive.kind != .enable && !used.contains(SourceLocation(file: file, line: directive.line)) {
                let what = directive.rules.isEmpty ? "any finding" : directive.rules.sorted().joined(separator: ", ")
                kept.append(Finding(
                    rule: "suppression-unused", severity: .warning, location: SourceLocation(file: file, line: directive.line),
                    message: "this \(directive.kind.rawValue) comment suppresses nothing (\(what)); remove it, or fix the rule id"))
            }
        }
        return kept.sortedForReport()
    }

    /// The directive that suppresses `finding`, nil when none does.
    static func suppressing(_ finding: Finding, _ directives: [SuppressionDirective], lines: [String]) -> SuppressionDirective? {
        let line = finding.location.line
        // A next-line comment covers the next non-blank line, and the whole code block when that
        // line opens a fence (findings inside samples sit on their code's lines).
        for directive in directives where directive.kind == .disableNextLine && directive.covers(finding.rule) {
            let (first, last) = coveredLines(after: directive.line, lines: lines)
            if (first...last).contains(line) { return directive }
        }
        // A range: the last disable before the line with no enable of that rule in between.
        var open: SuppressionDirective?
        for directive in directives where directive.line < line && directive.covers(finding.rule) {
            switch directive.kind {
            case .disable: open = directive
            case .enable: open = nil
            case .disableNextLine: continue
            }
        }
        return open
    }

    /// The lines a next-line directive at `line` covers.
    static func coveredLines(after line: Int, lines: [String]) -> (Int, Int) {
        var next = line + 1
        while next <= lines.count, lines[next - 1].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
        guard next <= lines.count else { return (next, next) }
        guard let fence = CodeFence(opening: lines[next - 1].drop { $0 == " " || $0 == "\t" || $0 == ">" }) else { return (next, next) }
        var end = next + 1
        while end <= lines.count, !fence.isClosed(by: lines[end - 1].drop { $0 == " " || $0 == "\t" || $0 == ">" }) {
            end += 1
        }
        return (next, min(end, lines.count))
    }
}
