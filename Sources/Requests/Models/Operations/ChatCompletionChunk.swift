import Core
import Foundation

/// One server-sent event of a streamed chat completion (`object: chat.completion.chunk`).
/// Decoding is lenient about extra fields, like ``ChatCompletionResponse``'s.
public struct ChatCompletionChunk: Hashable, Sendable, Codable {
    public var id: String
    /// Always `chat.completion.chunk`.
    public var object: String
    public var created: Int
    public var model: String
    /// Empty in Azure's first event (prompt filter results) and in the final usage event.
    public var choices: [ChunkChoice]
    public var usage: CompletionUsage?
    public var systemFingerprint: String?
    public var promptFilterResults: [PromptFilterResult]?

    public init(id: String, object: String = "chat.completion.chunk", created: Int, model: String, choices: [ChunkChoice], usage: CompletionUsage? = nil) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
        case promptFilterResults = "prompt_filter_results"
    }
}

/// One of a chunk's `choices`: a piece of the message (`delta`).
public struct ChunkChoice: Hashable, Sendable, Codable {
    public var index: Int
    public var delta: ChunkDelta
    public var finishReason: FinishReason?
    public var contentFilterResults: ContentFilterResults?

    public init(index: Int, delta: ChunkDelta, finishReason: FinishReason? = nil) {
        self.index = index
        self.delta = delta
        self.finishReason = finishReason
    }

    enum CodingKeys: String, CodingKey {
        case index, delta
        case finishReason = "finish_reason"
        case contentFilterResults = "content_filter_results"
    }
}

/// A piece of the assistant message: every field optional; text and arguments arrive in pieces.
public struct ChunkDelta: Hashable, Sendable, Codable {
    public var role: String?
    public var content: String?
    public var refusal: String?
    public var toolCalls: [ToolCallDelta]?
    public var audio: AudioDelta?

    public init(role: String? = nil, content: String? = nil, refusal: String? = nil, toolCalls: [ToolCallDelta]? = nil, audio: AudioDelta? = nil) {
        self.role = role
        self.content = content
        self.refusal = refusal
        self.toolCalls = toolCalls
        self.audio = audio
    }

    enum CodingKeys: String, CodingKey {
        case role, content, refusal, audio
        case toolCalls = "tool_calls"
    }
}

/// A piece of a tool call, keyed by `index`; `id`, `type` and `function.name` come first,
/// `function.arguments` in pieces.
public struct ToolCallDelta: Hashable, Sendable, Codable {
    public struct Function: Hashable, Sendable, Codable {
        public var name: String?
        public var arguments: String?

        public init(name: String? = nil, arguments: String? = nil) {
            self.name = name
            self.arguments = arguments
        }
    }

    public var index: Int
    public var id: String?
    public var type: String?
    public var function: Function?

    public init(index: Int, id: String? = nil, type: String? = nil, function: Function? = nil) {
        self.index = index
        self.id = id
        self.type = type
        self.function = function
    }
}

/// A piece of generated audio: `id` and `expires_at` once, `transcript` and base64 `data` in pieces.
public struct AudioDelta: Hashable, Sendable, Codable {
    public var id: String?
    public var expiresAt: Int?
    public var data: String?
    public var transcript: String?

    public init(id: String? = nil, expiresAt: Int? = nil, data: String? = nil, transcript: String? = nil) {
        self.id = id
        self.expiresAt = expiresAt
        self.data = data
        self.transcript = transcript
    }

    enum CodingKeys: String, CodingKey {
        case id, data, transcript
        case expiresAt = "expires_at"
    }
}

/// The message a stream's chunks add up to, per choice index: what a sample that joins the
/// pieces (`for chunk in stream: text += chunk.choices[0].delta.content`) ends up with.
public struct AssembledMessage: Hashable, Sendable {
    public var index: Int
    public var role: String?
    public var content: String?
    public var refusal: String?
    public var toolCalls: [ToolCall]
    /// The audio, its base64 pieces decoded and joined; nil when no audio arrived.
    public var audio: ResponseAudio?
    public var finishReason: FinishReason?

    /// The choices the chunks add up to, by index. A data piece that is not base64 makes the
    /// audio's data empty rather than silently wrong.
    public static func assemble(_ chunks: [ChatCompletionChunk]) -> [AssembledMessage] {
        var byIndex: [Int: AssembledMessage] = [:]
        var audioBytes: [Int: Data] = [:]
        var audioSeen: [Int: (id: String?, expiresAt: Int?, transcript: String)] = [:]
        var calls: [Int: [Int: (id: String?, type: String?, name: String, arguments: String)]] = [:]
        var badAudio = Set<Int>()
        for chunk in chunks {
            for choice in chunk.choices {
                var m = byIndex[choice.index] ?? AssembledMessage(index: choice.index, toolCalls: [])
                let d = choice.delta
                if let role = d.role { m.role = role }
                if let c = d.content { m.content = (m.content ?? "") + c }
                if let r = d.refusal { m.refusal = (m.refusal ?? "") + r }
                for t in d.toolCalls ?? [] {
                    var call = calls[choice.index, default: [:]][t.index] ?? (nil, nil, "", "")
                    if let id = t.id { call.id = id }
                    if let type = t.type { call.type = type }
                    if let name = t.function?.name { call.name += name }
                    if let args = t.function?.arguments { call.arguments += args }
                    calls[choice.index, default: [:]][t.index] = call
                }
                if let a = d.audio {
                    var seen = audioSeen[choice.index] ?? (nil, nil, "")
                    if let id = a.id { seen.id = id }
                    if let e = a.expiresAt { seen.expiresAt = e }
                    if let t = a.transcript { seen.transcript += t }
                    audioSeen[choice.index] = seen
                    if let piece = a.data {
                        if let bytes = Data(base64Encoded: piece) { audioBytes[choice.index, default: Data()].append(bytes) } else { badAudio.insert(choice.index) }
                    }
                }
                if let f = choice.finishReason { m.finishReason = f }
                byIndex[choice.index] = m
            }
        }
        return byIndex.keys.sorted().map { index in
            var m = byIndex[index]!
            m.toolCalls = (calls[index] ?? [:]).keys.sorted().map { k in
                let c = calls[index]![k]!
                return ToolCall(id: c.id ?? "", type: c.type ?? "function", function: FunctionCall(name: c.name, arguments: c.arguments))
            }
            if let seen = audioSeen[index] {
                let data = badAudio.contains(index) ? "" : (audioBytes[index] ?? Data()).base64EncodedString()
                m.audio = ResponseAudio(id: seen.id ?? "", expiresAt: seen.expiresAt ?? 0, data: data, transcript: seen.transcript)
            }
            return m
        }
    }
}
