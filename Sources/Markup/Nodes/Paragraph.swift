/// A paragraph. Besides cmark's inlines it keeps its raw source lines, because DocFX directives
/// (`::: zone`, `[!INCLUDE …]`, `:::image`) and pipe tables are plain paragraph text to cmark.
public struct Paragraph: Hashable, Sendable {
    public var inlines: [Inline]
    public var lines: [SourceLine]
    public var span: SourceSpan

    public init(inlines: [Inline], lines: [SourceLine], span: SourceSpan) {
        self.inlines = inlines
        self.lines = lines
        self.span = span
    }

    public var plainText: String { inlines.plainText }
}
