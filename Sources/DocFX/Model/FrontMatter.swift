import Foundation
import Core

/// An article's YAML front matter: every key as text, the keys docverify reads typed.
public struct FrontMatter: Sendable, Hashable {
    /// Every top-level key; sequences joined with ", ", nested mappings as YAML text.
    public var values: [String: String]
    /// File line of each key.
    public var keyLines: [String: Int]

    public init(values: [String: String] = [:], keyLines: [String: Int] = [:]) {
        self.values = values
        self.keyLines = keyLines
    }

    public var title: String? { values["title"] }
    /// `ms.topic` (`quickstart`, `how-to`, `include`…).
    public var topic: String? { values["ms.topic"] }
    /// `ms.date` as written (`1/21/2025`).
    public var date: String? { values["ms.date"] }
    /// The pivot group ids of `zone_pivot_groups` (comma-separated in the YAML).
    public var zonePivotGroups: [String] {
        (values["zone_pivot_groups"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
