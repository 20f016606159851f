import Core

/// The body of `POST {endpoint}/openai/deployments/{deployment}/chat/completions` (operation
/// `createChatCompletion`, Azure OpenAI inference 2025-01-01-preview), written from the spec's
/// schema `createChatCompletionRequest`.
///
/// `model` is not in the Azure schema (the deployment in the URL selects the model) but every
/// OpenAI SDK sends it and the service accepts it, so it is modelled rather than reported.
public struct ChatCompletionRequest: Hashable, Sendable, Codable {
    public var messages: [ChatMessage]
    public var model: String?
    public var modalities: [Modality]?
    public var audio: AudioOutputOptions?
    public var temperature: Double?
    public var topP: Double?
    public var n: Int?
    public var stream: Bool?
    public var streamOptions: StreamOptions?
    public var stop: StopSequences?
    public var maxTokens: Int?
    public var maxCompletionTokens: Int?
    public var presencePenalty: Double?
    public var frequencyPenalty: Double?
    /// Token id (as a string key) → bias from -100 to 100.
    public var logitBias: [String: Int]?
    public var logprobs: Bool?
    public var topLogprobs: Int?
    public var user: String?
    public var store: Bool?
    public var metadata: [String: String]?
    public var tools: [ChatTool]?
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool?
    public var functions: [FunctionDeclaration]?
    public var functionCall: FunctionCallOption?
    public var responseFormat: ResponseFormat?
    public var seed: Int?
    public var prediction: PredictionContent?
    public var reasoningEffort: ReasoningEffort?
    public var dataSources: [DataSource]?
    public var userSecurityContext: UserSecurityContext?

    public init(
        messages: [ChatMessage], model: String? = nil, modalities: [Modality]? = nil, audio: AudioOutputOptions? = nil,
        temperature: Double? = nil, topP: Double? = nil, n: Int? = nil, stream: Bool? = nil,
        streamOptions: StreamOptions? = nil, stop: StopSequences? = nil, maxTokens: Int? = nil,
        maxCompletionTokens: Int? = nil, presencePenalty: Double? = nil, frequencyPenalty: Double? = nil,
        logitBias: [String: Int]? = nil, logprobs: Bool? = nil, topLogprobs: Int? = nil, user: String? = nil,
        store: Bool? = nil, metadata: [String: String]? = nil, tools: [ChatTool]? = nil, toolChoice: ToolChoice? = nil,
        parallelToolCalls: Bool? = nil, functions: [FunctionDeclaration]? = nil, functionCall: FunctionCallOption? = nil,
        responseFormat: ResponseFormat? = nil, seed: Int? = nil, prediction: PredictionContent? = nil,
        reasoningEffort: ReasoningEffort? = nil, dataSources: [DataSource]? = nil,
        userSecurityContext: UserSecurityContext? = nil
    ) {
        self.messages = messages
        self.model = model
        self.modalities = modalities
        self.audio = audio
        self.temperature = temperature
        self.topP = topP
        self.n = n
        self.stream = stream
        self.streamOptions = streamOptions
        self.stop = stop
        self.maxTokens = maxTokens
        self.maxCompletionTokens = maxCompletionTokens
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.logitBias = logitBias
        self.logprobs = logprobs
        self.topLogprobs = topLogprobs
        self.user = user
        self.store = store
        self.metadata = metadata
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.functions = functions
        self.functionCall = functionCall
        self.responseFormat = responseFormat
        self.seed = seed
        self.prediction = prediction
        self.reasoningEffort = reasoningEffort
        self.dataSources = dataSources
        self.userSecurityContext = userSecurityContext
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case messages, model, modalities, audio, temperature, n, stream, stop, user, store, metadata, tools, seed
        case logprobs, functions, prediction
        case topP = "top_p"
        case streamOptions = "stream_options"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case presencePenalty = "presence_penalty"
        case frequencyPenalty = "frequency_penalty"
        case logitBias = "logit_bias"
        case topLogprobs = "top_logprobs"
        case toolChoice = "tool_choice"
        case parallelToolCalls = "parallel_tool_calls"
        case functionCall = "function_call"
        case responseFormat = "response_format"
        case reasoningEffort = "reasoning_effort"
        case dataSources = "data_sources"
        case userSecurityContext = "user_security_context"
    }

    /// True when the request asks for generated audio.
    public var wantsAudio: Bool { modalities?.contains(.audio) ?? false }
}
