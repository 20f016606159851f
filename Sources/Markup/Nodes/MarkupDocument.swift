/// A parsed Markdown file: its blocks, its raw lines and its front matter text.
public struct MarkupDocument: Hashable, Sendable {
    public var blocks: [BlockNode]
    /// The file's lines (index 0 is line 1), front matter included, without line breaks. A line
    /// inside a fenced code block (not a fence) longer than ``longCodeLineKept`` bytes holds only
    /// its first ``longCodeLineKept`` bytes: the block's literal has it whole.
    public var lines: [String]
    public var frontMatter: FrontMatterSplit
    /// The line of the first node nested too deeply to convert (hostile nesting); nil normally.
    /// Content below that depth is left out of `blocks`.
    public var tooDeepAtLine: Int?

    public init(blocks: [BlockNode], lines: [String], frontMatter: FrontMatterSplit) {
        self.blocks = blocks
        self.lines = lines
        self.frontMatter = frontMatter
    }

    /// Parses Markdown text (CommonMark, through libcmark, with source positions).
    public init(parsing text: String) {
        self = MarkupParser.parse(text)
    }
}

extension MarkupDocument {
    /// The raw file lines a span covers (any block's source), with their numbers.
    public func sourceLines(_ span: SourceSpan) -> [SourceLine] {
        guard span.startLine >= 1, span.endLine >= span.startLine, span.startLine <= lines.count else { return [] }
        return (span.startLine...min(span.endLine, lines.count)).map { SourceLine(number: $0, text: lines[$0 - 1], column: 1) }
    }
}

extension MarkupDocument {
    /// Containers and inline spans nested deeper than this are not converted (see ``tooDeepAtLine``).
    public static var maxNesting: Int { 64 }

    /// How much of a long line inside a fenced code block ``lines`` keeps (bytes).
    public static var longCodeLineKept: Int { 65_536 }
}
