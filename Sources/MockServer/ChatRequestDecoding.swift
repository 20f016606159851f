import Core
import Foundation
import Requests

/// One thing wrong with a request: where (a JSON path such as `audio.voice` or
/// `messages[0].content[1].input_audio.data`) and what.
struct RequestProblem: Sendable, Equatable {
    var path: String
    var message: String
}

/// Validates a request body against the profile and reduces it to what the mock needs.
///
/// This is the single place that decides whether a body is a well-formed chat-completions request;
/// it is written over Core's `JSONValue` and can be replaced by the Requests stage's strict typed
/// decoder without touching the rest of the server. Problems are all collected; the error names the
/// first one in `param` and lists the others in its message.
func decodeChatRequest(_ body: [UInt8], profile: MockProfile) throws(MockError) -> ChatRequestView {
    let root: JSONValue
    do {
        root = try JSONValue.parse(String(decoding: body, as: UTF8.self))
    } catch let error as JSONSyntaxError {
        throw .invalidRequest(param: nil, "The request body is not valid JSON (\(error.description)).")
    } catch {
        throw .invalidRequest(param: nil, "The request body is not valid JSON.")
    }
    var checker = ChatRequestChecker(profile: profile)
    let view = checker.check(root)
    if let first = checker.problems.first {
        var message = first.message
        if checker.problems.count > 1 {
            let others = checker.problems.dropFirst().map { "\($0.path): \($0.message)" }
            message += " Also: " + others.joined(separator: "; ")
        }
        throw .invalidRequest(param: first.path.isEmpty ? nil : first.path, message)
    }
    // The typed model of the Requests stage must accept the body too: it checks the types of every
    // member the walk above does not look into (temperature, tools, …).
    do {
        _ = try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(body))
    } catch let error as DecodingError {
        let (path, detail) = describe(error)
        throw .invalidRequest(param: path.isEmpty ? nil : path, "Invalid value\(path.isEmpty ? "" : " for '\(path)'"): \(detail).")
    } catch {
        throw .invalidRequest(param: nil, "The request body could not be read as a chat completions request.")
    }
    if view.inputAudioBytes > profile.limits.maxAudioBytes {
        throw .tooLarge(
            "The input audio is \(view.inputAudioBytes) bytes after decoding; the limit is \(profile.limits.maxAudioBytes) bytes. Send a shorter recording.",
            param: "messages")
    }
    return view
}

