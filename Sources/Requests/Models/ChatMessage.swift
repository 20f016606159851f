import Core

/// The role of a request message; the JSON `role` value selects which message schema applies.
public enum ChatRole: String, Hashable, Sendable, Codable, CaseIterable {
    case system, developer, user, assistant, tool, function
}

/// One entry of `messages`, by role. Each role has its own fields and allowed content parts.
public enum ChatMessage: Hashable, Sendable {
    case system(SystemMessage)
    case developer(DeveloperMessage)
    case user(UserMessage)
    case assistant(AssistantMessage)
    case tool(ToolMessage)
    /// Deprecated by the API in favour of `tool`, still accepted.
    case function(FunctionMessage)

    public var role: ChatRole {
        switch self {
        case .system: .system
        case .developer: .developer
        case .user: .user
        case .assistant: .assistant
        case .tool: .tool
        case .function: .function
        }
    }
}

extension ChatMessage: Codable {
    private enum RoleKey: String, CodingKey { case role }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RoleKey.self)
        switch try c.decode(ChatRole.self, forKey: .role) {
        case .system: self = .system(try SystemMessage(from: decoder))
        case .developer: self = .developer(try DeveloperMessage(from: decoder))
        case .user: self = .user(try UserMessage(from: decoder))
        case .assistant: self = .assistant(try AssistantMessage(from: decoder))
        case .tool: self = .tool(try ToolMessage(from: decoder))
        case .function: self = .function(try FunctionMessage(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: RoleKey.self)
        try c.encode(role, forKey: .role)
        switch self {
        case .system(let m): try m.encode(to: encoder)
        case .developer(let m): try m.encode(to: encoder)
        case .user(let m): try m.encode(to: encoder)
        case .assistant(let m): try m.encode(to: encoder)
        case .tool(let m): try m.encode(to: encoder)
        case .function(let m): try m.encode(to: encoder)
        }
    }
}

/// `content`: a plain string or an array of typed parts. The two forms mean the same when the parts
/// are a single text part (see ``CanonicalForm``).
public enum MessageContent: Hashable, Sendable {
    case text(String)
    case parts([ContentPart])
}

extension MessageContent: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            self = .parts(try c.decode([ContentPart].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .parts(let p): try c.encode(p)
        }
    }
}

/// A typed part of an array `content`. Which parts a role may use is checked by ``RequestValidation``
/// (system, developer, tool: text; user: text, image, audio; assistant: text, refusal).
public enum ContentPart: Hashable, Sendable {
    case text(String)
    case imageURL(ImageURL)
    case inputAudio(InputAudio)
    case refusal(String)

    /// The part's JSON `type` value.
    public var type: String {
        switch self {
        case .text: "text"
        case .imageURL: "image_url"
        case .inputAudio: "input_audio"
        case .refusal: "refusal"
        }
    }
}

extension ContentPart: Codable {
    private enum Keys: String, CodingKey {
        case type, text, refusal
        case imageURL = "image_url"
        case inputAudio = "input_audio"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "image_url": self = .imageURL(try c.decode(ImageURL.self, forKey: .imageURL))
        case "input_audio": self = .inputAudio(try c.decode(InputAudio.self, forKey: .inputAudio))
        case "refusal": self = .refusal(try c.decode(String.self, forKey: .refusal))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown content part type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .text(let t): try c.encode(t, forKey: .text)
        case .imageURL(let i): try c.encode(i, forKey: .imageURL)
        case .inputAudio(let a): try c.encode(a, forKey: .inputAudio)
        case .refusal(let r): try c.encode(r, forKey: .refusal)
        }
    }
}

/// `image_url` of an image part: a URL or a `data:` URL.
public struct ImageURL: Hashable, Sendable, Codable {
    public var url: String
    public var detail: ImageDetail?

    public init(url: String, detail: ImageDetail? = nil) {
        self.url = url
        self.detail = detail
    }
}

/// `input_audio` of an audio part: base64 audio bytes and their format.
public struct InputAudio: Hashable, Sendable, Codable {
    /// Base64-encoded audio.
    public var data: String
    public var format: InputAudioFormat

