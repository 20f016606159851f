/// Turns Python source into tokens the way CPython's tokenizer does for the subset quickstarts use:
/// INDENT/DEDENT from leading whitespace, NEWLINE only outside brackets, backslash continuations,
/// string prefixes, triple quotes and f-string replacement fields.
///
/// Errors do not throw: the token list ends with an `.error` token at the failing position, so the
/// parser reports whichever problem comes first in the source, as CPython does.
struct PythonTokenizer {
    let scalars: [Unicode.Scalar]
    /// The same text with its UTF-8 bytes: token text is sliced from it, never built scalar by scalar.
    private let source: ScalarText
    private let lineStarts: [Int]
    /// Code position of the first scalar (an f-string expression starts mid-line).
    private let baseLine: Int
    private let baseColumn: Int
    /// In expression mode (f-string fields) newlines and indentation carry no meaning.
    private let expressionMode: Bool

    init(_ source: String, line: Int = 1, column: Int = 1, expressionMode: Bool = false) {
        let text = ScalarText(source)
        self.source = text
        scalars = text.scalars
        var starts = [0]
        var k = 0
        while k < scalars.count {
            if scalars[k] == "\n" {
                starts.append(k + 1)
            } else if scalars[k] == "\r" {
                if k + 1 < scalars.count, scalars[k + 1] == "\n" { k += 1 }
                starts.append(k + 1)
            }
            k += 1
        }
        lineStarts = starts
        baseLine = line
        baseColumn = column
        self.expressionMode = expressionMode
    }

    /// Code line and column (1-based) of a scalar offset.
    func position(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let column = offset - lineStarts[lo] + 1
        return lo == 0 ? (baseLine, baseColumn + column - 1) : (baseLine + lo, column)
    }

    func text(_ start: Int, _ end: Int) -> String { source.string(start, end) }

    private static let operators: [String] = [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "=", "+", "-", "*", "/", "%", "&", "|",
        "^", "~", "<", ">",
    ]
    /// The operators by their first (ASCII) scalar, longest first, so a token start only tries the
    /// few operators that can match there.
    private static let operatorTable = OperatorTable(operators)

    static let maxNesting = 100

    private static func opening(closedBy op: String) -> String? {
        switch op {
        case ")": "("
        case "]": "["
        case "}": "{"
        default: nil
        }
    }

