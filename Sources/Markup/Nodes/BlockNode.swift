/// A block of a Markdown document, as cmark parsed it.
public indirect enum BlockNode: Hashable, Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case codeBlock(CodeBlock)
    case htmlBlock(HTMLBlock)
    case list(ListBlock)
    case blockQuote(BlockQuote)
    case thematicBreak(ThematicBreak)

    /// Where the block sits in its file.
    public var span: SourceSpan {
        switch self {
        case .heading(let b): b.span
        case .paragraph(let b): b.span
        case .codeBlock(let b): b.span
        case .htmlBlock(let b): b.span
        case .list(let b): b.span
        case .blockQuote(let b): b.span
        case .thematicBreak(let b): b.span
        }
    }
}
