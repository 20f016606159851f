/// A parsed Markdown file: its blocks, its raw lines and its front matter text.
public struct MarkupDocument: Hashable, Sendable {
    public var blocks: [BlockNode]
    /// The file's lines (index 0 is line 1), front matter included, without line breaks.
    public var lines: [String]
    public var frontMatter: FrontMatterSplit

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
