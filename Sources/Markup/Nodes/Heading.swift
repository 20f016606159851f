/// An ATX or setext heading.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var inlines: [Inline]
    public var span: SourceSpan

    public init(level: Int, inlines: [Inline], span: SourceSpan) {
        self.level = level
        self.inlines = inlines
        self.span = span
    }

    public var plainText: String { inlines.plainText }
}
