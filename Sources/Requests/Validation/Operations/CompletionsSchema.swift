import Extraction

/// The legacy completions request schema as code.
struct CompletionsSchema {
    var reader = SymbolicReader()

    static let fields: Set<String> = Set(CompletionsRequest.CodingKeys.allCases.map(\.rawValue))

    mutating func request(_ value: SymbolicValue) -> CompletionsRequest? {
        guard let m = reader.object(value, "", allowed: Self.fields) else { return nil }
        let prompt = reader.required(m, "prompt", "").flatMap { reader.textOrTokens($0, "prompt") }
        var r = CompletionsRequest(prompt: prompt ?? .text(""))
        r.model = reader.optional(m, "model", "", nullable: false).flatMap { reader.string($0, "model") }
        r.bestOf = reader.optional(m, "best_of", "").flatMap { reader.int($0, "best_of", range: 0...20) }
        r.echo = reader.optional(m, "echo", "").flatMap { reader.bool($0, "echo") }
        r.frequencyPenalty = reader.optional(m, "frequency_penalty", "").flatMap { reader.number($0, "frequency_penalty", range: -2...2) }
        r.logitBias = reader.optional(m, "logit_bias", "").flatMap { reader.logitBias($0, "logit_bias") }
        r.logprobs = reader.optional(m, "logprobs", "").flatMap { reader.int($0, "logprobs", range: 0...5) }
        r.maxTokens = reader.optional(m, "max_tokens", "").flatMap { reader.int($0, "max_tokens", range: 0...Int.max) }
        r.n = reader.optional(m, "n", "").flatMap { reader.int($0, "n", range: 1...128) }
        r.presencePenalty = reader.optional(m, "presence_penalty", "").flatMap { reader.number($0, "presence_penalty", range: -2...2) }
        r.seed = reader.optional(m, "seed", "").flatMap { reader.int($0, "seed") }
        r.stop = reader.optional(m, "stop", "").flatMap { reader.stopSequences($0, "stop") }
        r.stream = reader.optional(m, "stream", "").flatMap { reader.bool($0, "stream") }
        if let v = reader.optional(m, "stream_options", ""), let o = reader.object(v, "stream_options", allowed: ["include_usage"]) {
            r.streamOptions = StreamOptions(includeUsage: reader.optional(o, "include_usage", "stream_options").flatMap { reader.bool($0, "stream_options.include_usage") })
        }
        r.suffix = reader.optional(m, "suffix", "").flatMap { reader.string($0, "suffix") }
        r.temperature = reader.optional(m, "temperature", "").flatMap { reader.number($0, "temperature", range: 0...2) }
        r.topP = reader.optional(m, "top_p", "").flatMap { reader.number($0, "top_p", range: 0...1) }
        r.user = reader.optional(m, "user", "", nullable: false).flatMap { reader.string($0, "user") }
        return prompt == nil ? nil : r
    }
}
