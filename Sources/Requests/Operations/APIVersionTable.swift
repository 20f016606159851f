/// A request feature that arrived in a later api-version than its operation.
public enum APIFeature: String, Hashable, Sendable, CaseIterable {
    /// `modalities` / `audio` in chat completions, audio content parts (input_audio).
    case chatAudio = "chat-audio"
    /// `max_completion_tokens` in chat completions.
    case maxCompletionTokens = "max-completion-tokens"
    /// `response_format: {"type": "json_schema", …}`.
    case structuredOutputs = "structured-outputs"
    /// `tools` / `tool_choice` in chat completions (before: `functions` only).
    case chatTools = "chat-tools"
    /// `response_format: {"type": "json_object"}` (JSON mode).
    case jsonMode = "json-mode"
    /// `dimensions` in embeddings (text-embedding-3 models).
    case embeddingsDimensions = "embeddings-dimensions"
    /// `reasoning_effort` and the `developer` role (o-series models).
    case reasoningEffort = "reasoning-effort"
    /// `prediction` (predicted outputs) in chat completions.
    case predictedOutputs = "predicted-outputs"
    /// `store` / `metadata` (stored completions) in chat completions.
    case storedCompletions = "stored-completions"
    /// Assistants v2: `tool_resources`, `file_search`, vector stores.
    case assistantsV2 = "assistants-v2"
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
/// Azure/azure-rest-api-specs, `specification/cognitiveservices/data-plane/AzureOpenAI/inference/`:
/// `stable/<version>` and `preview/<version>`, their `inference.json` paths and `examples/`).
///
/// Where the spec folders leave a doubt, an entry errs towards "has it": the table feeds error
/// findings (`api-version-unsupported`), and a false alarm costs more than a miss. The files
/// operations are listed for every version because `/openai/files` predates the inference specs
/// (it is in the authoring specs since 2022).
///
/// The `/openai/v1/…` URL form takes no dated api-version (or `preview` / `latest`); it is not in
/// this table.
public enum APIVersionTable {
    // Operation groups, each named once so a row reads as the union of what the version has.
    static let legacy: Set<String> = ["completions.create", "embeddings.create"]
    static let chat: Set<String> = ["chat.completions.create"]
    static let whisper: Set<String> = ["audio.transcriptions.create", "audio.translations.create"]
    static let images: Set<String> = ["images.generate"]
    static let speech: Set<String> = ["audio.speech.create"]
    static let files: Set<String> = ["files.create", "files.list", "files.delete"]
    static let assistants: Set<String> = [
        "assistants.create", "assistants.list", "assistants.retrieve", "assistants.update", "assistants.delete",
        "threads.create", "threads.retrieve", "threads.delete", "threads.runs.createThreadAndRun",
        "threads.messages.create", "threads.messages.list",
        "threads.runs.create", "threads.runs.list", "threads.runs.retrieve", "threads.runs.cancel",
        "threads.runs.submitToolOutputs",
    ]

    static let toolsEra: Set<APIFeature> = [.chatTools, .jsonMode, .embeddingsDimensions]
    static let structuredEra: Set<APIFeature> = toolsEra.union([.structuredOutputs])
    static let reasoningEra: Set<APIFeature> = structuredEra.union([.maxCompletionTokens])
    static let o1Era: Set<APIFeature> = reasoningEra.union([.reasoningEffort, .storedCompletions])
    static let audioEra: Set<APIFeature> = o1Era.union([.chatAudio, .predictedOutputs])

    static func row(_ version: String, _ operations: Set<String>..., features: Set<APIFeature> = []) -> APIVersionInfo {
        APIVersionInfo(
            version: version, isPreview: version.hasSuffix("-preview"),
            operations: operations.reduce(into: Set<String>()) { $0.formUnion($1) }, features: features)
    }

