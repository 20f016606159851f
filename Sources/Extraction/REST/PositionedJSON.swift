import Core

/// JSON text assembled from pieces whose source positions are known (a shell word, a fence's
/// lines), parsed so that a syntax error maps back to the exact place it was written.
struct PositionedJSON {
    enum Outcome {
        case value(SymbolicValue)
        case invalid(message: String, at: JSPosition)
        /// Nested deeper than ``JSONTextParser/maxDepth``: docverify's bound, not a JSON error.
        case tooDeep(at: JSPosition)
    }

    /// The assembled text as UTF-8, the form the JSON parser reads: parsing needs no copy of it.
    private var text: [UInt8] = []
    /// Where each scalar of `text` was written, as runs (a position per scalar took 16 bytes each).
    private var positions = PositionRuns()
    private var placeholders: [Placeholder] = []
    private var inString = false
    private var escaped = false

    init() {}

    /// The chars of a shell word; run-time values become sentinel strings (quoted when they sit
    /// outside a JSON string, so `"max_tokens": $N` still parses).
    init(_ chars: [ShellChar]) {
        for c in chars { append(c) }
    }

    /// A shell word's characters and values, read in place.
    init(_ word: ShellWord) {
        // Sized once: grown by doubling, a 20 MB body was held twice over at the last growth.
        text.reserveCapacity(word.count)
        word.forEach { append($0) }
    }

    private mutating func append(_ c: ShellChar) {
        switch c {
        case .char(let u, let p): append(u, at: p)
        case .value(let placeholder, let p): appendValue(placeholder, at: p)
        }
    }

    /// Code text whose first character sits at `startLine`, column 1 of the sample.
    init(code: String, startLine: Int = 1) {
        var line = startLine, column = 1
        for u in code.unicodeScalars {
            append(u, at: JSPosition(line: line, column: column))
            if u == "\n" { line += 1; column = 1 } else { column += 1 }
        }
    }

    var isEmpty: Bool { firstNonBlank == nil }

    /// True when the text starts like a JSON object or array (not form data or plain text).
    var looksLikeJSON: Bool {
        guard let first = firstNonBlank else { return false }
        return first == "{" || first == "["
    }

    /// The first character that is not whitespace, found without decoding the whole text.
    private var firstNonBlank: Character? {
        var i = 0
        // ASCII blanks byte by byte; at the first other byte, the rest is read as Characters (a
        // non-ASCII space, or "\r\n", is whitespace too), which stops at its first character.
        while i < text.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(text[i]) { i += 1 }
        guard i < text.count else { return nil }
        if text[i] < 0x80, text[i] != 0x0D { return Character(Unicode.Scalar(text[i])) }
        return String(decoding: text[i...], as: UTF8.self).first { !$0.isWhitespace }
    }

    mutating func append(_ u: Unicode.Scalar, at position: JSPosition) {
        if u.isASCII { text.append(UInt8(u.value)) } else { text.append(contentsOf: UTF8.encode(u)!) }
        positions.append(position, endsRun: u == "\n")
        if inString {
            if escaped { escaped = false } else if u == "\\" { escaped = true } else if u == "\"" { inString = false }
        } else if u == "\"" {
            inString = true
        }
    }

    mutating func appendValue(_ placeholder: Placeholder, at position: JSPosition) {
        let sentinel = RESTJSON.sentinel(placeholders.count)
        placeholders.append(placeholder)
        let quoted = inString ? sentinel : "\"" + sentinel + "\""
        for u in quoted.unicodeScalars {
            text.append(contentsOf: UTF8.encode(u)!)
            positions.append(position, endsRun: true)
        }
    }

    func parse(allowComments: Bool = false) -> Outcome {
        do {
            let json = try JSONValue.parse(bytes: text, allowComments: allowComments)
            return .value(RESTJSON.restore(RESTJSON.symbolic(json), placeholders))
        } catch let error as JSONSyntaxError {
            if error.isTooDeep { return .tooDeep(at: position(line: error.line, column: error.column)) }
            return .invalid(message: error.message, at: position(line: error.line, column: error.column))
        } catch {
            return .invalid(message: "\(error)", at: positions.first ?? JSPosition(line: 1, column: 1))
        }
    }

    /// Maps a (line, column) of the assembled text (columns in Unicode scalars, as the parser
    /// counts them) to where that character was written.
    private func position(line: Int, column: Int) -> JSPosition {
        var l = 1, c = 1
        for (offset, u) in String(decoding: text, as: UTF8.self).unicodeScalars.enumerated() {
            if l == line && c == column, let p = positions.position(at: offset) { return p }
            if u == "\n" {
                // A column past the end of the line.
                if l == line, let p = positions.position(at: offset) { return p }
                l += 1
                c = 1
            } else {
                c += 1
            }
        }
        guard let last = positions.lastPosition else { return JSPosition(line: 1, column: 1) }
        return JSPosition(line: last.line, column: last.column + 1)
    }
}