/// A decoding error's JSON path (`messages[0].content`) and its explanation.
private func describe(_ error: DecodingError) -> (String, String) {
    let (context, detail): (DecodingError.Context, String) =
        switch error {
        case .typeMismatch(let type, let c): (c, "expected \(type)")
        case .valueNotFound(let type, let c): (c, "expected \(type), found null")
        case .keyNotFound(let key, let c): (c, "missing '\(key.stringValue)'")
        case .dataCorrupted(let c): (c, c.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
    var path = ""
    for key in context.codingPath {
        if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : "." + key.stringValue }
    }
    return (path, detail)
}

/// Walks the JSON, collecting problems with their paths.
private struct ChatRequestChecker {
    let profile: MockProfile
    var problems: [RequestProblem] = []

    /// Request members the API defines (2025-01-01-preview); anything else is rejected as unknown,
    /// as the service does.
    static let requestKeys: Set<String> = [
        "messages", "data_sources", "reasoning_effort", "frequency_penalty", "logit_bias", "logprobs",
        "top_logprobs", "max_tokens", "max_completion_tokens", "n", "modalities", "prediction", "audio",
        "presence_penalty", "parallel_tool_calls", "response_format", "seed", "stop", "stream",
        "stream_options", "temperature", "top_p", "tools", "tool_choice", "function_call", "functions",
        "user", "user_security_context", "store", "metadata", "model",
    ]
    static let roles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]
    /// Message members by role. `audio` on assistant messages is how a later turn refers to an
    /// earlier spoken answer (OpenAI's multi-turn audio); the service accepts it.
    static let messageKeys: [String: Set<String>] = [
        "system": ["role", "content", "name"],
        "developer": ["role", "content", "name"],
        "user": ["role", "content", "name"],
        "assistant": ["role", "content", "name", "refusal", "tool_calls", "function_call", "audio"],
        "tool": ["role", "content", "tool_call_id"],
        "function": ["role", "content", "name"],
    ]

    init(profile: MockProfile) { self.profile = profile }

    mutating func problem(_ path: String, _ message: String) {
        problems.append(RequestProblem(path: path, message: message))
    }

    mutating func check(_ root: JSONValue) -> ChatRequestView {
        var view = ChatRequestView(modalities: ["text"], messages: [], canonicalBody: root.serialized())
        guard let members = root.objectValue else {
            problem("", "The request body must be a JSON object, not \(root.typeName).")
            return view
        }
        for key in members.keys.sorted() where !Self.requestKeys.contains(key) {
            problem(key, "Unrecognized request argument '\(key)'.")
        }
        if let modalities = members["modalities"], modalities != .null {
            view.modalities = checkModalities(modalities)
        }
        if let audio = members["audio"], audio != .null {
            (view.voice, view.format) = checkAudioOptions(audio)
        }
        if view.wantsAudio, view.voice == nil || view.format == nil, !problems.contains(where: { $0.path.hasPrefix("audio") }) {
            problem("audio", "Audio output was requested in 'modalities' but 'audio' with 'voice' and 'format' is missing.")
        }
        switch members["messages"] {
        case nil:
            problem("messages", "Missing required parameter 'messages'.")
        case .array(let items)?:
            if items.isEmpty { problem("messages", "'messages' must contain at least one message.") }
            for (i, item) in items.enumerated() {
                if let message = checkMessage(item, path: "messages[\(i)]") { view.messages.append(message) }
            }
        case let other?:
            problem("messages", "'messages' must be an array, not \(other.typeName).")
        }
        return view
    }

    mutating func checkModalities(_ value: JSONValue) -> [String] {
        guard let items = value.arrayValue else {
            problem("modalities", "'modalities' must be an array of strings, not \(value.typeName).")
            return ["text"]
        }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard let name = item.stringValue else {
                problem("modalities[\(i)]", "Each modality must be a string, not \(item.typeName).")
                continue
            }
            if !profile.modalities.contains(name) {
                problem("modalities[\(i)]", "Invalid modality '\(name)'. Supported values: \(list(profile.modalities)).")
            }
            result.append(name)
        }
        if items.isEmpty { problem("modalities", "'modalities' must not be empty.") }
        return result
    }

    mutating func checkAudioOptions(_ value: JSONValue) -> (String?, String?) {
        guard let members = value.objectValue else {
            problem("audio", "'audio' must be an object with 'voice' and 'format', not \(value.typeName).")
            return (nil, nil)
        }
        for key in members.keys.sorted() where key != "voice" && key != "format" {
            problem("audio.\(key)", "Unrecognized argument 'audio.\(key)'.")
        }
        let voice = enumMember(members["voice"], path: "audio.voice", allowed: profile.voices)
        let format = enumMember(members["format"], path: "audio.format", allowed: profile.outputFormats.keys.sorted())
        return (voice, format)
    }

    mutating func enumMember(_ value: JSONValue?, path: String, allowed: [String]) -> String? {
        guard let value else {
            problem(path, "Missing required parameter '\(path)'.")
            return nil
        }
        guard let text = value.stringValue else {
            problem(path, "'\(path)' must be a string, not \(value.typeName).")
            return nil
        }
        guard allowed.contains(text) else {
            problem(path, "Invalid value '\(text)' for '\(path)'. Supported values: \(list(allowed)).")
            return nil
        }
        return text
    }

    mutating func checkMessage(_ value: JSONValue, path: String) -> ChatRequestView.Message? {
        guard let members = value.objectValue else {
            problem(path, "Each message must be an object, not \(value.typeName).")
            return nil
        }
        guard let role = members["role"]?.stringValue, Self.roles.contains(role) else {
            problem("\(path).role", "Each message needs a 'role', one of: \(list(Self.roles.sorted())).")
            return nil
        }
        let allowed = Self.messageKeys[role] ?? []
        for key in members.keys.sorted() where !allowed.contains(key) {
            problem("\(path).\(key)", "Unrecognized argument '\(key)' in a '\(role)' message.")
        }
        var message = ChatRequestView.Message(role: role, texts: [], inputAudio: [])
        switch members["content"] {
        case nil, .null?:
            if role != "assistant" { problem("\(path).content", "A '\(role)' message needs 'content'.") }
        case .string(let text)?:
            message.texts.append(text)
        case .array(let parts)?:
            for (j, part) in parts.enumerated() {
                checkPart(part, path: "\(path).content[\(j)]", role: role, into: &message)
            }
        case let other?:
            problem("\(path).content", "'content' must be a string or an array of content parts, not \(other.typeName).")
        }
        if let audio = members["audio"], role == "assistant", audio != .null {
            if let id = audio.objectValue?["id"]?.stringValue, audio.objectValue?.count == 1 {
                message.audioReference = (id, "\(path).audio.id")
            } else {
                problem("\(path).audio", "An assistant message's 'audio' must be {\"id\": \"<audio id from an earlier answer>\"}.")
            }
        }
        if role == "assistant", message.texts.isEmpty, message.audioReference == nil,
            members["tool_calls"] == nil, members["function_call"] == nil
        {
            problem("\(path).content", "An assistant message needs 'content', 'audio', or 'tool_calls'.")
        }
        return message
    }

    mutating func checkPart(_ value: JSONValue, path: String, role: String, into message: inout ChatRequestView.Message) {
        guard let members = value.objectValue, let type = members["type"]?.stringValue else {
            problem("\(path).type", "Each content part must be an object with a string 'type'.")
            return
        }
        let partTypes: [String: Set<String>] = role == "user"
            ? ["text": ["type", "text"], "image_url": ["type", "image_url"], "input_audio": ["type", "input_audio"]]
            : ["text": ["type", "text"], "refusal": ["type", "refusal"]]
        guard let allowed = partTypes[type] else {
            problem("\(path).type", "Invalid content part type '\(type)' in a '\(role)' message. Supported: \(list(partTypes.keys.sorted())).")
            return
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            problem("\(path).\(key)", "Unrecognized argument '\(key)' in a '\(type)' content part.")
        }
        switch type {
        case "text":
            if let text = members["text"]?.stringValue { message.texts.append(text) }
            else { problem("\(path).text", "A 'text' part needs a string 'text'.") }
        case "input_audio":
            checkInputAudio(members["input_audio"], path: "\(path).input_audio", into: &message)
        default:
            break
        }
    }

    mutating func checkInputAudio(_ value: JSONValue?, path: String, into message: inout ChatRequestView.Message) {
        guard let members = value?.objectValue else {
            problem(path, "An 'input_audio' part needs an 'input_audio' object with 'data' and 'format'.")
            return
        }
        for key in members.keys.sorted() where key != "data" && key != "format" {
            problem("\(path).\(key)", "Unrecognized argument '\(key)' in 'input_audio'.")
        }
        let format = enumMember(members["format"], path: "\(path).format", allowed: profile.inputFormats)
        guard let encoded = members["data"]?.stringValue else {
            problem("\(path).data", "'data' must be a string of base64-encoded audio.")
            return
        }
        guard let bytes = Data(base64Encoded: encoded) else {
            problem("\(path).data", "'data' is not valid base64: the audio could not be decoded.")
            return
        }
        if bytes.isEmpty { problem("\(path).data", "'data' decodes to no audio bytes.") }
        let wav = WAVInfo([UInt8](bytes.prefix(4_096)), totalCount: bytes.count)
        if format == "wav", !bytes.isEmpty, wav == nil {
            problem("\(path).data", "'format' is 'wav' but the decoded data is not a RIFF/WAVE file.")
        }
        message.inputAudio.append(.init(format: format ?? "unknown", byteCount: bytes.count, wav: wav))
    }

    func list(_ values: [String]) -> String { values.map { "'\($0)'" }.joined(separator: ", ") }
}