    /// Every published version, oldest first (by date; a GA and a preview of one date never share
    /// a date here).
    public static let versions: [APIVersionInfo] = [
        row("2022-03-01-preview", legacy, files),
        row("2022-06-01-preview", legacy, files),
        row("2022-12-01", legacy, files),
        row("2023-03-15-preview", legacy, chat, files),
        row("2023-05-15", legacy, chat, files),
        // 2023-06 … 2023-08 generate images only through the asynchronous DALL-E 2
        // `images/generations:submit` form, which is not the `images.generate` operation.
        row("2023-06-01-preview", legacy, chat, files),
        row("2023-07-01-preview", legacy, chat, files),
        row("2023-08-01-preview", legacy, chat, files),
        row("2023-09-01-preview", legacy, chat, whisper, files),
        row("2023-10-01-preview", legacy, chat, whisper, files),
        row("2023-12-01-preview", legacy, chat, whisper, images, files, features: toolsEra),
        row("2024-02-01", legacy, chat, whisper, images, files, features: toolsEra),
        row("2024-02-15-preview", legacy, chat, whisper, images, speech, files, assistants, features: toolsEra),
        row("2024-03-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: toolsEra),
        row("2024-04-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: toolsEra),
        row("2024-05-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: toolsEra.union([.assistantsV2])),
        row("2024-06-01", legacy, chat, whisper, images, files, features: toolsEra),
        row("2024-07-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: toolsEra.union([.assistantsV2])),
        row("2024-08-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: structuredEra.union([.assistantsV2])),
        row("2024-09-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: reasoningEra.union([.assistantsV2])),
        row("2024-10-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: reasoningEra.union([.assistantsV2])),
        // The GA specs' paths stop at images/generations: text to speech is preview-only.
        row("2024-10-21", legacy, chat, whisper, images, files, features: reasoningEra),
        row("2024-12-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: o1Era.union([.assistantsV2])),
        row("2025-01-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: audioEra.union([.assistantsV2])),
        row("2025-02-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: audioEra.union([.assistantsV2])),
        row("2025-03-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: audioEra.union([.assistantsV2])),
        row("2025-04-01-preview", legacy, chat, whisper, images, speech, files, assistants, features: audioEra.union([.assistantsV2])),
    ]

    /// The version's entry; nil for a version that was never published.
    public static func info(_ version: String) -> APIVersionInfo? {
        versions.first { $0.version == version }
    }

    /// True when `version` is published and serves `operation`.
    public static func supports(version: String, operation: String) -> Bool {
        info(version)?.operations.contains(operation) ?? false
    }

    /// True when `version` is published and accepts `feature`.
    public static func supports(version: String, feature: APIFeature) -> Bool {
        info(version)?.features.contains(feature) ?? false
    }

    /// The published versions that serve `operation`, oldest first.
    public static func versions(serving operation: String) -> [String] {
        versions.filter { $0.operations.contains(operation) }.map(\.version)
    }

    /// The newest published version's date (`yyyy-mm-dd`).
    public static var newestDate: String {
        versions.map { String($0.version.prefix(10)) }.max() ?? ""
    }

    /// True when `version` is well formed (`yyyy-mm-dd` or `yyyy-mm-dd-preview`) and its date is
    /// later than the newest entry: the docs may be newer than this table, so such a version is
    /// not known to be wrong.
    public static func isNewerThanKnown(_ version: String) -> Bool {
        guard let date = wellFormedDate(version), info(version) == nil else { return false }
        return date > newestDate
    }

    /// The `yyyy-mm-dd` part of a version shaped like an Azure api-version, nil otherwise.
    public static func wellFormedDate(_ version: String) -> String? {
        var rest = Substring(version)
        if rest.hasSuffix("-preview") { rest = rest.dropLast("-preview".count) }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return String(rest)
    }
}

extension APIOperation {
    /// The dated api-versions that serve this operation, oldest first (the `/openai/v1/` form
    /// takes none).
    public var apiVersions: [String] { APIVersionTable.versions(serving: id) }
}
