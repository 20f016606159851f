/// A span of a Markdown file: 1-based lines and columns, inclusive, as cmark reports them
/// (lines are those of the whole file, front matter included).
public struct SourceSpan: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// One raw line of a block, with the container prefixes (list indentation, `>` markers) removed.
public struct SourceLine: Hashable, Sendable {
    /// 1-based line in the file.
    public var number: Int
    /// The line's text inside its container, without the line break.
    public var text: String
    /// 1-based column of the first character of `text` in the file's line.
    public var column: Int

    public init(number: Int, text: String, column: Int) {
        self.number = number
        self.text = text
        self.column = column
    }
}