    func tokenize() -> [PythonToken] {
        var tokens: [PythonToken] = []
        var indents = [0]
        var brackets: [(text: String, offset: Int)] = []
        var atLineStart = !expressionMode
        // A byte order mark at the start is allowed, as in CPython.
        var i = scalars.first == "\u{FEFF}" ? 1 : 0
        let n = scalars.count

        func make(_ kind: PythonTokenKind, _ start: Int, _ end: Int, text: String? = nil) -> PythonToken {
            let p = position(start)
            return PythonToken(kind: kind, text: text ?? self.text(start, end), line: p.line, column: p.column, start: start, end: end)
        }
        func fail(_ offset: Int, _ message: String, line: Int? = nil, column: Int? = nil, tooDeepBound: Int? = nil) -> [PythonToken] {
            let p = position(offset)
            var t = make(.error, offset, offset, text: "")
            t.error = PythonSyntaxError(line: line ?? p.line, column: column ?? p.column, message: message, tooDeepBound: tooDeepBound)
            tokens.append(t)
            return tokens
        }
        func isNewline(_ k: Int) -> Bool { k < n && (scalars[k] == "\n" || scalars[k] == "\r") }
        func skipNewline(_ k: Int) -> Int {
            if k < n, scalars[k] == "\r", k + 1 < n, scalars[k + 1] == "\n" { return k + 2 }
            return k + 1
        }

        while true {
            if atLineStart && brackets.isEmpty {
                var width = 0
                var j = i
                while j < n, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\u{0C}" {
                    width = scalars[j] == "\t" ? (width / 8 + 1) * 8 : width + 1
                    j += 1
                }
                if j >= n { i = j; break }
                if scalars[j] == "#" {
                    while j < n, !isNewline(j) { j += 1 }
                    if j >= n { i = j; break }
                    i = skipNewline(j)
                    continue
                }
                if isNewline(j) { i = skipNewline(j); continue }
                i = j
                atLineStart = false
                if width > indents.last! {
                    if indents.count > Self.maxNesting { return fail(i, "too many levels of indentation") }
                    indents.append(width)
                    // CPython reports an unexpected indent at the last column of the indentation.
                    var indent = make(.indent, i, i, text: "")
                    indent.column = max(1, indent.column - 1)
                    tokens.append(indent)
                } else {
                    while width < indents.last! {
                        indents.removeLast()
                        tokens.append(make(.dedent, i, i, text: ""))
                    }
                    if width != indents.last! {
                        return fail(i, "unindent does not match any outer indentation level")
                    }
                }
            }
            guard i < n else { break }
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\u{0C}" { i += 1; continue }
            if c == "#" {
                while i < n, !isNewline(i) { i += 1 }
                continue
            }
            if c == "\\" {
                if isNewline(i + 1) { i = skipNewline(i + 1); continue }
                if i + 1 >= n { return fail(i, "unexpected EOF while parsing") }
                return fail(i + 1, "unexpected character after line continuation character")
            }
            if isNewline(i) {
                if brackets.isEmpty && !expressionMode {
                    tokens.append(make(.newline, i, i + 1, text: "\n"))
                    atLineStart = true
                }
                i = skipNewline(i)
                continue
            }
            if c == "_" || ScalarClass.isAlphabetic(c) {
                var j = i
                while j < n, scalars[j] == "_" || ScalarClass.isAlphabetic(scalars[j]) || ScalarClass.isNumeric(scalars[j]) {
                    j += 1
                }
                let word = text(i, j)
                if j < n, scalars[j] == "\"" || scalars[j] == "'", Self.stringPrefixes.contains(word.lowercased()) {
                    switch scanString(from: i, prefixLength: j - i) {
                    case .success(let token): tokens.append(token); i = token.end
                    case .failure(let error):
                        var t = make(.error, i, i, text: "")
                        t.error = error
                        tokens.append(t)
                        return tokens
                    }
                    continue
                }
                tokens.append(make(.name, i, j, text: word))
                i = j
                continue
            }
            if c == "\"" || c == "'" {
                switch scanString(from: i, prefixLength: 0) {
                case .success(let token): tokens.append(token); i = token.end
                case .failure(let error):
                    var t = make(.error, i, i, text: "")
                    t.error = error
                    tokens.append(t)
                    return tokens
                }
                continue
            }
            if c.isASCII && ScalarClass.isNumeric(c) || (c == "." && i + 1 < n && scalars[i + 1].isASCII && ScalarClass.isNumeric(scalars[i + 1])) {
                let j = scanNumber(from: i)
                tokens.append(make(.number, i, j))
                i = j
                continue
            }
            guard let found = Self.operatorTable.match(scalars, at: i) else {
                if c == "!" { return fail(i, "invalid syntax") }
                let hex = String(c.value, radix: 16, uppercase: true)
                return fail(i, "invalid character '\(Character(c))' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))")
            }
            let op = found.text, opLength = found.length
            if op == "(" || op == "[" || op == "{" {
                // Bounds parser recursion (CPython's own limit is 200).
                if brackets.count >= Self.maxNesting {
                    return fail(i, "brackets nested more than \(Self.maxNesting) levels deep", tooDeepBound: Self.maxNesting)
                }
                brackets.append((op, i))
            } else if let opening = Self.opening(closedBy: op) {
                guard let last = brackets.last else { return fail(i, "unmatched '\(op)'") }
                if last.text != opening {
                    let p = position(last.offset)
                    let lineNote = p.line == position(i).line ? "" : " on line \(p.line)"
                    return fail(i, "closing parenthesis '\(op)' does not match opening parenthesis '\(last.text)'\(lineNote)")
                }
                brackets.removeLast()
            }
            tokens.append(make(.op, i, i + opLength, text: op))
            i += opLength
        }
        if let open = brackets.last {
            return fail(open.offset, "'\(open.text)' was never closed")
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent, !expressionMode {
            tokens.append(make(.newline, n, n, text: ""))
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(make(.dedent, n, n, text: ""))
        }
        tokens.append(make(.endMarker, n, n, text: ""))
        return tokens
    }

    private static let stringPrefixes: Set<String> = ["r", "u", "b", "f", "br", "rb", "fr", "rf"]

    private func scanNumber(from start: Int) -> Int {
        var j = start
        let n = scalars.count
        func isDigit(_ k: Int) -> Bool { k < n && scalars[k].isASCII && ScalarClass.isNumeric(scalars[k]) }
        func isAlnum(_ k: Int) -> Bool { k < n && (scalars[k].isASCII && (ScalarClass.isAlphabetic(scalars[k]) || ScalarClass.isNumeric(scalars[k])) || scalars[k] == "_") }
        if scalars[j] == "0", j + 1 < n, "xXoObB".unicodeScalars.contains(scalars[j + 1]) {
            j += 2
            while isAlnum(j) { j += 1 }
            return j
        }
        while isDigit(j) || (j < n && scalars[j] == "_") { j += 1 }
        if j < n, scalars[j] == "." {
            j += 1
            while isDigit(j) || (j < n && scalars[j] == "_") { j += 1 }
        }
        if j < n, scalars[j] == "e" || scalars[j] == "E" {
            var k = j + 1
            if k < n, scalars[k] == "+" || scalars[k] == "-" { k += 1 }
            if isDigit(k) {
                j = k
                while isDigit(j) || (j < n && scalars[j] == "_") { j += 1 }
            }
        }
        if j < n, scalars[j] == "j" || scalars[j] == "J" { j += 1 }
        return j
    }

