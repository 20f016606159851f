import Core

/// What a tab heading's link says: `#tab/id`, `#tab/a+b` (one tab, two ids), `#tab/id/condition`.
public struct TabLink: Hashable, Sendable {
    public var ids: [String]
    /// For a dependent tab, the id of the other group's tab it is shown with.
    public var condition: String?
    /// The heading text (`Microsoft Entra ID`).
    public var label: String

    public init(ids: [String], condition: String?, label: String) {
        self.ids = ids
        self.condition = condition
        self.label = label
    }

    /// The tab id as written (`a+b` for a tab serving two ids).
    public var id: String { ids.joined(separator: "+") }

    /// Parses a link destination `#tab/…`; nil when it is not a tab link.
    public static func parse(destination: String, label: String) -> TabLink? {
        guard destination.hasPrefix("#tab/") else { return nil }
        let parts = destination.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let ids = parts[0].split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard !ids.isEmpty, ids.allSatisfy(isTabID) else { return nil }
        var condition: String?
        if parts.count == 2 {
            if !parts[1].isEmpty {
                guard isTabID(parts[1]) else { return nil }
                condition = String(parts[1])
            }
        }
        return TabLink(ids: ids, condition: condition, label: label)
    }

    static func isTabID<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}

/// Consecutive tab headings and their content, up to a thematic break or the container's end.
public struct TabGroup: Sendable {
    /// The level of the first tab heading.
    public var level: Int
    public var tabs: [Tab]
    public var location: SourceLocation
    /// True when a thematic break (`---`) ends the group; false when it runs to its container's end.
    public var isClosed: Bool

    public init(level: Int, tabs: [Tab], location: SourceLocation, isClosed: Bool = true) {
        self.level = level
        self.tabs = tabs
        self.location = location
        self.isClosed = isClosed
    }
}

/// One tab of a group: its heading link and the blocks shown under it.
public struct Tab: Sendable {
    public var link: TabLink
    public var blocks: [DocBlock]
    /// The tab heading.
    public var location: SourceLocation

    public init(link: TabLink, blocks: [DocBlock], location: SourceLocation) {
        self.link = link
        self.blocks = blocks
        self.location = location
    }
}
