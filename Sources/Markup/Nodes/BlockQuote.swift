/// A `>` block quote, a container of blocks.
public struct BlockQuote: Hashable, Sendable {
    public var children: [BlockNode]
    public var span: SourceSpan

    public init(children: [BlockNode], span: SourceSpan) {
        self.children = children
        self.span = span
    }
}
