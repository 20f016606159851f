import Core

/// The answer to a chat completion (schema `createChatCompletionResponse`). Decoding is lenient about
/// extra fields (services add fields over time); required fields are non-optional.
public struct ChatCompletionResponse: Hashable, Sendable, Codable {
    public var id: String
    /// Always `chat.completion`.
    public var object: String
    /// Unix time in seconds.
    public var created: Int
    public var model: String
    public var choices: [ChatChoice]
    public var usage: CompletionUsage?
    public var systemFingerprint: String?
    public var promptFilterResults: [PromptFilterResult]?

    public init(
        id: String, object: String = "chat.completion", created: Int, model: String, choices: [ChatChoice],
        usage: CompletionUsage? = nil, systemFingerprint: String? = nil, promptFilterResults: [PromptFilterResult]? = nil
    ) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
        self.systemFingerprint = systemFingerprint
        self.promptFilterResults = promptFilterResults
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
        case promptFilterResults = "prompt_filter_results"
    }
}

/// One of `choices`.
public struct ChatChoice: Hashable, Sendable, Codable {
    public var index: Int
    public var message: ResponseMessage
    public var finishReason: FinishReason?
    /// Required by the spec but null unless `logprobs` was requested; always encoded.
    public var logprobs: ChoiceLogprobs?
    public var contentFilterResults: ContentFilterResults?

    public init(
        index: Int, message: ResponseMessage, finishReason: FinishReason?, logprobs: ChoiceLogprobs? = nil,
        contentFilterResults: ContentFilterResults? = nil
    ) {
        self.index = index
        self.message = message
        self.finishReason = finishReason
        self.logprobs = logprobs
        self.contentFilterResults = contentFilterResults
    }

    enum CodingKeys: String, CodingKey {
        case index, message, logprobs
        case finishReason = "finish_reason"
        case contentFilterResults = "content_filter_results"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(message, forKey: .message)
        try c.encode(finishReason, forKey: .finishReason)
        try c.encode(logprobs, forKey: .logprobs)
        try c.encodeIfPresent(contentFilterResults, forKey: .contentFilterResults)
    }
}

/// The assistant's answer (`chatCompletionResponseMessage`).
public struct ResponseMessage: Hashable, Sendable, Codable {
    /// Always `assistant`.
    public var role: String
    /// Required but null when the answer is audio or tool calls; always encoded.
    public var content: String?
    /// Required but null unless the model refused; always encoded.
    public var refusal: String?
    public var toolCalls: [ToolCall]?
    public var functionCall: FunctionCall?
    public var audio: ResponseAudio?
    /// Azure "On Your Data" citations and intent, kept as JSON.
    public var context: JSONValue?

    public init(
        role: String = "assistant", content: String?, refusal: String? = nil, toolCalls: [ToolCall]? = nil,
        functionCall: FunctionCall? = nil, audio: ResponseAudio? = nil, context: JSONValue? = nil
    ) {
        self.role = role
        self.content = content
        self.refusal = refusal
        self.toolCalls = toolCalls
        self.functionCall = functionCall
        self.audio = audio
        self.context = context
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case role, content, refusal, audio, context
        case toolCalls = "tool_calls"
        case functionCall = "function_call"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role)
        try c.encode(content, forKey: .content)
        try c.encode(refusal, forKey: .refusal)
        try c.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try c.encodeIfPresent(functionCall, forKey: .functionCall)
        try c.encodeIfPresent(audio, forKey: .audio)
        try c.encodeIfPresent(context, forKey: .context)
    }
}

/// Generated audio in a response: all four fields are required.
public struct ResponseAudio: Hashable, Sendable, Codable {
    /// Refer to this audio in a later turn's assistant message (`audio: {id}`).
    public var id: String
    /// Unix time in seconds after which `id` no longer resolves.
    public var expiresAt: Int
    /// Base64 audio bytes in the requested format.
    public var data: String
    public var transcript: String

    public init(id: String, expiresAt: Int, data: String, transcript: String) {
        self.id = id
        self.expiresAt = expiresAt
        self.data = data
        self.transcript = transcript
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, data, transcript
        case expiresAt = "expires_at"
    }
}

/// `choices[].logprobs`.
public struct ChoiceLogprobs: Hashable, Sendable, Codable {
    public var content: [TokenLogprob]?
    public var refusal: [TokenLogprob]?

    public init(content: [TokenLogprob]?, refusal: [TokenLogprob]? = nil) {
        self.content = content
        self.refusal = refusal
    }
}

public struct TokenLogprob: Hashable, Sendable, Codable {
    public var token: String
    public var logprob: Double
    public var bytes: [Int]?
    public var topLogprobs: [TopLogprob]

    public init(token: String, logprob: Double, bytes: [Int]?, topLogprobs: [TopLogprob]) {
        self.token = token
        self.logprob = logprob
        self.bytes = bytes
        self.topLogprobs = topLogprobs
    }

    enum CodingKeys: String, CodingKey {
        case token, logprob, bytes
        case topLogprobs = "top_logprobs"
    }
}

public struct TopLogprob: Hashable, Sendable, Codable {
    public var token: String
    public var logprob: Double
    public var bytes: [Int]?

    public init(token: String, logprob: Double, bytes: [Int]?) {
        self.token = token
        self.logprob = logprob
        self.bytes = bytes
    }
}

