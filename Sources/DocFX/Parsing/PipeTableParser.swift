import Foundation
import Core
import Markup

/// Finds pipe tables in paragraph lines: a header row followed by a delimiter row (`|---|:-:|`).
enum PipeTableParser {
    /// Whether `line` is a delimiter row; returns its alignments.
    static func delimiterRow(_ line: String) -> [PipeTable.Alignment]? {
        let cells = splitCells(line)
        guard !cells.isEmpty, line.utf8.contains(UInt8(ascii: "-")) else { return nil }
        var result: [PipeTable.Alignment] = []
        for cell in cells {
            let c = ASCIIScan.trimmingWhitespace(cell)
            guard !c.isEmpty else { return nil }
            let left = c.hasPrefix(":"), right = c.hasSuffix(":")
            let dashes = c.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        guard line.utf8.contains(UInt8(ascii: "|")) || cells.count > 1 else { return nil }
        return result
    }

    /// Cells of a row: leading/trailing pipes dropped, `\|` and pipes inside code spans kept.
    static func splitCells(_ line: String) -> [String] {
        if let cells = splitASCIIRow(line) { return cells }
        var text = Substring(ASCIIScan.trimmingWhitespace(line))
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        return text.utf8.allSatisfy({ $0 < 0x80 }) ? splitASCIICells(text) : splitCharacterCells(text)
    }

    /// The cells of a row's text (outer pipes already dropped), Character by Character.
    static func splitCharacterCells(_ text: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for c in text {
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode && previous != "\\" {
                cells.append(current)
                current = ""
            } else if c == "|" && previous == "\\" {
                current.removeLast()
                current.append(c)
            } else {
                current.append(c)
            }
            previous = c
        }
        cells.append(current)
        return cells
    }

    /// ``splitCells(_:)`` on ASCII text (most rows), byte by byte: every ASCII byte is a whole
    /// Character, so the cells are the same.
    static func splitASCIICells(_ text: Substring) -> [String] {
        cells(of: text.utf8)
    }

    /// The cells of a trimmed row's bytes: split at each `|` outside inline code and not escaped
    /// (`\|` stands for a `|` in the cell).
    static func cells(of bytes: some Sequence<UInt8>) -> [String] {
        let pipe = UInt8(ascii: "|"), backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\")
        var cells: [String] = []
        var current: [UInt8] = []
        var inCode = false
        var previous = UInt8(ascii: " ")
        for c in bytes {
            if c == backtick { inCode.toggle() }
            if c == pipe && !inCode && previous != backslash {
                cells.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else if c == pipe && previous == backslash {
                current.removeLast()
                current.append(c)
            } else {
                current.append(c)
            }
            previous = c
        }
        cells.append(String(decoding: current, as: UTF8.self))
        return cells
    }

    /// ``splitCells(_:)`` on an ASCII row, trimming and outer pipes included, on the row's own
    /// bytes (every table row and candidate delimiter row comes here); nil for other rows.
    static func splitASCIIRow(_ line: String) -> [String]? {
        var copy = line
        return copy.withUTF8 { bytes -> [String]? in
            let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
            var start = 0, end = bytes.count
            for byte in bytes where byte >= 0x80 { return nil }
            // Trimming `.whitespaces` cuts only spaces and tabs from ASCII text.
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start < end, bytes[start] == pipe { start += 1 }
            if start < end, bytes[end - 1] == pipe, !(end - 2 >= start && bytes[end - 2] == backslash) { end -= 1 }
            return cells(of: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    static func table(lines: [SourceLine], file: String) -> PipeTable? {
        guard lines.count >= 2, lines[0].text.utf8.contains(UInt8(ascii: "|")), let alignments = delimiterRow(lines[1].text) else { return nil }
        func row(_ line: SourceLine) -> [TableCell] {
            splitCells(line.text).map {
                TableCell(text: ASCIIScan.trimmingWhitespace($0), location: SourceLocation(file: file, line: line.number, column: line.column))
            }
        }
        let header = row(lines[0])
        guard header.count == alignments.count else { return nil }
        return PipeTable(
            header: header, alignments: alignments, rows: lines.dropFirst(2).map(row),
            location: SourceLocation(file: file, line: lines[0].number, column: lines[0].column))
    }
}
