import Core

/// One inline suppression comment in a Markdown file, as markdownlint writes them:
/// `<!-- docverify-disable-next-line rule-id -->`, `<!-- docverify-disable rule-id -->` …
/// `<!-- docverify-enable rule-id -->`. No rule id means every rule.
public struct SuppressionDirective: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case disableNextLine = "docverify-disable-next-line"
        case disable = "docverify-disable"
        case enable = "docverify-enable"
    }

    public var kind: Kind
    /// The rule ids named; empty means all rules.
    public var rules: Set<String>
    /// 1-based line of the comment.
    public var line: Int

    public init(kind: Kind, rules: Set<String>, line: Int) {
        self.kind = kind
        self.rules = rules
        self.line = line
    }

    public func covers(_ rule: String) -> Bool { rules.isEmpty || rules.contains(rule) }

    /// The directives in a file's lines, in order. Only a comment alone on its line counts, so a
    /// directive quoted in prose or in a code sample is text, not a directive.
    public static func scan(_ lines: [String]) -> [SuppressionDirective] {
        var result: [SuppressionDirective] = []
        var fence: CodeFence?
        for (index, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                continue
            }
            if let opening = CodeFence(opening: line) {
                fence = opening
                continue
            }
            guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { continue }
            let inner = line.dropFirst(4).dropLast(3).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            guard let word = inner.first, let kind = Kind(rawValue: String(word)) else { continue }
            result.append(SuppressionDirective(kind: kind, rules: Set(inner.dropFirst().map(String.init)), line: index + 1))
        }
        return result
    }
}
