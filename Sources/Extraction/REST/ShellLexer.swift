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
struct ShellWord: Hashable, Sendable {
    var chars: [ShellChar]
    var position: JSPosition

    /// The literal text, with run-time values written as `$NAME`.
    var text: String {
        var s = String.UnicodeScalarView()
        for c in chars {
            switch c {
            case .char(let u, _): s.append(u)
            case .value(let p, _): s.append(contentsOf: "$\(p.shortName)".unicodeScalars)
            }
        }
        return String(s)
    }

    var templateParts: [TemplatePart] {
        var parts: [TemplatePart] = []
        var text = String.UnicodeScalarView()
        for c in chars {
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
        let rest = Array(chars.dropFirst(n))
        return ShellWord(chars: rest, position: rest.first?.position ?? position)
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

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var column = 1
    /// Where the last failed search for a `${…}`'s `}` stopped (a line end or the end): no `}`
    /// lies between any later `${` before it and it.
    private var noClosingBraceUntil = -1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func commands(_ text: String) throws(UnterminatedQuote) -> [ShellCommand] {
        var lexer = ShellLexer(text)
        return try lexer.run()
    }

    private var here: JSPosition { JSPosition(line: line, column: column) }
    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    private func peek(_ n: Int) -> Unicode.Scalar? { i + n < scalars.count ? scalars[i + n] : nil }

    private mutating func advance() {
        guard let c = current else { return }
        i += 1
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
        var word: [ShellChar] = []
        var wordStarted = false
        var wordStart = here

        func endWord() {
            if wordStarted { words.append(ShellWord(chars: word, position: wordStart)) }
            word = []
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
                word += readHereString(quote: q)
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
            while j < scalars.count, scalars[j] != "}", scalars[j] != "\n" { name.append(scalars[j]); j += 1 }
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
