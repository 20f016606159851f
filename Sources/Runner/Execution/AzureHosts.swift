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
