import Extraction

/// A later-arrived feature a request body uses literally, with the JSON path that shows it.
public struct APIFeatureUse: Hashable, Sendable {
    public var feature: APIFeature
    public var path: String

    /// What the feature is, in a message.
    public var name: String {
        switch feature {
        case .chatAudio: "audio in chat completions"
        case .maxCompletionTokens: "max_completion_tokens"
        case .structuredOutputs: "structured outputs (response_format json_schema)"
        case .chatTools: "tools / tool_choice"
        case .jsonMode: "JSON mode"
        case .embeddingsDimensions: "dimensions"
        case .reasoningEffort: "reasoning_effort"
        case .predictedOutputs: "predicted outputs"
        case .storedCompletions: "stored completions"
        case .assistantsV2: "assistants v2"
        }
    }

    /// The features a literal body of `operation` uses. Only features whose arrival the spec
    /// folders show beyond doubt are detected (see ``APIVersionTable``); a run-time value shows
    /// nothing.
    public static func uses(in body: SymbolicValue?, operation: APIOperation) -> [APIFeatureUse] {
        guard operation.id == "chat.completions.create", case .object(let m)? = body else { return [] }
        var out: [APIFeatureUse] = []
        if case .array(let items)? = m["modalities"], items.contains(.string("audio")) {
            out.append(.init(feature: .chatAudio, path: "modalities"))
        } else if let audio = m["audio"], audio != .null {
            out.append(.init(feature: .chatAudio, path: "audio"))
        } else if let path = inputAudioPath(m["messages"]) {
            out.append(.init(feature: .chatAudio, path: path))
        }
        if m["max_completion_tokens"] != nil {
            out.append(.init(feature: .maxCompletionTokens, path: "max_completion_tokens"))
        }
        if case .object(let format)? = m["response_format"], format["type"] == .string("json_schema") {
            out.append(.init(feature: .structuredOutputs, path: "response_format.type"))
        }
        if m["tools"] != nil || m["tool_choice"] != nil {
            out.append(.init(feature: .chatTools, path: m["tools"] != nil ? "tools" : "tool_choice"))
        }
        return out
    }

    /// The path of the first `input_audio` content part.
    static func inputAudioPath(_ messages: SymbolicValue?) -> String? {
        guard case .array(let items)? = messages else { return nil }
        for (i, message) in items.enumerated() {
            guard case .object(let o) = message, case .array(let parts)? = o["content"] else { continue }
            for (j, part) in parts.enumerated() {
                if case .object(let p) = part, p["type"] == .string("input_audio") {
                    return JSONPath.member(JSONPath.element(JSONPath.member(JSONPath.element("messages", i), "content"), j), "type")
                }
            }
        }
        return nil
    }
}
