import Core

/// One code sample: a fenced block, an indented code block, or code pulled in by `:::code` /
/// `[!code-…]`. Knows where its text sits in the Markdown so findings inside the code can point at
/// the exact Markdown line and column.
public struct CodeSample: Hashable, Sendable {
    /// Unique within a `QuickstartDocument`, in document order (a sample reached through two pivots
    /// is two samples).
    public var id: Int
    public var language: CodeLanguage
    /// The fence's info string as written (`python`, `javascript `, `json`).
    public var infoString: String
    /// The code, indentation of the enclosing list item stripped, ending with a newline.
    public var code: String
    /// The opening fence (or directive) line.
    public var location: SourceLocation
    /// Line of the code's first line: in the Markdown (the line after the fence) for fenced code; in
    /// `sourceFile` for code pulled in by `:::code` / `[!code-…]`, so that `markdownLocation` maps into
    /// that file.
    public var codeStartLine: Int
    /// 1-based Markdown column where code column 1 sits (the fence's indentation + 1).
    public var codeStartColumn: Int
    /// File the code pulled in by `:::code` came from, when it did; code lines then map to that file.
    public var sourceFile: String?
    /// The file the step says to create (`to-audio.py`, `tsconfig.json`), if the step names one.
    public var fileName: String?
    /// The text of the step (list item paragraph) that introduces the sample, if any.
    public var stepText: String?

    public init(
        id: Int, language: CodeLanguage, infoString: String, code: String, location: SourceLocation,
        codeStartLine: Int, codeStartColumn: Int, sourceFile: String? = nil, fileName: String? = nil,
        stepText: String? = nil
    ) {
        self.id = id
        self.language = language
        self.infoString = infoString
        self.code = code
        self.location = location
        self.codeStartLine = codeStartLine
        self.codeStartColumn = codeStartColumn
        self.sourceFile = sourceFile
        self.fileName = fileName
        self.stepText = stepText
    }

    /// Maps a 1-based (line, column) inside `code` to the Markdown (or pulled source) location.
    public func markdownLocation(codeLine: Int, codeColumn: Int = 1) -> SourceLocation {
        if let sourceFile {
            return SourceLocation(file: sourceFile, line: codeStartLine + codeLine - 1, column: codeColumn)
        }
        return SourceLocation(
            file: location.file, line: codeStartLine + codeLine - 1, column: codeStartColumn + codeColumn - 1)
    }
}
