import Foundation
import Core

/// A `::: zone pivot="a,b" target="docs"` … `::: zone-end` region.
public struct Zone: Sendable {
    /// Pivot ids the zone is shown for; empty when the zone has only a target.
    public var pivots: [String]
    /// `docs`, `chromeless` or `pdf`, when given.
    public var target: String?
    public var blocks: [DocBlock]
    /// The `::: zone` line.
    public var location: SourceLocation
    /// The `::: zone-end` line; nil for an unclosed zone (DocFX runs it to the end of the file).
    public var endLocation: SourceLocation?

    public init(pivots: [String], target: String?, blocks: [DocBlock], location: SourceLocation, endLocation: SourceLocation?) {
        self.pivots = pivots
        self.target = target
        self.blocks = blocks
        self.location = location
        self.endLocation = endLocation
    }

    /// Whether a reader of the web page with `pivot` selected sees the zone.
    public func isVisible(pivot: String?) -> Bool {
        if let target, !target.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "docs" }) {
            return false
        }
        if pivots.isEmpty { return true }
        guard let pivot else { return false }
        return pivots.contains(pivot)
    }
}
