/// A raw HTML block (including `<!-- comments -->`). The end line is computed from the literal
/// because cmark 0.30 reports it wrong.
public struct HTMLBlock: Hashable, Sendable {
    public var literal: String
    public var span: SourceSpan

    public init(literal: String, span: SourceSpan) {
        self.literal = literal
        self.span = span
    }
}
