import Core
import Transport

/// Checks a streamed answer (`stream: true`): every event is a JSON chunk until `[DONE]`, chat
/// chunks carry `choices[].delta`, and the chunks assemble into a message.
enum StreamChecks {
    struct Outcome {
        var chunks: [JSONValue] = []
        /// `{"choices": [{"index": 0, "message": {"role", "content"}, "finish_reason"}]}` built from the
        /// deltas (or `text` for completions), so later reads and placeholders see the whole answer.
        var assembled: JSONValue = .null
        /// What is wrong, nil when the stream is fine.
        var problem: String?
    }

    static func check(_ events: [ServerSentEvent], chat: Bool) -> Outcome {
        var outcome = Outcome()
        guard !events.isEmpty else {
            outcome.problem = "it has no server-sent events (the answer may be plain JSON)"
            return outcome
        }
        var content = "", role: String?, finish: String?, sawChoice = false, toolCalls = 0
        for (number, event) in events.enumerated() {
            if event.data == "[DONE]" { break }
            guard let chunk = try? JSONValue.parse(event.data), case .object = chunk else {
                outcome.problem = "event \(number + 1) is not a JSON object: \(event.data.prefix(80))"
                return outcome
            }
            if let error = chunk["error"] {
                outcome.problem = "event \(number + 1) is an error: \(error["message"]?.stringValue ?? error.serialized())"
                return outcome
            }
            outcome.chunks.append(chunk)
            guard case .array(let choices)? = chunk["choices"] else {
                outcome.problem = "chunk \(number + 1) has no choices array"
                return outcome
            }
            if chat, !choices.isEmpty, chunk["object"]?.stringValue != "chat.completion.chunk" {
                outcome.problem = "chunk \(number + 1) has object \(chunk["object"]?.serialized() ?? "null"), not \"chat.completion.chunk\""
                return outcome
            }
            for choice in choices where choice["index"]?.serialized() ?? "0" == "0" {
                sawChoice = true
                if chat {
                    guard let delta = choice["delta"], case .object = delta else {
                        outcome.problem = "chunk \(number + 1) has a choice without a delta"
                        return outcome
                    }
                    role = role ?? delta["role"]?.stringValue
                    content += delta["content"]?.stringValue ?? ""
                    if case .array(let calls)? = delta["tool_calls"] { toolCalls += calls.count }
                } else {
                    content += choice["text"]?.stringValue ?? ""
                }
                if let reason = choice["finish_reason"]?.stringValue { finish = reason }
            }
        }
        guard sawChoice else {
            outcome.problem = "no chunk carries a choice"
            return outcome
        }
        if content.isEmpty, toolCalls == 0, finish == nil {
            outcome.problem = "the chunks assemble into an empty message with no finish_reason"
        }
        let message: JSONValue = chat
            ? .object(["role": .string(role ?? "assistant"), "content": .string(content)])
            : .null
        var choice: [String: JSONValue] = ["index": .int(0), "finish_reason": finish.map(JSONValue.string) ?? .null]
        if chat { choice["message"] = message } else { choice["text"] = .string(content) }
        outcome.assembled = .object(["choices": .array([.object(choice)])])
        return outcome
    }
}
