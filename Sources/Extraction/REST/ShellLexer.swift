import Foundation

/// One character of a shell word after quote removal, with where it was written, or a run-time
/// value (`$VAR`, `${VAR}`, `$env:VAR`, `%VAR%`, `$(…)`).
enum ShellChar: Hashable, Sendable {
    case char(Unicode.Scalar, JSPosition)
    case value(Placeholder, JSPosition)

    var position: JSPosition {
        switch self {
        case .char(_, let p), .value(_, let p): p
        }
    }
}

/// A shell word: `-H`, `"api-key: $AZURE_OPENAI_API_KEY"`, `'{"messages": …}'`.
///
/// Stored compactly — the literal text, the run-time values apart, positions as runs — because a
/// word can be a whole request body: a 20 MB `-d '…'` held as one enum value per character took
/// over 50 bytes a character.
struct ShellWord: Hashable, Sendable {
    /// A run-time value and the character offset it takes.
    private struct Slot: Hashable, Sendable {
        var offset: Int
        var placeholder: Placeholder
    }

    /// The literal characters in order; values take no scalar here.
    private var literal = ""
    private var slots: [Slot] = []
    private var positions = PositionRuns()
    var position: JSPosition

    init(position: JSPosition) {
        self.position = position
    }

    init(chars: [ShellChar], position: JSPosition) {
        self.position = position
        for c in chars { append(c) }
    }

    /// Characters and values in the word.
    var count: Int { positions.count }

    /// The word's characters when it holds no run-time values (its ``text`` is then all of it).
    var literalText: String? { slots.isEmpty ? literal : nil }

    /// Where the word's first character was written.
    var firstCharacterPosition: JSPosition? { positions.position(at: 0) }

    mutating func append(_ c: ShellChar) {
        switch c {
        case .char(let u, let p):
            literal.unicodeScalars.append(u)
            positions.append(p, endsRun: u == "\n")
        case .value(let placeholder, let p):
            slots.append(Slot(offset: positions.count, placeholder: placeholder))
            positions.append(p, endsRun: true)
        }
    }

    mutating func append(contentsOf chars: [ShellChar]) {
        for c in chars { append(c) }
    }

    /// Calls `body` with each character or value in order.
    func forEach(_ body: (ShellChar) -> Void) {
        var scalars = literal.unicodeScalars.makeIterator()
        var slot = 0
        for offset in 0..<count {
            let p = positions.position(at: offset) ?? position
            if slot < slots.count, slots[slot].offset == offset {
                body(.value(slots[slot].placeholder, p))
                slot += 1
            } else if let u = scalars.next() {
                body(.char(u, p))
            }
        }
    }

    /// Every character and value; for short words (headers, form fields), not request bodies.
    var chars: [ShellChar] {
        var out: [ShellChar] = []
        out.reserveCapacity(count)
        forEach { out.append($0) }
        return out
    }

    /// The first character or value, without materializing the rest.
    var first: ShellChar? {
        guard count > 0, let p = positions.position(at: 0) else { return nil }
        if let slot = slots.first, slot.offset == 0 { return .value(slot.placeholder, p) }
        return literal.unicodeScalars.first.map { .char($0, p) }
    }

    /// The literal text, with run-time values written as `$NAME`.
    var text: String {
        guard !slots.isEmpty else { return literal }
        var s = String.UnicodeScalarView()
        forEach { c in
            switch c {
            case .char(let u, _): s.append(u)
            case .value(let p, _): s.append(contentsOf: "$\(p.shortName)".unicodeScalars)
            }
        }
        return String(s)
    }

    var templateParts: [TemplatePart] {
        guard !slots.isEmpty else { return literal.isEmpty ? [] : [.literal(literal)] }
        var parts: [TemplatePart] = []
        var text = String.UnicodeScalarView()
        forEach { c in
            switch c {
            case .char(let u, _): text.append(u)
            case .value(let p, _):
                if !text.isEmpty { parts.append(.literal(String(text))); text = String.UnicodeScalarView() }
                parts.append(.placeholder(p))
            }
        }
        if !text.isEmpty { parts.append(.literal(String(text))) }
        return parts
    }

