/// The `openai` 0.28 module API (`openai.ChatCompletion.create(engine=…)`) and the URL each call
/// builds for `api_type` "azure" / "azure_ad" (facts from that SDK's `api_resources`: engine
/// resources use `/openai/deployments/{engine}/…`, audio uses `deployment_id`, images use the
/// DALL-E 2 `generations:submit` call, every URL carries `api-version`).
enum LegacyOpenAI {
    struct Operation: Hashable, Sendable {
        /// Path after `/openai/deployments/{deployment}` (or after `/openai` when not deployment-scoped).
        var path: String
        var deploymentScoped: Bool
        var multipart: Bool
        /// The path on the OpenAI service itself (`api_type` "open_ai").
        var openAIPath: String
    }

    static let operations: [String: Operation] = [
        "ChatCompletion.create": Operation(path: "/chat/completions", deploymentScoped: true, multipart: false, openAIPath: "/chat/completions"),
        "Completion.create": Operation(path: "/completions", deploymentScoped: true, multipart: false, openAIPath: "/completions"),
        "Embedding.create": Operation(path: "/embeddings", deploymentScoped: true, multipart: false, openAIPath: "/embeddings"),
        "Image.create": Operation(path: "/images/generations:submit", deploymentScoped: false, multipart: false, openAIPath: "/images/generations"),
        "Audio.transcribe": Operation(path: "/audio/transcriptions", deploymentScoped: true, multipart: true, openAIPath: "/audio/transcriptions"),
        "Audio.translate": Operation(path: "/audio/translations", deploymentScoped: true, multipart: true, openAIPath: "/audio/translations"),
    ]

    /// The operation a qualified call names (`openai.ChatCompletion.create`, `…acreate`).
    static func operation(_ qualified: String) -> Operation? {
        guard qualified.hasPrefix("openai.") else { return nil }
        var key = String(qualified.dropFirst(7))
        if key.hasSuffix(".acreate") { key = String(key.dropLast(8)) + ".create" }
        if key.hasSuffix(".atranscribe") { key = String(key.dropLast(12)) + ".transcribe" }
        if key.hasSuffix(".atranslate") { key = String(key.dropLast(11)) + ".translate" }
        return operations[key]
    }

    /// Keyword arguments that configure the call rather than travel in its body.
    static let settingArguments: Set<String> = [
        "engine", "deployment_id", "api_key", "api_base", "api_type", "api_version", "organization",
        "request_timeout", "request_id", "headers", "timeout",
    ]
}
