/// A place in a Markdown source file: the file relative to the docs root, a 1-based line and column.
///
/// Every element docverify reports on keeps the file and line it was written in, also when it
/// reached the article through an include.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Path relative to the docs root, with `/` separators.
    public var file: String
    /// 1-based line in `file`.
    public var line: Int
    /// 1-based column in `line` (1 when the element starts the line or the column is unknown).
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file, `delta` lines further down.
    public func offset(lines delta: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line + delta, column: column ?? self.column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// An inclusive range of lines in one file.
public struct SourceRange: Hashable, Sendable, Codable {
    public var file: String
    public var startLine: Int
    public var endLine: Int

    public init(file: String, startLine: Int, endLine: Int) {
        self.file = file
        self.startLine = startLine
        self.endLine = max(startLine, endLine)
    }

    public var start: SourceLocation { SourceLocation(file: file, line: startLine) }
}
