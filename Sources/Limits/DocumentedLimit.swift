import Core

/// The value a page states for a limit.
public enum LimitValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case bytes(Int, written: String)
    case names([String])
    case version(String)
    case count(Int)

    public var description: String {
        switch self {
        case .bytes(_, let written): written
        case .names(let names): names.joined(separator: ", ")
        case .version(let v): v
        case .count(let n): String(n)
        }
    }

    /// Equal as limits: sizes by bytes, names case-insensitively and in any order.
    public func sameLimit(as other: LimitValue) -> Bool {
        switch (self, other) {
        case (.bytes(let a, _), .bytes(let b, _)): a == b
        case (.names(let a), .names(let b)): Set(a.map { $0.lowercased() }) == Set(b.map { $0.lowercased() })
        default: self == other
        }
    }
}

/// One limit statement found in the docs, where it was written.
public struct DocumentedLimit: Hashable, Sendable {
    public var key: String
    public var value: LimitValue
    public var location: SourceLocation
    /// The article the statement was read for (it may sit in an include).
    public var article: String
    /// The table or list the statement is one entry of (its first line), nil in running text.
    /// Entries of one table or list state the limit for different models side by side, so they
    /// never conflict with each other.
    public var group: SourceLocation?
    /// What the statement is about when the text names it in code just before the phrase
    /// (`` `gpt-4o` version: `2024-08-06` ``): statements about different subjects never conflict.
    public var subject: String?

    public init(key: String, value: LimitValue, location: SourceLocation, article: String, group: SourceLocation? = nil, subject: String? = nil) {
        self.key = key
        self.value = value
        self.location = location
        self.article = article
        self.group = group
        self.subject = subject
    }
}
