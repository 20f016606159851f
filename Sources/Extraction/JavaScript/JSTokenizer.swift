/// Splits JavaScript / TypeScript source into tokens: strings, template literals with nested
/// `${}` expressions, comments, numbers, punctuators and (approximately) regular expressions.
struct JSTokenizer {
    private let scalars: [Unicode.Scalar]
    /// The same text with its UTF-8 bytes: identifiers and string runs are sliced from it.
    private let source: ScalarText
    private var index = 0
    private var line = 1
    private var column = 1
    private var sawNewline = false
    private var tokens: [JSToken] = []

    init(_ source: String) {
        self.source = ScalarText(source)
        self.scalars = self.source.scalars
    }

    private init(source: ScalarText, index: Int, line: Int, column: Int) {
        self.source = source
        self.scalars = source.scalars
        self.index = index
        self.line = line
        self.column = column
    }

    /// The whole source as tokens, ending with `.eof`.
    static func tokenize(_ source: String) throws(JSSyntaxError) -> [JSToken] {
        var tokenizer = JSTokenizer(source)
        return try tokenizer.run(stopAtUnmatchedBrace: false)
    }

    // The table tries longest first, so `>>>=` wins over `>>`.
    private static let punctuators = OperatorTable([
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "**", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~",
        "?", ":", "=", ".", "@",
    ])

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        guard let c = current else { return }
        index += 1
        if c == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func error(_ message: String, line: Int? = nil, column: Int? = nil) -> JSSyntaxError {
        JSSyntaxError(line: line ?? self.line, column: column ?? self.column, message: message)
    }

