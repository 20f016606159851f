/// A recursive-descent parser for the JavaScript / TypeScript that quickstarts use. With
/// `typescript`, type annotations, `as`, `!`, type arguments and type declarations are accepted
/// (and dropped); without it they are syntax errors, as they are for Node.js.
struct JSParser {
    var tokens: [JSToken]
    var index = 0
    let typescript: Bool
    /// How deep the recursive descent is (expressions, statements); bounded so hostile nesting is
    /// a syntax error instead of a stack overflow.
    var nesting = 0
    /// Real code nests a few levels; a few hundred recursive frames per level fit any thread's stack.
    static let maxNesting = 100
    /// Operators chained at one level (`a + b + … `) build a left-deep tree as deep as the chain.
    static let maxChain = 400

    init(tokens: [JSToken], typescript: Bool) {
        self.tokens = tokens
        self.typescript = typescript
    }

    /// Tokenizes and parses a whole program.
    static func parse(_ source: String, typescript: Bool) throws(JSSyntaxError) -> [JSStatement] {
        let tokens = try JSTokenizer.tokenize(source)
        var parser = JSParser(tokens: tokens, typescript: typescript)
        return try parser.parseProgram()
    }

    static let reservedWords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return",
        "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "enum",
    ]

    // MARK: - Token helpers

    var current: JSToken { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> JSToken { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> JSToken {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    /// Enters one more level of nesting; the caller leaves it with `defer { nesting -= 1 }`.
    mutating func descend() throws(JSSyntaxError) {
        nesting += 1
        if nesting > Self.maxNesting {
            var tooDeep = error("code nested more than \(Self.maxNesting) levels deep; docverify does not read code nested this deeply")
            tooDeep.tooDeepBound = Self.maxNesting
            throw tooDeep
        }
    }

    func error(_ message: String, at token: JSToken? = nil) -> JSSyntaxError {
        let t = token ?? current
        return JSSyntaxError(line: t.line, column: t.column, message: message)
    }

    func unexpected(expected: String) -> JSSyntaxError {
        error("expected \(expected), found \(current.description)")
    }

    mutating func eat(_ p: String) -> Bool {
        if current.isPunctuator(p) {
            advance()
            return true
        }
        return false
    }

    mutating func eatWord(_ word: String) -> Bool {
        if current.isIdentifier(word) {
            advance()
            return true
        }
        return false
    }

    mutating func expect(_ p: String, _ what: String? = nil) throws(JSSyntaxError) {
        guard eat(p) else { throw unexpected(expected: what ?? "'\(p)'") }
    }

    /// Automatic semicolon insertion: a statement ends at `;`, before `}`, at the end, or at a line break.
    mutating func consumeSemicolon() throws(JSSyntaxError) {
        if eat(";") { return }
        if current.isPunctuator("}") || current.isEOF || current.newlineBefore { return }
        throw unexpected(expected: "';' or a line break")
    }

    mutating func bindingName(_ what: String = "a variable name") throws(JSSyntaxError) -> String {
        guard let name = current.identifier, !Self.reservedWords.contains(name) else {
            throw unexpected(expected: what)
        }
        advance()
        return name
    }

    /// A property name after `.` or in an object literal: any identifier, keywords included.
    mutating func propertyName() throws(JSSyntaxError) -> String {
        switch current.kind {
        case .identifier(let n): advance(); return n
        case .privateName(let n): advance(); return "#" + n
        default: throw unexpected(expected: "a property name")
        }
    }
}
