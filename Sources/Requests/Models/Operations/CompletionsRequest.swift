/// The body of `POST …/completions` (legacy completions, schema `createCompletionRequest`).
public struct CompletionsRequest: Hashable, Sendable, Codable {
    /// A string, strings, token ids, or token-id arrays (the shapes embeddings' `input` takes).
    public var prompt: EmbeddingsRequest.Input
    public var model: String?
    public var bestOf: Int?
    public var echo: Bool?
    public var frequencyPenalty: Double?
    public var logitBias: [String: Int]?
    public var logprobs: Int?
    public var maxTokens: Int?
    public var n: Int?
    public var presencePenalty: Double?
    public var seed: Int?
    public var stop: StopSequences?
    public var stream: Bool?
    public var streamOptions: StreamOptions?
    public var suffix: String?
    public var temperature: Double?
    public var topP: Double?
    public var user: String?

    public init(prompt: EmbeddingsRequest.Input) {
        self.prompt = prompt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case prompt, model, echo, logprobs, n, seed, stop, stream, suffix, temperature, user
        case bestOf = "best_of"
        case frequencyPenalty = "frequency_penalty"
        case logitBias = "logit_bias"
        case maxTokens = "max_tokens"
        case presencePenalty = "presence_penalty"
        case streamOptions = "stream_options"
        case topP = "top_p"
    }
}