    private func scanString(from start: Int, prefixLength: Int) -> Result<PythonToken, PythonSyntaxError> {
        let prefix = text(start, start + prefixLength).lowercased()
        // The prefix is a few ASCII letters: byte tests, not Foundation's substring search.
        let isRaw = prefix.utf8.contains(UInt8(ascii: "r"))
        let isBytes = prefix.utf8.contains(UInt8(ascii: "b"))
        let isFormatted = prefix.utf8.contains(UInt8(ascii: "f"))
        let n = scalars.count
        let quote = scalars[start + prefixLength]
        var j = start + prefixLength + 1
        let triple = j + 1 < n && scalars[j] == quote && scalars[j + 1] == quote
        if triple { j += 2 }
        let bodyStart = j
        var bodyEnd = -1
        // Inside an f-string's replacement field, strings may reuse the outer quote (PEP 701,
        // Python 3.12): track the field depth and skip nested literals.
        var fieldDepth = 0
        while j < n {
            let c = scalars[j]
            if c == "\\" { j += 2; continue }
            if isFormatted {
                if c == "{" {
                    if fieldDepth == 0, j + 1 < n, scalars[j + 1] == "{" { j += 2; continue }
                    fieldDepth += 1
                } else if c == "}", fieldDepth > 0 {
                    fieldDepth -= 1
                } else if fieldDepth > 0, c == "'" || c == "\"" {
                    var k = j + 1
                    while k < n, scalars[k] != c, scalars[k] != "\n" { k += scalars[k] == "\\" ? 2 : 1 }
                    if k < n, scalars[k] == c { j = k + 1; continue }
                }
            }
            if c == quote {
                if !triple { bodyEnd = j; j += 1; break }
                if j + 2 < n, scalars[j + 1] == quote, scalars[j + 2] == quote { bodyEnd = j; j += 3; break }
            }
            if !triple, c == "\n" || c == "\r" { break }
            j += 1
        }
        let p = position(start)
        guard bodyEnd >= 0 else {
            let detected = position(min(j, max(0, n - 1))).line
            let kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
            return .failure(PythonSyntaxError(line: p.line, column: p.column, message: "\(kind) (detected at line \(detected))"))
        }
        var pieces: [PythonStringPiece] = []
        var buffer = ""
        var k = bodyStart
        // Plain scalars are copied as one slice when a special one (or the end) comes.
        var runStart = k
        func flush() {
            if runStart < k { buffer += text(runStart, k) }
        }
        while k < bodyEnd {
            let c = scalars[k]
            if !(c == "{" || c == "}" || c == "\\" || c == "\r") {
                k += 1
                continue
            }
            flush()
            defer { runStart = k }
            if isFormatted && c == "{" {
                if k + 1 < bodyEnd, scalars[k + 1] == "{" { buffer += "{"; k += 2; continue }
                if !buffer.isEmpty { pieces.append(.text(buffer)); buffer = "" }
                switch scanReplacementField(from: k + 1, bodyEnd: bodyEnd) {
                case .failure(let e): return .failure(e)
                case .success(let field):
                    let fieldText = text(field.exprStart, field.exprEnd)
                    if field.selfDocumenting { pieces.append(.text(text(field.exprStart, field.equalsEnd))) }
                    let fp = position(field.exprStart)
                    pieces.append(.expression(source: fieldText, line: fp.line, column: fp.column))
                    k = field.end
                }
                continue
            }
            if isFormatted && c == "}" {
                if k + 1 < bodyEnd, scalars[k + 1] == "}" { buffer += "}"; k += 2; continue }
                let fp = position(k)
                return .failure(PythonSyntaxError(line: fp.line, column: fp.column, message: "f-string: single '}' is not allowed"))
            }
            if c == "\\" && !isRaw && isFormatted && k + 2 < bodyEnd && scalars[k + 1] == "N" && scalars[k + 2] == "{" {
                // `\N{NAME}` is a character name, not a replacement field; the name is kept as written.
                var close = k + 3
                while close < bodyEnd, scalars[close] != "}" { close += 1 }
                buffer += text(k, min(close + 1, bodyEnd))
                k = close + 1
                continue
            }
            if c == "\\" && !isRaw && k + 1 < bodyEnd {
                let (decoded, next) = decodeEscape(at: k, bodyEnd: bodyEnd)
                buffer += decoded
                k = next
                continue
            }
            if c == "\r" {
                buffer += "\n"
                k += (k + 1 < bodyEnd && scalars[k + 1] == "\n") ? 2 : 1
                continue
            }
            buffer.unicodeScalars.append(c)
            k += 1
        }
        flush()
        if !buffer.isEmpty || pieces.isEmpty { pieces.append(.text(buffer)) }
        var token = PythonToken(kind: .string, text: text(start, j), line: p.line, column: p.column, start: start, end: j)
        token.string = PythonStringLiteral(pieces: pieces, isBytes: isBytes, isFormatted: isFormatted)
        return .success(token)
    }

