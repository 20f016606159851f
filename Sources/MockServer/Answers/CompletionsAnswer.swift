import Core

/// Legacy completions: a deterministic text completion of the prompt, or its stream.
enum CompletionsAnswer {
    static func answer(_ members: [String: JSONValue], model: String, now: Int) throws(MockError) -> MockAnswer {
        let read = MemberReader(members: members)
        let prompts: [String]
        switch members["prompt"] {
        case nil, .null?: prompts = [""]
        case .string(let s)?: prompts = [s]
        case .array(let items)?:
            prompts = try items.enumerated().map { (i, item) throws(MockError) -> String in
                guard case .string(let s) = item else {
                    throw .invalidRequest(param: "prompt[\(i)]", "Each prompt must be a string, not \(item.typeName).")
                }
                return s
            }
        case let other?: throw .invalidRequest(param: "prompt", "'prompt' must be a string or an array of strings, not \(other.typeName).")
        }
        let maxTokens = try read.int("max_tokens", in: 0...1_000_000)
        _ = try read.number("temperature", in: 0...2)
        _ = try read.number("top_p", in: 0...1)
        let n = try read.int("n", in: 1...128) ?? 1
        let stream = try read.bool("stream") ?? false
        var choices: [JSONValue] = []
        var completionTokens = 0
        for (p, prompt) in prompts.enumerated() {
            for c in 0..<n {
                var words = completionWords(prompt)
                var finish = "stop"
                if let maxTokens, words.count > maxTokens {
                    words = Array(words.prefix(maxTokens))
                    finish = "length"
                }
                completionTokens += words.count
                choices.append(.object([
                    "text": .string(words.isEmpty ? "" : " " + words.joined(separator: " ")), "index": .int(p * n + c),
                    "finish_reason": .string(finish), "logprobs": .null,
                ]))
            }
        }
        let promptTokens = prompts.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        let id = "cmpl-" + FNV1a64.hash(JSONValue.object(members).serialized()).paddedHex
        let usage = JSONValue.object([
            "prompt_tokens": .int(promptTokens), "completion_tokens": .int(completionTokens), "total_tokens": .int(promptTokens + completionTokens),
        ])
        func body(_ choices: [JSONValue], usage: JSONValue?) -> JSONValue {
            var m: [String: JSONValue] = [
                "id": .string(id), "object": .string("text_completion"), "created": .int(now), "model": .string(model), "choices": .array(choices),
            ]
            if let usage { m["usage"] = usage }
            return .object(m)
        }
        guard stream else { return .json(body(choices, usage: usage)) }
        // One event per choice with its whole text, then [DONE]: what stream readers need.
        let events = choices.map { "data: " + body([$0], usage: nil).serialized() + "\n\n" }.joined() + "data: [DONE]\n\n"
        return .events(events)
    }

    /// A fixed sentence naming the prompt's last words, so answers differ by prompt.
    static func completionWords(_ prompt: String) -> [String] {
        let tail = prompt.split(whereSeparator: \.isWhitespace).suffix(6).joined(separator: " ")
        let text = tail.isEmpty ? "This is the docverify mock completion." : "This is the docverify mock completion of: \(tail)"
        return text.split(separator: " ").map(String.init)
    }
}
