/// A JavaScript / TypeScript syntax error at a 1-based line and column of the sample's code.
struct JSSyntaxError: Error, Hashable, Sendable {
    var line: Int
    var column: Int
    var message: String
    /// docverify's own nesting bound that stopped the reading (not the language's grammar):
    /// reported as `input-too-deep`, not `js-syntax` / `ts-syntax`.
    var tooDeepBound: Int? = nil
}

/// One lexical token. Positions are 1-based and count Unicode scalars, like `JSONTextParser`.
struct JSToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Identifiers and keywords alike: the parser decides by context, as TypeScript's
        /// contextual keywords (`type`, `as`, `async`) require.
        case identifier(String)
        case number(Double)
        case string(String)
        /// A template literal: cooked text pieces around `${…}` expressions, each expression
        /// already tokenized (its token list ends with `.eof`).
        case template(quasis: [String], expressions: [[JSToken]])
        case regex(String)
        case punctuator(String)
        /// A `#name` private class member name (kept so simple classes still tokenize).
        case privateName(String)
        case eof
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// A line break sits between the previous token and this one (automatic semicolon insertion).
    var newlineBefore: Bool

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    func isPunctuator(_ p: String) -> Bool {
        if case .punctuator(let q) = kind { return p == q }
        return false
    }

    func isIdentifier(_ name: String) -> Bool { identifier == name }

    var isEOF: Bool {
        if case .eof = kind { return true }
        return false
    }

    /// How a message names the token: `'}'`, `identifier 'b'`, `end of code`.
    var description: String {
        switch kind {
        case .identifier(let n): return "'\(n)'"
        case .number(let d): return "number \(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d))"
        case .string: return "a string"
        case .template: return "a template literal"
        case .regex: return "a regular expression"
        case .punctuator(let p): return "'\(p)'"
        case .privateName(let n): return "'#\(n)'"
        case .eof: return "the end of the code"
        }
    }
}
