/// A fenced or indented code block.
public struct CodeBlock: Hashable, Sendable {
    /// The info string after the opening fence (empty for indented code).
    public var infoString: String
    /// The code with the container's and the fence's indentation removed, ending with a newline.
    public var literal: String
    /// True for a fenced block (```` ``` ```` or `~~~`), false for an indented one.
    public var isFenced: Bool
    /// The opening fence line (for indented code: the first code line).
    public var fenceLine: Int
    /// 1-based column of the fence (for indented code: of the first code character).
    public var column: Int
    /// File line of the code's first line.
    public var codeStartLine: Int
    public var span: SourceSpan

    public init(infoString: String, literal: String, isFenced: Bool, fenceLine: Int, column: Int, codeStartLine: Int, span: SourceSpan) {
        self.infoString = infoString
        self.literal = literal
        self.isFenced = isFenced
        self.fenceLine = fenceLine
        self.column = column
        self.codeStartLine = codeStartLine
        self.span = span
    }
}
