/// Values a page tells the reader to replace with their own (`YOUR_RESOURCE_NAME`, `<your-endpoint>`,
/// `YOUR-DEPLOYMENT-NAME-HERE`, `REPLACE_WITH_YOUR_KEY_VALUE_HERE`): `run` puts its endpoint,
/// deployment and credential in their place. One table of markers, matched case-insensitively.
enum ReaderValues {
    /// Lowercased fragments that only occur in a value the reader is told to replace.
    static let markers = [
        "your_", "your-", "your ", "<your", "{your", "[your", "yourresource", "yourendpoint", "yourapikey",
        "yourkey", "yourdeployment", "replace_with", "replace-with", "replace with", "insert_your", "insert-your",
        "xxxxxxxx",
    ]

    /// True when `text` is (or contains) a value the reader must replace; an `<angle-bracketed>` name
    /// counts too.
    static func isReaderValue(_ text: String) -> Bool {
        let lower = text.lowercased()
        if markers.contains(where: lower.contains) { return true }
        if let open = lower.firstIndex(of: "<"), let close = lower[open...].firstIndex(of: ">"), lower.index(after: open) < close {
            return true
        }
        return false
    }
}

/// Host names of Azure OpenAI resources: a literal endpoint on one of these is the reader's own
/// resource, so `run` sends to its endpoint instead (and never resolves a made-up name over DNS).
enum AzureHosts {
    static let suffixes = [
        ".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com", ".openai.azure.us",
        ".cognitiveservices.azure.us", ".openai.azure.cn", ".cognitiveservices.azure.cn",
    ]

    static func isResourceHost(_ host: String) -> Bool {
        let lower = host.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}
