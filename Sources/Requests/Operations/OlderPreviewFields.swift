/// Body fields that older preview api-versions took and the current models no longer name, by
/// operation: one table. A request that sends one with such a preview is not judged an error.
public enum OlderPreviewFields {
    /// Operation id → field → the last preview date (`yyyy-mm-dd`) that took it.
    static let table: [String: [String: String]] = [
        // On Your Data before `data_sources`: `dataSources` on chat completions and on the
        // `/extensions/chat/completions` endpoint of the 2023 previews.
        "chat.completions.create": ["dataSources": "2023-12-01"],
    ]

    /// The last preview date that took `field` on `operation`, nil when none did.
    public static func acceptedUpTo(_ field: String, operation: String) -> String? {
        table[operation]?[field]
    }
}