    private struct ReplacementField {
        var exprStart: Int
        var exprEnd: Int
        var equalsEnd: Int
        var selfDocumenting: Bool
        var end: Int
    }

    /// Finds the extent of `{expr!conv:spec}` starting after the `{`.
    private func scanReplacementField(from start: Int, bodyEnd: Int) -> Result<ReplacementField, PythonSyntaxError> {
        var depth = 0
        var k = start
        var exprEnd = -1
        var quote: Unicode.Scalar?
        while k < bodyEnd {
            let c = scalars[k]
            if let q = quote {
                if c == q { quote = nil }
                k += 1
                continue
            }
            if c == "'" || c == "\"" { quote = c; k += 1; continue }
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            else if c == ")" || c == "]" || (c == "}" && depth > 0) { depth -= 1 }
            else if depth == 0 {
                if c == "}" { exprEnd = k; break }
                if c == "!", k + 1 < bodyEnd, scalars[k + 1] != "=" { exprEnd = k; break }
                if c == ":" { exprEnd = k; break }
            }
            k += 1
        }
        guard exprEnd >= 0 else {
            let p = position(start - 1)
            return .failure(PythonSyntaxError(line: p.line, column: p.column, message: "f-string: expecting '}'"))
        }
        var exprStop = exprEnd
        var selfDoc = false
        var probe = exprEnd - 1
        while probe >= start, scalars[probe] == " " { probe -= 1 }
        if probe >= start, scalars[probe] == "=", probe - 1 >= start, !"=!<>".unicodeScalars.contains(scalars[probe - 1]) {
            selfDoc = true
            exprStop = probe
        }
        if text(start, exprStop).allSatisfy({ $0 == " " }) {
            let p = position(start - 1)
            return .failure(PythonSyntaxError(line: p.line, column: p.column, message: "f-string: empty expression not allowed"))
        }
        // Skip a conversion and a format spec (which may nest fields) up to the closing brace.
        var end = exprEnd
        var nested = 0
        while end < bodyEnd {
            if scalars[end] == "{" { nested += 1 }
            if scalars[end] == "}" {
                if nested == 0 { break }
                nested -= 1
            }
            end += 1
        }
        guard end < bodyEnd else {
            let p = position(start - 1)
            return .failure(PythonSyntaxError(line: p.line, column: p.column, message: "f-string: expecting '}'"))
        }
        return .success(ReplacementField(exprStart: start, exprEnd: exprStop, equalsEnd: selfDoc ? probe + 1 : exprStop, selfDocumenting: selfDoc, end: end + 1))
    }

    private func decodeEscape(at k: Int, bodyEnd: Int) -> (String, Int) {
        let e = scalars[k + 1]
        func hexValue(_ from: Int, _ count: Int) -> (String, Int)? {
            guard from + count <= bodyEnd, let v = UInt32(text(from, from + count), radix: 16), let u = Unicode.Scalar(v) else { return nil }
            return (String(Character(u)), from + count)
        }
        switch e {
        case "\n": return ("", k + 2)
        case "\r": return ("", (k + 2 < bodyEnd && scalars[k + 2] == "\n") ? k + 3 : k + 2)
        case "\\": return ("\\", k + 2)
        case "'": return ("'", k + 2)
        case "\"": return ("\"", k + 2)
        case "n": return ("\n", k + 2)
        case "t": return ("\t", k + 2)
        case "r": return ("\r", k + 2)
        case "a": return ("\u{07}", k + 2)
        case "b": return ("\u{08}", k + 2)
        case "f": return ("\u{0C}", k + 2)
        case "v": return ("\u{0B}", k + 2)
        case "x": if let r = hexValue(k + 2, 2) { return r }
        case "u": if let r = hexValue(k + 2, 4) { return r }
        case "U": if let r = hexValue(k + 2, 8) { return r }
        case "0"..."7":
            var end = k + 1
            while end < bodyEnd, end < k + 4, ("0"..."7").contains(scalars[end]) { end += 1 }
            if let v = UInt32(text(k + 1, end), radix: 8), let u = Unicode.Scalar(v) { return (String(Character(u)), end) }
        default: break
        }
        // Unknown escapes keep their backslash, as Python does.
        return ("\\" + String(Character(e)), k + 2)
    }
}
