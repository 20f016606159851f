import Core

/// A DocFX alert: `> [!NOTE]` alone on the first line of a block quote.
public struct Alert: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case note = "NOTE", tip = "TIP", important = "IMPORTANT", caution = "CAUTION", warning = "WARNING"
    }

    public var kind: Kind
    public var blocks: [DocBlock]
    public var location: SourceLocation

    public init(kind: Kind, blocks: [DocBlock], location: SourceLocation) {
        self.kind = kind
        self.blocks = blocks
        self.location = location
    }
}
