/// Inline content of a paragraph or heading. Inline nodes carry no positions of their own
/// (softbreaks have none in cmark); their block's lines locate them.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, children: [Inline])
    case image(source: String, title: String, children: [Inline])
    case html(String)
    case softBreak
    case lineBreak

    /// The text a reader sees: markup removed, code spans kept as their text, breaks as spaces.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let c), .strong(let c): c.plainText
        case .link(_, _, let c), .image(_, _, let c): c.plainText
        case .html: ""
        case .softBreak, .lineBreak: " "
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines.
    public var plainText: String { map(\.plainText).joined() }

    /// Every code span's text, in reading order (also inside emphasis and links).
    public var codeSpans: [String] {
        flatMap { inline -> [String] in
            switch inline {
            case .code(let s): [s]
            case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): c.codeSpans
            default: []
            }
        }
    }
}
