/// A Python syntax error at a position inside the code sample (1-based code line and column).
struct PythonSyntaxError: Error, Hashable, Sendable {
    var line: Int
    var column: Int
    var message: String
    /// For a missing comma: the token index before which inserting `,` repairs the code, so
    /// extraction can go on past the error (the finding is still reported).
    var insertCommaBeforeToken: Int? = nil
    /// docverify's own nesting bound that stopped the reading (not Python's grammar): reported as
    /// `input-too-deep`, not `python-syntax`.
    var tooDeepBound: Int? = nil
}

/// One piece of a string literal after escapes are processed: text, or an f-string `{expr}` hole.
enum PythonStringPiece: Hashable, Sendable {
    case text(String)
    /// The expression's source and where it starts in the code (an f-string replacement field).
    case expression(source: String, line: Int, column: Int)
}

/// A string literal token's decoded content.
struct PythonStringLiteral: Hashable, Sendable {
    var pieces: [PythonStringPiece]
    var isBytes: Bool
    var isFormatted: Bool
}

enum PythonTokenKind: Hashable, Sendable {
    case name
    case number
    case string
    case op
    case newline
    case indent
    case dedent
    case endMarker
    /// The tokenizer stopped here; the parser reports `error` when it reaches this token, so errors
    /// come out in source order as CPython's lazy tokenizer reports them.
    case error
}

struct PythonToken: Hashable, Sendable {
    var kind: PythonTokenKind
    var text: String
    var line: Int
    var column: Int
    /// Offsets into the tokenizer's scalar array, for slicing source text of expressions.
    var start: Int
    var end: Int
    var string: PythonStringLiteral? = nil
    var error: PythonSyntaxError? = nil

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .name && text == s }
}

/// Reserved words: a `name` token with one of these texts is not an identifier.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]