    /// Tokenizes until the end, or (inside `${…}`) until the `}` that closes the expression.
    private mutating func run(stopAtUnmatchedBrace: Bool) throws(JSSyntaxError) -> [JSToken] {
        var braceDepth = 0
        while true {
            try skipTrivia()
            guard let c = current else {
                if stopAtUnmatchedBrace { throw error("unterminated '${' in template literal") }
                tokens.append(JSToken(kind: .eof, line: line, column: column, newlineBefore: true))
                return tokens
            }
            let startLine = line, startColumn = column
            func emit(_ kind: JSToken.Kind) {
                tokens.append(JSToken(kind: kind, line: startLine, column: startColumn, newlineBefore: sawNewline))
                sawNewline = false
            }
            if stopAtUnmatchedBrace && c == "}" && braceDepth == 0 {
                advance()
                tokens.append(JSToken(kind: .eof, line: startLine, column: startColumn, newlineBefore: false))
                return tokens
            }
            if Self.isIdentifierStart(c) {
                emit(.identifier(readIdentifier()))
            } else if c == "#", let n = peek(1), Self.isIdentifierStart(n) {
                advance()
                emit(.privateName(readIdentifier()))
            } else if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
                emit(.number(try readNumber()))
            } else if c == "\"" || c == "'" {
                emit(.string(try readString(quote: c)))
            } else if c == "`" {
                emit(try readTemplate())
            } else if c == "/" && regexAllowed() {
                emit(.regex(try readRegex()))
            } else {
                let found = Self.punctuators.match(scalars, at: index)
                var matched = found?.text
                // `?.5` is a conditional followed by a number, not optional chaining.
                if matched == "?.", let d = peek(2), Self.isDigit(d) { matched = "?" }
                guard let p = matched else {
                    throw error("unexpected character '\(Character(c))'")
                }
                for _ in 0..<(p == "?" ? 1 : found?.length ?? 0) { advance() }
                if p == "{" { braceDepth += 1 }
                if p == "}" { braceDepth -= 1 }
                emit(.punctuator(p))
            }
        }
    }

    private mutating func skipTrivia() throws(JSSyntaxError) {
        while let c = current {
            if c == "\n" {
                sawNewline = true
                advance()
            } else if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" || c == "\u{A0}" || ScalarClass.isWhitespace(c) {
                advance()
            } else if c == "/" && peek(1) == "/" {
                while let d = current, d != "\n" { advance() }
            } else if c == "/" && peek(1) == "*" {
                let l = line, col = column
                advance(); advance()
                while true {
                    guard let d = current else { throw error("unterminated comment", line: l, column: col) }
                    if d == "*" && peek(1) == "/" { advance(); advance(); break }
                    if d == "\n" { sawNewline = true }
                    advance()
                }
            } else if c == "#" && peek(1) == "!" && index == 0 {
                while let d = current, d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || ScalarClass.isAlphabetic(c)
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || isDigit(c) || c == "\u{200C}" || c == "\u{200D}"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private mutating func readIdentifier() -> String {
        let start = index
        while let c = current, Self.isIdentifierPart(c) { advance() }
        return source.string(start, index)
    }

    private mutating func readNumber() throws(JSSyntaxError) -> Double {
        let startColumn = column
        var text = ""
        if current == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            advance(); advance()
            let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
            while let c = current, c.properties.isASCIIHexDigit || c == "_" {
                if c != "_" { text.unicodeScalars.append(c) }
                advance()
            }
            guard let v = Int(text, radix: radix) else { throw error("invalid number literal", column: startColumn) }
            if current == "n" { advance() }
            return Double(v)
        }
        while let c = current, Self.isDigit(c) || c == "." || c == "_" || c == "e" || c == "E"
            || ((c == "+" || c == "-") && (text.last == "e" || text.last == "E")) {
            if c != "_" { text.unicodeScalars.append(c) }
            advance()
        }
        if current == "n" { advance() }  // BigInt suffix
        if let c = current, Self.isIdentifierStart(c) {
            throw error("identifier directly after a number")
        }
        guard let v = Double(text) else { throw error("invalid number literal '\(text)'", column: startColumn) }
        return v
    }

    /// Reads one escape sequence after a backslash (already consumed) and appends its value.
    private mutating func readEscape(into out: inout String) throws(JSSyntaxError) {
        guard let e = current else { throw error("unterminated escape sequence") }
        advance()
        switch e {
        case "n": out += "\n"
        case "t": out += "\t"
        case "r": out += "\r"
        case "b": out += "\u{8}"
        case "f": out += "\u{C}"
        case "v": out += "\u{B}"
        case "0" where !(current.map(Self.isDigit) ?? false): out += "\0"
        case "\n": break  // line continuation
        case "\r": if current == "\n" { advance() }
        case "x":
            var hex = ""
            for _ in 0..<2 { if let c = current { hex.unicodeScalars.append(c); advance() } }
            guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw error("invalid \\x escape") }
            out.unicodeScalars.append(s)
        case "u":
            var hex = ""
            if current == "{" {
                advance()
                while let c = current, c != "}" { hex.unicodeScalars.append(c); advance() }
                advance()
            } else {
                for _ in 0..<4 { if let c = current { hex.unicodeScalars.append(c); advance() } }
            }
            guard let v = UInt32(hex, radix: 16) else { throw error("invalid \\u escape") }
            out.unicodeScalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        default: out.unicodeScalars.append(e)
        }
    }

    private mutating func readString(quote: Unicode.Scalar) throws(JSSyntaxError) -> String {
        let l = line, col = column
        advance()
        var out = ""
        // Plain scalars are copied as one slice when a quote or an escape comes.
        var runStart = index
        while true {
            guard let c = current, c != "\n" else {
                throw error("unterminated string literal", line: l, column: col)
            }
            if c == quote || c == "\\" {
                if runStart < index { out += source.string(runStart, index) }
                advance()
                if c == quote { return out }
                try readEscape(into: &out)
                runStart = index
            } else {
                advance()
            }
        }
    }

    private mutating func readTemplate() throws(JSSyntaxError) -> JSToken.Kind {
        let l = line, col = column
        advance()
        var quasis: [String] = []
        var expressions: [[JSToken]] = []
        var text = ""
        // Plain scalars are copied as one slice when a special one comes.
        var runStart = index
        while true {
            guard let c = current else { throw error("unterminated template literal", line: l, column: col) }
            let special = c == "`" || c == "\\" || (c == "$" && peek(1) == "{")
            if special, runStart < index { text += source.string(runStart, index) }
            defer { if special { runStart = index } }
            if c == "`" {
                advance()
                quasis.append(text)
                return .template(quasis: quasis, expressions: expressions)
            }
            if c == "\\" {
                advance()
                try readEscape(into: &text)
            } else if c == "$" && peek(1) == "{" {
                advance(); advance()
                quasis.append(text)
                text = ""
                var inner = JSTokenizer(source: source, index: index, line: line, column: column)
                let innerTokens = try inner.run(stopAtUnmatchedBrace: true)
                index = inner.index
                line = inner.line
                column = inner.column
                expressions.append(innerTokens)
            } else {
                advance()
            }
        }
    }

    /// A `/` starts a regular expression where an expression may begin: after an operator, an
    /// opening bracket, or a keyword like `return` — an approximation good enough for samples.
    private func regexAllowed() -> Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .number, .string, .template, .regex, .privateName: return false
        case .identifier(let name):
            return Self.regexKeywords.contains(name)
        case .punctuator(let p): return !(p == ")" || p == "]" || p == "}")
        case .eof: return true
        }
    }

    private static let regexKeywords: Set<String> = ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]

    private mutating func readRegex() throws(JSSyntaxError) -> String {
        let l = line, col = column
        var out = ""
        advance()
        var inClass = false
        while true {
            guard let c = current, c != "\n" else {
                throw error("unterminated regular expression", line: l, column: col)
            }
            advance()
            if c == "\\" {
                if let n = current { out.unicodeScalars.append(c); out.unicodeScalars.append(n); advance() }
                continue
            }
            if c == "[" { inClass = true }
            if c == "]" { inClass = false }
            if c == "/" && !inClass { break }
            out.unicodeScalars.append(c)
        }
        while let c = current, Self.isIdentifierPart(c) { advance() }  // flags
        return out
    }
}
