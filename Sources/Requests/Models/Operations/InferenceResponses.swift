import Core

// Answers of the inference operations other than chat. Decoding is lenient about extra fields
// (services add fields over time); fields the spec requires are non-optional.

/// The answer to legacy completions (`object: text_completion`).
public struct CompletionsResponse: Hashable, Sendable, Codable {
    public struct Choice: Hashable, Sendable, Codable {
        public var text: String
        public var index: Int
        public var finishReason: FinishReason?
        public var logprobs: JSONValue?

        public init(text: String, index: Int, finishReason: FinishReason?) {
            self.text = text
            self.index = index
            self.finishReason = finishReason
        }

        enum CodingKeys: String, CodingKey {
            case text, index, logprobs
            case finishReason = "finish_reason"
        }
    }

    public var id: String
    public var object: String
    public var created: Int
    public var model: String
    public var choices: [Choice]
    public var usage: CompletionUsage?

    public init(id: String, object: String = "text_completion", created: Int, model: String, choices: [Choice], usage: CompletionUsage? = nil) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
    }
}

/// The answer to embeddings (`object: list` of `embedding`s).
public struct EmbeddingsResponse: Hashable, Sendable, Codable {
    public struct Embedding: Hashable, Sendable, Codable {
        public var object: String
        public var index: Int
        /// Floats, or a base64 string with `encoding_format: base64`.
        public var embedding: JSONValue

        public init(index: Int, embedding: [Double]) {
            self.object = "embedding"
            self.index = index
            self.embedding = .array(embedding.map(JSONValue.double))
        }
    }

    public struct Usage: Hashable, Sendable, Codable {
        public var promptTokens: Int
        public var totalTokens: Int

        public init(promptTokens: Int, totalTokens: Int) {
            self.promptTokens = promptTokens
            self.totalTokens = totalTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case totalTokens = "total_tokens"
        }
    }

    public var object: String
    public var model: String
    public var data: [Embedding]
    public var usage: Usage

    public init(model: String, data: [Embedding], usage: Usage) {
        self.object = "list"
        self.model = model
        self.data = data
        self.usage = usage
    }
}

/// The answer to image generations.
public struct ImagesResponse: Hashable, Sendable, Codable {
    public struct Image: Hashable, Sendable, Codable {
        public var url: String?
        public var b64JSON: String?
        public var revisedPrompt: String?
        public var contentFilterResults: JSONValue?
        public var promptFilterResults: JSONValue?

        public init(url: String? = nil, b64JSON: String? = nil, revisedPrompt: String? = nil) {
            self.url = url
            self.b64JSON = b64JSON
            self.revisedPrompt = revisedPrompt
        }

        enum CodingKeys: String, CodingKey {
            case url
            case b64JSON = "b64_json"
            case revisedPrompt = "revised_prompt"
            case contentFilterResults = "content_filter_results"
            case promptFilterResults = "prompt_filter_results"
        }
    }

    public var created: Int
    public var data: [Image]

    public init(created: Int, data: [Image]) {
        self.created = created
        self.data = data
    }
}

/// The JSON answer to a transcription or translation: `json` has `text` only; `verbose_json`
/// adds the language, duration, segments and (when asked) words.
public struct TranscriptionResponse: Hashable, Sendable, Codable {
    public struct Segment: Hashable, Sendable, Codable {
        public var id: Int
        public var start: Double
        public var end: Double
        public var text: String
        public var seek: Int?
        public var tokens: [Int]?
        public var temperature: Double?
        public var avgLogprob: Double?
        public var compressionRatio: Double?
        public var noSpeechProb: Double?

        public init(id: Int, start: Double, end: Double, text: String) {
            self.id = id
            self.start = start
            self.end = end
            self.text = text
        }

        enum CodingKeys: String, CodingKey {
            case id, start, end, text, seek, tokens, temperature
            case avgLogprob = "avg_logprob"
            case compressionRatio = "compression_ratio"
            case noSpeechProb = "no_speech_prob"
        }
    }

    public struct Word: Hashable, Sendable, Codable {
        public var word: String
        public var start: Double
        public var end: Double

        public init(word: String, start: Double, end: Double) {
            self.word = word
            self.start = start
            self.end = end
        }
    }

    public var text: String
    /// `verbose_json` only (and `task`: `transcribe` / `translate`).
    public var task: String?
    public var language: String?
    public var duration: Double?
    public var segments: [Segment]?
    public var words: [Word]?

    public init(text: String, task: String? = nil, language: String? = nil, duration: Double? = nil, segments: [Segment]? = nil, words: [Word]? = nil) {
        self.text = text
        self.task = task
        self.language = language
        self.duration = duration
        self.segments = segments
        self.words = words
    }
}
