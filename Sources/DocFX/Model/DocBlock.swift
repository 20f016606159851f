import Foundation
import Core
import Markup

/// A block of a DocFX article after includes, zones, tabs, alerts and directives are resolved.
/// Every block keeps the file and line it was written in, also when it came through an include.
public indirect enum DocBlock: Sendable {
    case heading(DocHeading)
    case paragraph(DocParagraph)
    case code(DocCodeBlock)
    case html(literal: String, location: SourceLocation)
    case list(DocList)
    case blockQuote(DocBlockQuote)
    case alert(Alert)
    case thematicBreak(SourceLocation)
    case table(PipeTable)
    case image(ImageDirective)
    case codeDirective(CodeDirective)
    case zone(Zone)
    case tabGroup(TabGroup)

    public var location: SourceLocation {
        switch self {
        case .heading(let b): b.location
        case .paragraph(let b): b.location
        case .code(let b): b.location
        case .html(_, let location): location
        case .list(let b): b.location
        case .blockQuote(let b): b.location
        case .alert(let b): b.location
        case .thematicBreak(let location): location
        case .table(let b): b.location
        case .image(let b): b.location
        case .codeDirective(let b): b.location
        case .zone(let b): b.location
        case .tabGroup(let b): b.location
        }
    }
}

/// A heading; `tab` is set when it is a DocFX tab heading (`## [Label](#tab/id)`).
public struct DocHeading: Sendable {
    public var level: Int
    public var inlines: [Inline]
    public var location: SourceLocation
    public var tab: TabLink?

    public init(level: Int, inlines: [Inline], location: SourceLocation, tab: TabLink? = nil) {
        self.level = level
        self.inlines = inlines
        self.location = location
        self.tab = tab
    }

    /// Read for every paragraph and heading: trimmed without Foundation when the ends are ASCII.
    public var text: String { ASCIIScan.trimmingWhitespace(inlines.plainText) }
}

/// A paragraph (or a piece of one, when directive lines split it) with its raw lines.
public struct DocParagraph: Sendable {
    public var inlines: [Inline]
    public var lines: [SourceLine]
    public var location: SourceLocation

    public init(inlines: [Inline], lines: [SourceLine], location: SourceLocation) {
        self.inlines = inlines
        self.lines = lines
        self.location = location
    }

    /// Read for every paragraph and heading: trimmed without Foundation when the ends are ASCII.
    public var text: String { ASCIIScan.trimmingWhitespace(inlines.plainText) }
}

/// A fenced or indented code block in a file.
public struct DocCodeBlock: Sendable {
    public var block: CodeBlock
    /// The fence line (file relative to the root).
    public var location: SourceLocation

    public init(block: CodeBlock, location: SourceLocation) {
        self.block = block
        self.location = location
    }
}

/// A list; each item is a container.
public struct DocList: Sendable {
    public var isOrdered: Bool
    public var items: [DocListItem]
    public var location: SourceLocation

    public init(isOrdered: Bool, items: [DocListItem], location: SourceLocation) {
        self.isOrdered = isOrdered
        self.items = items
        self.location = location
    }
}

public struct DocListItem: Sendable {
    public var blocks: [DocBlock]
    public var location: SourceLocation

    public init(blocks: [DocBlock], location: SourceLocation) {
        self.blocks = blocks
        self.location = location
    }

    /// The item's first paragraph: the step text of a numbered step.
    public var leadParagraph: DocParagraph? {
        for block in blocks {
            if case .paragraph(let p) = block { return p }
            if case .table = block { continue }
            return nil
        }
        return nil
    }
}

/// A plain block quote (also an alert written the invalid way, `> [!NOTE] text`).
public struct DocBlockQuote: Sendable {
    public var blocks: [DocBlock]
    public var location: SourceLocation

    public init(blocks: [DocBlock], location: SourceLocation) {
        self.blocks = blocks
        self.location = location
    }
}
