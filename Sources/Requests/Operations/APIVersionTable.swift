/// A request feature that arrived in a later api-version than its operation.
public enum APIFeature: String, Hashable, Sendable, CaseIterable {
    /// `modalities` / `audio` in chat completions, audio content parts (input_audio).
    case chatAudio = "chat-audio"
    /// `max_completion_tokens` in chat completions.
    case maxCompletionTokens = "max-completion-tokens"
    /// `response_format: {"type": "json_schema", …}`.
    case structuredOutputs = "structured-outputs"
}

/// What one published Azure OpenAI data-plane api-version has.
public struct APIVersionInfo: Hashable, Sendable {
    /// `2024-10-21`, `2025-01-01-preview`.
    public var version: String
    public var isPreview: Bool
    /// Operation ids (``APIOperation/id``) this version serves.
    public var operations: Set<String>
    /// Request features this version accepts.
    public var features: Set<APIFeature>

    public init(version: String, isPreview: Bool, operations: Set<String>, features: Set<APIFeature>) {
        self.version = version
        self.isPreview = isPreview
        self.operations = operations
        self.features = features
    }
}

/// The published data-plane api-versions, in one table (facts from the version folders of
/// Azure/azure-rest-api-specs, `specification/cognitiveservices/data-plane/AzureOpenAI/`).
///
/// The `/openai/v1/…` URL form takes no dated api-version (or `preview` / `latest`); it is not in
/// this table.
public enum APIVersionTable {
    /// Every published version, oldest first. (Filled in by the api-versions work; see issue 7.)
    public static let versions: [APIVersionInfo] = []

    /// The version's entry; nil for a version that was never published.
    public static func info(_ version: String) -> APIVersionInfo? {
        versions.first { $0.version == version }
    }

    /// True when `version` is published and serves `operation`.
    public static func supports(version: String, operation: String) -> Bool {
        info(version)?.operations.contains(operation) ?? false
    }
}
