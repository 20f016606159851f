/// A bullet or ordered list.
public struct ListBlock: Hashable, Sendable {
    public var isOrdered: Bool
    /// The first number of an ordered list.
    public var start: Int
    public var items: [ListItem]
    public var span: SourceSpan

    public init(isOrdered: Bool, start: Int, items: [ListItem], span: SourceSpan) {
        self.isOrdered = isOrdered
        self.start = start
        self.items = items
        self.span = span
    }
}
