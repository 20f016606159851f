import Core
import DocFX
import Foundation

/// Reads every limit statement of a loaded article: paragraph lines and pipe-table rows, through
/// includes, zones, tabs, lists and alerts, each with the file and line it was written on.
public enum LimitExtractor {
    /// Blocks nest (zones in tabs in lists); deeper than this is not a real page.
    static let maxDepth = 32

    public static func limits(in document: DocFXDocument) -> [DocumentedLimit] {
        var found: [DocumentedLimit] = []
        walk(document.blocks, article: document.file, group: nil, depth: 0, into: &found)
        var seen = Set<DocumentedLimit>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The limits stated in one line of text (exposed for tests and other readers).
    public static func limits(inLine text: String, at location: SourceLocation, article: String, group: SourceLocation? = nil) -> [DocumentedLimit] {
        var found: [DocumentedLimit] = []
        // Every limit phrase holds a keyword: most lines hold none and skip the expressions. A line
        // with non-ASCII text runs them all (case-insensitive matching folds some Unicode letters
        // into ASCII ones, which a byte test would miss).
        let candidates: [LimitRecognizer]
        if let present = LimitKeywords.candidates(in: text) {
            guard present.contains(true) else { return [] }
            candidates = zip(LimitCatalog.recognizers, present).filter(\.1).map(\.0)
        } else {
            candidates = LimitCatalog.recognizers
        }
        let range = NSRange(text.startIndex..., in: text)
        for recognizer in candidates {
            for match in recognizer.pattern.matches(in: text, range: range) {
                guard let valueRange = Range(match.range(at: 1), in: text) else { continue }
                let unit = match.numberOfRanges > 2 ? Range(match.range(at: 2), in: text).map { String(text[$0]) } : nil
                guard let value = LimitValueParser.parse(kind: recognizer.kind, value: String(text[valueRange]), unit: unit) else { continue }
                let column = location.column + text.distance(from: text.startIndex, to: valueRange.lowerBound)
                let limit = DocumentedLimit(
                    key: recognizer.key, value: value,
                    location: SourceLocation(file: location.file, line: location.line, column: column), article: article,
                    group: group, subject: subject(before: match.range.location, in: text))
                if !found.contains(where: { $0.key == limit.key && $0.value == limit.value }) { found.append(limit) }
            }
        }
        return found
    }

    /// The code span that ends right before the statement (`` `o1` `` in "`o1` version: …"), nil
    /// when there is none. `offset` is in UTF-16 units, as `NSRange`s are.
    static func subject(before offset: Int, in text: String) -> String? {
        let utf16 = text.utf16
        guard offset <= utf16.count, let end = String.Index(utf16.index(utf16.startIndex, offsetBy: offset), within: text) else { return nil }
        let before = text[..<end].reversed().drop { $0 == " " || $0 == "\t" }
        guard before.first == "`" else { return nil }
        let name = before.dropFirst().prefix { $0 != "`" }
        guard !name.isEmpty, name.count < 80, before.dropFirst(name.count + 1).first == "`" else { return nil }
        return String(name.reversed())
    }

    /// `group`: the innermost table or list the blocks are entries of (see ``DocumentedLimit/group``).
    static func walk(_ blocks: [DocBlock], article: String, group: SourceLocation?, depth: Int, into found: inout [DocumentedLimit]) {
        guard depth < maxDepth else { return }
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                for line in paragraph.lines {
                    let location = SourceLocation(file: paragraph.location.file, line: line.number, column: line.column)
                    found += limits(inLine: line.text, at: location, article: article, group: group)
                }
            case .table(let table):
                for row in [table.header] + table.rows {
                    guard let first = row.first else { continue }
                    let text = row.map(\.text).joined(separator: " | ")
                    found += limits(inLine: text, at: first.location, article: article, group: table.location)
                }
            case .list(let list):
                for item in list.items { walk(item.blocks, article: article, group: list.location, depth: depth + 1, into: &found) }
            case .blockQuote(let quote): walk(quote.blocks, article: article, group: group, depth: depth + 1, into: &found)
            case .alert(let alert): walk(alert.blocks, article: article, group: group, depth: depth + 1, into: &found)
            case .zone(let zone): walk(zone.blocks, article: article, group: group, depth: depth + 1, into: &found)
            case .tabGroup(let tabs):
                for tab in tabs.tabs { walk(tab.blocks, article: article, group: nil, depth: depth + 1, into: &found) }
            default: continue
            }
        }
    }
}