/// `usage`: token counts.
public struct CompletionUsage: Hashable, Sendable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var promptTokensDetails: PromptTokensDetails?
    public var completionTokensDetails: CompletionTokensDetails?

    public init(
        promptTokens: Int, completionTokens: Int, totalTokens: Int,
        promptTokensDetails: PromptTokensDetails? = nil, completionTokensDetails: CompletionTokensDetails? = nil
    ) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.promptTokensDetails = promptTokensDetails
        self.completionTokensDetails = completionTokensDetails
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
        case promptTokensDetails = "prompt_tokens_details"
        case completionTokensDetails = "completion_tokens_details"
    }
}

public struct PromptTokensDetails: Hashable, Sendable, Codable {
    public var audioTokens: Int?
    public var cachedTokens: Int?

    public init(audioTokens: Int? = nil, cachedTokens: Int? = nil) {
        self.audioTokens = audioTokens
        self.cachedTokens = cachedTokens
    }

    enum CodingKeys: String, CodingKey {
        case audioTokens = "audio_tokens"
        case cachedTokens = "cached_tokens"
    }
}

public struct CompletionTokensDetails: Hashable, Sendable, Codable {
    public var acceptedPredictionTokens: Int?
    public var audioTokens: Int?
    public var reasoningTokens: Int?
    public var rejectedPredictionTokens: Int?

    public init(
        acceptedPredictionTokens: Int? = nil, audioTokens: Int? = nil, reasoningTokens: Int? = nil,
        rejectedPredictionTokens: Int? = nil
    ) {
        self.acceptedPredictionTokens = acceptedPredictionTokens
        self.audioTokens = audioTokens
        self.reasoningTokens = reasoningTokens
        self.rejectedPredictionTokens = rejectedPredictionTokens
    }

    enum CodingKeys: String, CodingKey {
        case acceptedPredictionTokens = "accepted_prediction_tokens"
        case audioTokens = "audio_tokens"
        case reasoningTokens = "reasoning_tokens"
        case rejectedPredictionTokens = "rejected_prediction_tokens"
    }
}

/// `prompt_filter_results[]`: Azure content filtering of the prompt.
public struct PromptFilterResult: Hashable, Sendable, Codable {
    public var promptIndex: Int?
    public var contentFilterResults: ContentFilterResults?

    public init(promptIndex: Int? = nil, contentFilterResults: ContentFilterResults? = nil) {
        self.promptIndex = promptIndex
        self.contentFilterResults = contentFilterResults
    }

    enum CodingKeys: String, CodingKey {
        case promptIndex = "prompt_index"
        case contentFilterResults = "content_filter_results"
    }
}

/// Azure content-filter verdicts, for a prompt or a choice.
public struct ContentFilterResults: Hashable, Sendable, Codable {
    public var sexual: ContentFilterSeverity?
    public var violence: ContentFilterSeverity?
    public var hate: ContentFilterSeverity?
    public var selfHarm: ContentFilterSeverity?
    public var profanity: ContentFilterDetection?
    public var jailbreak: ContentFilterDetection?
    public var indirectAttack: ContentFilterDetection?
    public var protectedMaterialText: ContentFilterDetection?
    /// Also carries a citation; kept as JSON.
    public var protectedMaterialCode: JSONValue?
    public var customBlocklists: JSONValue?
    public var ungroundedMaterial: JSONValue?
    public var error: ErrorBase?

    public init(
        sexual: ContentFilterSeverity? = nil, violence: ContentFilterSeverity? = nil, hate: ContentFilterSeverity? = nil,
        selfHarm: ContentFilterSeverity? = nil, profanity: ContentFilterDetection? = nil,
        jailbreak: ContentFilterDetection? = nil, indirectAttack: ContentFilterDetection? = nil,
        protectedMaterialText: ContentFilterDetection? = nil, protectedMaterialCode: JSONValue? = nil,
        customBlocklists: JSONValue? = nil, ungroundedMaterial: JSONValue? = nil, error: ErrorBase? = nil
    ) {
        self.sexual = sexual
        self.violence = violence
        self.hate = hate
        self.selfHarm = selfHarm
        self.profanity = profanity
        self.jailbreak = jailbreak
        self.indirectAttack = indirectAttack
        self.protectedMaterialText = protectedMaterialText
        self.protectedMaterialCode = protectedMaterialCode
        self.customBlocklists = customBlocklists
        self.ungroundedMaterial = ungroundedMaterial
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case sexual, violence, hate, profanity, jailbreak, error
        case selfHarm = "self_harm"
        case indirectAttack = "indirect_attack"
        case protectedMaterialText = "protected_material_text"
        case protectedMaterialCode = "protected_material_code"
        case customBlocklists = "custom_blocklists"
        case ungroundedMaterial = "ungrounded_material"
    }

    /// Every category filtered = false, severity safe: what a benign prompt gets.
    public static let allSafe = ContentFilterResults(
        sexual: .init(filtered: false, severity: "safe"), violence: .init(filtered: false, severity: "safe"),
        hate: .init(filtered: false, severity: "safe"), selfHarm: .init(filtered: false, severity: "safe"))
}

public struct ContentFilterSeverity: Hashable, Sendable, Codable {
    public var filtered: Bool
    /// `safe`, `low`, `medium` or `high`.
    public var severity: String

    public init(filtered: Bool, severity: String) {
        self.filtered = filtered
        self.severity = severity
    }
}

public struct ContentFilterDetection: Hashable, Sendable, Codable {
    public var filtered: Bool
    public var detected: Bool

    public init(filtered: Bool, detected: Bool) {
        self.filtered = filtered
        self.detected = detected
    }
}

/// `{code, message}`: the base of Azure errors.
public struct ErrorBase: Hashable, Sendable, Codable {
    public var code: String?
    public var message: String?

    public init(code: String? = nil, message: String? = nil) {
        self.code = code
        self.message = message
    }
}