    public init(data: String, format: InputAudioFormat) {
        self.data = data
        self.format = format
    }
}

public struct SystemMessage: Hashable, Sendable, Codable {
    public var content: MessageContent
    public var name: String?

    public init(content: MessageContent, name: String? = nil) {
        self.content = content
        self.name = name
    }
}

/// Replaces `system` for reasoning models.
public struct DeveloperMessage: Hashable, Sendable, Codable {
    public var content: MessageContent
    public var name: String?

    public init(content: MessageContent, name: String? = nil) {
        self.content = content
        self.name = name
    }
}

public struct UserMessage: Hashable, Sendable, Codable {
    public var content: MessageContent
    public var name: String?

    public init(content: MessageContent, name: String? = nil) {
        self.content = content
        self.name = name
    }
}

/// A previous answer of the model, replayed as history.
public struct AssistantMessage: Hashable, Sendable, Codable {
    public var content: MessageContent?
    public var refusal: String?
    public var name: String?
    public var toolCalls: [ToolCall]?
    public var functionCall: FunctionCall?
    /// A reference to audio the model generated earlier (`{"id": "audio_…"}`), so a multi-turn
    /// conversation need not resend it. The 2025-01-01-preview spec omits this field from the
    /// assistant request message, but the service and both OpenAI SDKs accept it and the audio
    /// quickstarts depend on it.
    public var audio: AssistantAudioReference?
    /// The "On Your Data" context of an earlier answer (`intent`, `citations`), sent back with
    /// that answer so the service can rewrite the next search query. The spec's assistant request
    /// message leaves it out but is open, and the spec's own multi-turn On Your Data example sends
    /// it; its shape is the answer's, so it stays JSON.
    public var context: JSONValue?

    public init(
        content: MessageContent? = nil, refusal: String? = nil, name: String? = nil, toolCalls: [ToolCall]? = nil,
        functionCall: FunctionCall? = nil, audio: AssistantAudioReference? = nil, context: JSONValue? = nil
    ) {
        self.content = content
        self.refusal = refusal
        self.name = name
        self.toolCalls = toolCalls
        self.functionCall = functionCall
        self.audio = audio
        self.context = context
    }

    enum CodingKeys: String, CodingKey {
        case content, refusal, name, audio, context
        case toolCalls = "tool_calls"
        case functionCall = "function_call"
    }
}

/// `{"id": …}`: the `audio.id` of an earlier response.
public struct AssistantAudioReference: Hashable, Sendable, Codable {
    public var id: String

    public init(id: String) { self.id = id }
}

/// The result of a tool call, answering `tool_call_id`.
public struct ToolMessage: Hashable, Sendable, Codable {
    public var content: MessageContent
    public var toolCallID: String
    /// The function's name, which the service accepts and ignores on a tool message: samples copied
    /// from the function-calling guides send it, so it is kept rather than refused.
    public var name: String?

    public init(content: MessageContent, toolCallID: String, name: String? = nil) {
        self.content = content
        self.toolCallID = toolCallID
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case content
        case toolCallID = "tool_call_id"
        case name
    }
}

/// Deprecated predecessor of ``ToolMessage``: `content` is required but may be null.
public struct FunctionMessage: Hashable, Sendable, Codable {
    public var content: String?
    public var name: String

    public init(content: String?, name: String) {
        self.content = content
        self.name = name
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(content, forKey: .content)
        try c.encode(name, forKey: .name)
    }
}

/// A tool call the model made (in an assistant message or a response).
public struct ToolCall: Hashable, Sendable, Codable {
    public var id: String
    /// Always `function` in this API version.
    public var type: String
    public var function: FunctionCall

    public init(id: String, type: String = "function", function: FunctionCall) {
        self.id = id
        self.type = type
        self.function = function
    }
}

/// A function name and its JSON-encoded arguments.
public struct FunctionCall: Hashable, Sendable, Codable {
    public var name: String
    /// The arguments as JSON text, as the model produced them.
    public var arguments: String

    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }
}