    var symbolic: SymbolicValue {
        let parts = templateParts
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .literal(let l) = parts[0] { return .string(l) }
        if parts.count == 1, case .placeholder(let p) = parts[0] { return .placeholder(p) }
        return .template(parts)
    }

    func dropFirst(_ n: Int) -> ShellWord {
        var rest = ShellWord(position: position)
        var index = 0
        forEach { c in
            if index == n { rest.position = c.position }
            if index >= n { rest.append(c) }
            index += 1
        }
        return rest
    }
}

/// A command line: its words, and where it starts.
struct ShellCommand: Hashable, Sendable {
    var words: [ShellWord]
    var position: JSPosition
}

/// Splits shell text (bash, PowerShell, cmd) into commands and words: quotes, escapes, line
/// continuations (`\`, `` ` ``, `^` at the end of a line), variables, comments and `;`, `&&`,
/// `||`, `|` separators. Quote characters are removed, each remaining character keeps its position.
struct ShellLexer {
    struct UnterminatedQuote: Error {
        var position: JSPosition
        var quote: Character
    }

    /// The text's UTF-8, read in place (an array of scalars took four bytes a character).
    /// `i` and the `j` of look-aheads are byte offsets; columns still count scalars.
    private let scalars: UTF8Scalars
    private var i = 0
    private var line = 1
    private var column = 1
    /// Where the last failed search for a `${…}`'s `}` stopped (a line end or the end): no `}`
    /// lies between any later `${` before it and it.
    private var noClosingBraceUntil = -1

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scalars = UTF8Scalars(bytes: bytes)
    }

    static func commands(_ text: String) throws(UnterminatedQuote) -> [ShellCommand] {
        var text = text
        // The buffer lives only inside this call; nothing the lexer returns points into it.
        let outcome: Result<[ShellCommand], UnterminatedQuote> = text.withUTF8 { bytes in
            var lexer = ShellLexer(bytes)
            do throws(UnterminatedQuote) { return .success(try lexer.run()) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    private var here: JSPosition { JSPosition(line: line, column: column) }
    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    /// The scalar `n` scalars after the current one.
    private func peek(_ n: Int) -> Unicode.Scalar? {
        var j = i
        for _ in 0..<n {
            guard j < scalars.count else { return nil }
            j += scalars.length(at: j)
        }
        return j < scalars.count ? scalars[j] : nil
    }

    private mutating func advance() {
        guard let c = current else { return }
        i += scalars.length(at: i)
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    /// True at a continuation character followed only by blanks up to the end of the line.
    private func isContinuation() -> Bool {
        guard let c = current, c == "\\" || c == "`" || c == "^" else { return false }
        var j = i + 1
        while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
        return j >= scalars.count || scalars[j] == "\n"
    }

    private mutating func skipToLineEnd() {
        while let c = current, c != "\n" { advance() }
    }

    private mutating func run() throws(UnterminatedQuote) -> [ShellCommand] {
        var commands: [ShellCommand] = []
        var words: [ShellWord] = []
        var word = ShellWord(position: here)
        var wordStarted = false
        var wordStart = here

        func endWord() {
            if wordStarted {
                word.position = wordStart
                words.append(word)
            }
            word = ShellWord(position: here)
            wordStarted = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(ShellCommand(words: words, position: words[0].position)) }
            words = []
        }
        func startWord(_ at: JSPosition) {
            if !wordStarted {
                wordStarted = true
                wordStart = at
            }
        }

        var pendingHeredocs: [String] = []
        while let c = current {
            if c == "\n" && !pendingHeredocs.isEmpty {
                endCommand()
                advance()
                for delimiter in pendingHeredocs { skipHeredocBody(until: delimiter) }
                pendingHeredocs = []
                continue
            }
            if !wordStarted, c == "<", peek(1) == "<", peek(2) != "<" {
                endWord()
                if let delimiter = readHeredocOperator() { pendingHeredocs.append(delimiter) }
                continue
            }
            if !wordStarted, c == "@", let q = peek(1), q == "\"" || q == "'", restOfLineIsBlank(from: i + 2) {
                startWord(here)
                word.append(contentsOf: readHereString(quote: q))
                continue
            }
            if isContinuation() {
                endWord()
                skipToLineEnd()
                advance()
                continue
            }
            switch c {
            case " ", "\t", "\r":
                endWord()
                advance()
            case "\n":
                endCommand()
                advance()
            case "#" where !wordStarted:
                skipToLineEnd()
            case ";":
                endCommand()
                advance()
            case "&", "|":
                endCommand()
                advance()
                if current == c { advance() }
            case "'":
                startWord(here)
                let open = here
                advance()
                while true {
                    guard let d = current else { throw UnterminatedQuote(position: open, quote: "'") }
                    if d == "'" { advance(); break }
                    word.append(.char(d, here))
                    advance()
                }
            case "\"":
                startWord(here)
                let open = here
                advance()
                while true {
                    guard let d = current else { throw UnterminatedQuote(position: open, quote: "\"") }
                    if d == "\"" { advance(); break }
                    if (d == "\\" || d == "`"), let n = peek(1), n == "\"" || n == "\\" || n == "$" || n == "`" {
                        advance()
                        word.append(.char(n, here))
                        advance()
                        continue
                    }
                    if d == "$", let v = readVariable() {
                        word.append(v)
                        continue
                    }
                    if d == "%", let v = readPercentVariable() {
                        word.append(v)
                        continue
                    }
                    word.append(.char(d, here))
                    advance()
                }
            case "\\":
                startWord(here)
                advance()
                if let n = current {
                    word.append(.char(n, here))
                    advance()
                }
            case "$":
                startWord(here)
                if let v = readVariable() {
                    word.append(v)
                } else {
                    word.append(.char(c, here))
                    advance()
                }
            case "%":
                startWord(here)
                if let v = readPercentVariable() {
                    word.append(v)
                } else {
                    word.append(.char(c, here))
                    advance()
                }
            default:
                startWord(here)
                word.append(.char(c, here))
                advance()
            }
        }
        endCommand()
        return commands
    }

    /// `<<EOF`, `<<-EOF`, `<< 'EOF'`: consumes the operator and returns the delimiter.
    private mutating func readHeredocOperator() -> String? {
        advance()
        advance()
        if current == "-" { advance() }
        while current == " " || current == "\t" { advance() }
        var delimiter = String.UnicodeScalarView()
        if let q = current, q == "'" || q == "\"" {
            advance()
            while let c = current, c != q, c != "\n" { delimiter.append(c); advance() }
            if current == q { advance() }
        } else {
            while let c = current, !" \t\n;|&<>".unicodeScalars.contains(c) { delimiter.append(c); advance() }
        }
        return delimiter.isEmpty ? nil : String(delimiter)
    }

    /// Skips here-document lines up to and including the delimiter line: they are data, not commands.
    private mutating func skipHeredocBody(until delimiter: String) {
        while current != nil {
            var lineText = String.UnicodeScalarView()
            while let c = current, c != "\n" { lineText.append(c); advance() }
            advance()
            if String(lineText).trimmingCharacters(in: .whitespaces) == delimiter { return }
        }
    }

    private func restOfLineIsBlank(from start: Int) -> Bool {
        var j = start
        while j < scalars.count, scalars[j] != "\n" {
            if scalars[j] != " " && scalars[j] != "\t" && scalars[j] != "\r" { return false }
            j += 1
        }
        return true
    }

    /// PowerShell's `@"` … `"@` / `@'` … `'@` here-strings, as one literal word.
    private mutating func readHereString(quote: Unicode.Scalar) -> [ShellChar] {
        advance()
        advance()
        skipToLineEnd()
        advance()
        var chars: [ShellChar] = []
        var atLineStart = true
        while let c = current {
            if atLineStart && c == quote && peek(1) == "@" {
                advance()
                advance()
                if chars.last.map({ if case .char("\n", _) = $0 { true } else { false } }) == true { chars.removeLast() }
                return chars
            }
            chars.append(.char(c, here))
            atLineStart = c == "\n"
            advance()
        }
        return chars
    }

    private static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    /// `$NAME`, `${NAME}`, `$env:NAME`, `$(command)`; nil (nothing consumed) for a lone `$`.
    private mutating func readVariable() -> ShellChar? {
        let start = here
        guard current == "$", let n = peek(1) else { return nil }
        if n == "{" {
            // A line already seen to hold no `}` from here on needs no second look: without this,
            // a line of many unclosed `${` is scanned once per `${`.
            if i + 2 <= noClosingBraceUntil { return nil }
            var j = i + 2
            var name = String.UnicodeScalarView()
            while j < scalars.count, scalars[j] != "}", scalars[j] != "\n" { name.append(scalars[j]); j += scalars.length(at: j) }
            guard j < scalars.count, scalars[j] == "}" else {
                noClosingBraceUntil = j
                return nil
            }
            while i <= j { advance() }
            // `${VAR:-default}`: the variable, with the default as its fallback.
            let text = String(name)
            if let sep = text.range(of: ":-") {
                return .value(.environment(name: String(text[..<sep.lowerBound]), fallback: String(text[sep.upperBound...])), start)
            }
            return .value(.environment(name: text, fallback: nil), start)
        }
        if n == "(" {
            var depth = 0
            var text = String.UnicodeScalarView()
            while let c = current {
                text.append(c)
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1; if depth == 0 { advance(); break } }
                advance()
            }
            return .value(.unknown(String(text)), start)
        }
        guard Self.isNameChar(n) else { return nil }
        advance()
        var name = String.UnicodeScalarView()
        // PowerShell `$env:NAME`.
        if matchesWord("env:") {
            for _ in 0..<4 { advance() }
        }
        while let c = current, Self.isNameChar(c) { name.append(c); advance() }
        return .value(.environment(name: String(name), fallback: nil), start)
    }

    private func matchesWord(_ w: String) -> Bool {
        var j = i
        for s in w.unicodeScalars {
            guard j < scalars.count, String(scalars[j]).lowercased() == String(s) else { return false }
            j += 1
        }
        return true
    }

    /// cmd's `%NAME%`.
    private mutating func readPercentVariable() -> ShellChar? {
        let start = here
        var j = i + 1
        var name = String.UnicodeScalarView()
        while j < scalars.count, Self.isNameChar(scalars[j]) { name.append(scalars[j]); j += 1 }
        // `%20` in a URL is an escape, not a variable: names start with a letter or '_'.
        guard let first = name.first, !("0"..."9").contains(first), j < scalars.count, scalars[j] == "%" else { return nil }
        while i <= j { advance() }
        return .value(.environment(name: String(name), fallback: nil), start)
    }
}

/// UTF-8 bytes read as Unicode scalars at byte offsets. Swift strings hold valid UTF-8, so a lead
/// byte always starts a complete sequence; anything else reads as U+FFFD, one byte long.
private struct UTF8Scalars {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Bytes, not scalars.
    var count: Int { bytes.count }

    /// The scalar starting at byte `offset`.
    subscript(offset: Int) -> Unicode.Scalar { decode(at: offset).scalar }

    /// Bytes the scalar at `offset` takes.
    func length(at offset: Int) -> Int { decode(at: offset).length }

    private func decode(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let b = bytes[offset + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
