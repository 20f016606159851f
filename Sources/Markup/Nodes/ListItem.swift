/// One item of a list, a container of blocks.
public struct ListItem: Hashable, Sendable {
    public var children: [BlockNode]
    public var span: SourceSpan

    public init(children: [BlockNode], span: SourceSpan) {
        self.children = children
        self.span = span
    }
}
