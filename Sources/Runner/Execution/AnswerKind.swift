import Core
import Extraction
import Requests

/// What a call's answer should be, from its operation and what the request asked for.
enum AnswerKind: Equatable {
    /// A chat completion (JSON), checked with the typed model.
    case chat
    /// Chat completion chunks as server-sent events (`stream: true`).
    case chatStream
    /// Other server-sent events (`completions` with `stream: true`).
    case eventStream
    /// A JSON object (any other operation, or an operation docverify does not know).
    case json
    /// Audio bytes in `format` (`mp3`, `wav`, `flac`, `pcm`, `opus`, `aac`).
    case audio(format: String)
    /// Plain text, SRT or VTT (`response_format` of a transcription).
    case text(format: String)
    /// A downloaded image (follow-up download of a URL from an earlier answer).
    case image

    /// `response_format` values of transcriptions and translations that are not JSON.
    static let textFormats: Set<String> = ["text", "srt", "vtt"]

    static func of(_ request: BuiltRequest) -> AnswerKind {
        let extracted = request.extracted
        if extracted.purpose == .download { return .image }
        guard let operation = request.operation else { return .json }
        // Read members one by one: a body holding a stand-in elsewhere (an On Your Data search
        // key from an unset variable) has no JSON value as a whole, yet still asks for a stream.
        let body = Self.literalMembers(extracted.body)
        let streams = body?["stream"] == .bool(true)
        switch operation.id {
        case "chat.completions.create": return streams ? .chatStream : .chat
        case "completions.create": return streams ? .eventStream : .json
        case "audio.speech.create": return .audio(format: body?["response_format"]?.stringValue ?? "mp3")
        case "audio.transcriptions.create", "audio.translations.create":
            let format = formField("response_format", extracted) ?? body?["response_format"]?.stringValue ?? "json"
            return textFormats.contains(format) ? .text(format: format) : .json
        default:
            switch operation.response {
            case .json: return .json
            case .sse: return .eventStream
            case .binaryAudio: return .audio(format: "mp3")
            case .text: return .text(format: "text")
            }
        }
    }

    /// The body's top-level members that are literal JSON, nil when the body is not an object.
    static func literalMembers(_ body: SymbolicValue?) -> JSONValue? {
        guard case .object(let members)? = body else { return body?.jsonValue }
        return .object(members.compactMapValues(\.jsonValue))
    }

    /// A literal form field's value.
    static func formField(_ name: String, _ request: ExtractedRequest) -> String? {
        guard let part = request.multipart?.first(where: { $0.name == name && !$0.isFile }) else { return nil }
        if case .string(let s) = part.value { return s }
        return nil
    }
}
