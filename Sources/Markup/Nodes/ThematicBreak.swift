/// A thematic break (`---`, `***`, `- - -`); DocFX ends a tab group at one.
public struct ThematicBreak: Hashable, Sendable {
    public var span: SourceSpan

    public init(span: SourceSpan) { self.span = span }
}
