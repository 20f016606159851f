import Foundation
import Core

/// A GitHub-style pipe table read from paragraph lines.
public struct PipeTable: Sendable {
    public enum Alignment: String, Sendable { case none, left, center, right }

    public var header: [TableCell]
    public var alignments: [Alignment]
    public var rows: [[TableCell]]
    /// The header row's line.
    public var location: SourceLocation

    public init(header: [TableCell], alignments: [Alignment], rows: [[TableCell]], location: SourceLocation) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
        self.location = location
    }
}

/// One cell: its Markdown text (trimmed, `\|` unescaped) and its lines split at `<br>`.
public struct TableCell: Hashable, Sendable {
    public var text: String
    public var lines: [String]
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
        // Most cells have no `<br>`: no `<` byte, no regular expression.
        guard text.utf8.contains(UInt8(ascii: "<")) else {
            self.lines = [ASCIIScan.trimmingWhitespace(text)]
            return
        }
        if let parts = BreakTags.split(text) {
            self.lines = parts
            return
        }
        var parts: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "<br\\s*/?>", options: [.regularExpression, .caseInsensitive]) {
            parts.append(String(rest[..<range.lowerBound]).trimmingCharacters(in: .whitespaces))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest).trimmingCharacters(in: .whitespaces))
        self.lines = parts
    }
}
