import Core
import Extraction

/// The assistants family's request schemas as code: assistants create / update, threads create,
/// messages create, runs create, thread-and-run, submit tool outputs.
struct AssistantsSchema {
    var reader = SymbolicReader()

    static let assistantFields: Set<String> = Set(AssistantRequest.CodingKeys.allCases.map(\.rawValue))
    static let threadFields: Set<String> = Set(ThreadRequest.CodingKeys.allCases.map(\.rawValue))
    static let messageFields: Set<String> = Set(MessageRequest.CodingKeys.allCases.map(\.rawValue))
    static let runFields: Set<String> = Set(RunRequest.CodingKeys.allCases.map(\.rawValue))
    static let submitFields: Set<String> = Set(SubmitToolOutputsRequest.CodingKeys.allCases.map(\.rawValue))

    // MARK: Assistants

    /// `requireModel`: create needs `model`; update does not.
    mutating func assistant(_ value: SymbolicValue, requireModel: Bool) -> AssistantRequest? {
        guard let m = reader.object(value, "", allowed: Self.assistantFields) else { return nil }
        let before = reader.issues.count
        var r = AssistantRequest()
        r.model = (requireModel ? reader.required(m, "model", "") : reader.optional(m, "model", "", nullable: false))
            .flatMap { reader.string($0, "model") }
        r.name = reader.optional(m, "name", "").flatMap { reader.string($0, "name") }
        r.description = reader.optional(m, "description", "").flatMap { reader.string($0, "description") }
        r.instructions = reader.optional(m, "instructions", "").flatMap { reader.string($0, "instructions") }
        r.tools = reader.optional(m, "tools", "", nullable: false).flatMap { tools($0, "tools") }
        r.toolResources = reader.optional(m, "tool_resources", "").flatMap { reader.freeJSON($0, "tool_resources", requireObject: true) }
        r.fileIDs = reader.optional(m, "file_ids", "", nullable: false).flatMap { reader.strings($0, "file_ids") }
        r.metadata = reader.optional(m, "metadata", "").flatMap { reader.stringMap($0, "metadata") }
        r.temperature = reader.optional(m, "temperature", "").flatMap { reader.number($0, "temperature", range: 0...2) }
        r.topP = reader.optional(m, "top_p", "").flatMap { reader.number($0, "top_p", range: 0...1) }
        r.responseFormat = reader.optional(m, "response_format", "").flatMap { responseFormat($0, "response_format") }
        return reader.issues.count == before ? r : nil
    }

    mutating func tools(_ value: SymbolicValue, _ path: String) -> [AssistantTool]? {
        reader.array(value, path, maxCount: 128).map { items in
            items.enumerated().compactMap { tool($1, JSONPath.element(path, $0)) }
        }
    }

    mutating func tool(_ value: SymbolicValue, _ path: String) -> AssistantTool? {
        if reader.bindIfPlaceholder(value, path) { return AssistantTool(type: "code_interpreter") }
        guard let o = reader.object(value, path, allowed: ["type", "function", "file_search"]) else { return nil }
        guard let type = reader.required(o, "type", path).flatMap({
            reader.oneOf($0, JSONPath.member(path, "type"), allowed: AssistantTool.types, what: "tool type")
        }) else { return nil }
        var tool = AssistantTool(type: type)
        if type == "function" {
            tool.function = reader.required(o, "function", path).flatMap { reader.functionDefinition($0, JSONPath.member(path, "function")) }
        }
        tool.fileSearch = reader.optional(o, "file_search", path).flatMap { reader.freeJSON($0, JSONPath.member(path, "file_search"), requireObject: true) }
        return tool
    }

    /// `"auto"` or `{"type": "text" | "json_object" | "json_schema", …}`.
    mutating func responseFormat(_ value: SymbolicValue, _ path: String) -> JSONValue? {
        switch value {
        case .string, .template, .placeholder:
            return reader.oneOf(value, path, allowed: ["auto"], what: "response format").map { .string($0) }
        case .object(let o):
            _ = reader.required(o, "type", path).flatMap {
                reader.oneOf($0, JSONPath.member(path, "type"), allowed: ["text", "json_object", "json_schema"], what: "response format type")
            }
            return reader.freeJSON(value, path)
        default:
            reader.expected("\"auto\" or an object", value, path)
            return nil
        }
    }

    // MARK: Threads and messages

    mutating func thread(_ value: SymbolicValue, _ path: String) -> ThreadRequest? {
        guard let m = reader.object(value, path, allowed: Self.threadFields) else { return nil }
        var r = ThreadRequest()
        let messagesPath = JSONPath.member(path, "messages")
        if let v = reader.optional(m, "messages", path, nullable: false), let items = reader.array(v, messagesPath) {
            r.messages = items.enumerated().compactMap { message($1, JSONPath.element(messagesPath, $0)) }
        }
        r.toolResources = reader.optional(m, "tool_resources", path).flatMap { reader.freeJSON($0, JSONPath.member(path, "tool_resources"), requireObject: true) }
        r.metadata = reader.optional(m, "metadata", path).flatMap { reader.stringMap($0, JSONPath.member(path, "metadata")) }
        return r
    }

    mutating func message(_ value: SymbolicValue, _ path: String) -> MessageRequest? {
        if reader.bindIfPlaceholder(value, path) { return MessageRequest(role: "user", content: .string("")) }
        guard let m = reader.object(value, path, allowed: Self.messageFields) else { return nil }
        let role = reader.required(m, "role", path).flatMap {
            reader.oneOf($0, JSONPath.member(path, "role"), allowed: MessageRequest.roles, what: "message role")
        }
        let content = reader.required(m, "content", path).flatMap { messageContent($0, JSONPath.member(path, "content")) }
        guard let role, let content else { return nil }
        var r = MessageRequest(role: role, content: content)
        r.attachments = reader.optional(m, "attachments", path).flatMap { attachments($0, JSONPath.member(path, "attachments")) }
        r.fileIDs = reader.optional(m, "file_ids", path, nullable: false).flatMap { reader.strings($0, JSONPath.member(path, "file_ids")) }
        r.metadata = reader.optional(m, "metadata", path).flatMap { reader.stringMap($0, JSONPath.member(path, "metadata")) }
        return r
    }

    /// A string, or an array of `text` / `image_file` / `image_url` parts.
    mutating func messageContent(_ value: SymbolicValue, _ path: String) -> JSONValue? {
        switch value {
        case .string, .template, .placeholder:
            return reader.string(value, path).map { .string($0) }
        case .array(let items):
            if items.isEmpty { reader.invalid(path, "must not be empty") }
            for (i, item) in items.enumerated() {
                let p = JSONPath.element(path, i)
                if reader.bindIfPlaceholder(item, p) { continue }
                guard let o = reader.object(item, p, allowed: ["type", "text", "image_file", "image_url"]) else { continue }
                guard let type = reader.required(o, "type", p).flatMap({
                    reader.oneOf($0, JSONPath.member(p, "type"), allowed: MessageRequest.partTypes, what: "content part type")
                }) else { continue }
                if type == "text" {
                    _ = reader.required(o, "text", p).flatMap { reader.string($0, JSONPath.member(p, "text")) }
                } else if let v = reader.required(o, type, p) {
                    let key = type == "image_file" ? "file_id" : "url"
                    if let inner = reader.object(v, JSONPath.member(p, type), allowed: [key, "detail"]) {
                        _ = reader.required(inner, key, JSONPath.member(p, type)).flatMap { reader.string($0, JSONPath.member(JSONPath.member(p, type), key)) }
                        _ = reader.optional(inner, "detail", JSONPath.member(p, type)).flatMap {
                            reader.oneOf($0, JSONPath.member(JSONPath.member(p, type), "detail"), allowed: ["auto", "low", "high"], what: "image detail")
                        }
                    }
                }
            }
            return reader.freeJSON(value, path)
        default:
            reader.expected("a string or an array of content parts", value, path)
            return nil
        }
    }

    mutating func attachments(_ value: SymbolicValue, _ path: String) -> JSONValue? {
        guard let items = reader.array(value, path) else { return nil }
        for (i, item) in items.enumerated() {
            let p = JSONPath.element(path, i)
            if reader.bindIfPlaceholder(item, p) { continue }
            guard let o = reader.object(item, p, allowed: ["file_id", "tools"]) else { continue }
            _ = reader.optional(o, "file_id", p, nullable: false).flatMap { reader.string($0, JSONPath.member(p, "file_id")) }
            _ = reader.optional(o, "tools", p, nullable: false).flatMap { tools($0, JSONPath.member(p, "tools")) }
        }
        return reader.freeJSON(value, path)
    }

    // MARK: Runs

    /// `threadAndRun`: the `/openai/threads/runs` form (takes `thread` and `tool_resources`, not
    /// `additional_*`).
    mutating func run(_ value: SymbolicValue, threadAndRun: Bool) -> RunRequest? {
        let allowed = Self.runFields.subtracting(threadAndRun ? RunRequest.runOnly : RunRequest.threadAndRunOnly)
        guard let m = reader.object(value, "", allowed: allowed) else { return nil }
        let before = reader.issues.count
        let assistant = reader.required(m, "assistant_id", "").flatMap { reader.string($0, "assistant_id") }
        var r = RunRequest(assistantID: assistant ?? "")
        if threadAndRun {
            r.thread = reader.optional(m, "thread", "").flatMap { thread($0, "thread") }
            r.toolResources = reader.optional(m, "tool_resources", "").flatMap { reader.freeJSON($0, "tool_resources", requireObject: true) }
            if let v = reader.optional(m, "stream_options", ""), let o = reader.object(v, "stream_options", allowed: ["include_usage"]) {
                r.streamOptions = StreamOptions(includeUsage: reader.optional(o, "include_usage", "stream_options").flatMap { reader.bool($0, "stream_options.include_usage") })
            }
        } else {
            r.additionalInstructions = reader.optional(m, "additional_instructions", "").flatMap { reader.string($0, "additional_instructions") }
            if let v = reader.optional(m, "additional_messages", ""), let items = reader.array(v, "additional_messages") {
                r.additionalMessages = items.enumerated().compactMap { message($1, JSONPath.element("additional_messages", $0)) }
            }
        }
        r.model = reader.optional(m, "model", "").flatMap { reader.string($0, "model") }
        r.instructions = reader.optional(m, "instructions", "").flatMap { reader.string($0, "instructions") }
        r.tools = reader.optional(m, "tools", "").flatMap { tools($0, "tools") }
        r.metadata = reader.optional(m, "metadata", "").flatMap { reader.stringMap($0, "metadata") }
        r.temperature = reader.optional(m, "temperature", "").flatMap { reader.number($0, "temperature", range: 0...2) }
        r.topP = reader.optional(m, "top_p", "").flatMap { reader.number($0, "top_p", range: 0...1) }
        r.stream = reader.optional(m, "stream", "").flatMap { reader.bool($0, "stream") }
        r.maxPromptTokens = reader.optional(m, "max_prompt_tokens", "").flatMap { reader.int($0, "max_prompt_tokens", range: 256...Int.max) }
        r.maxCompletionTokens = reader.optional(m, "max_completion_tokens", "").flatMap { reader.int($0, "max_completion_tokens", range: 256...Int.max) }
        r.truncationStrategy = reader.optional(m, "truncation_strategy", "").flatMap { truncation($0, "truncation_strategy") }
        r.toolChoice = reader.optional(m, "tool_choice", "").flatMap { toolChoice($0, "tool_choice") }
        r.parallelToolCalls = reader.optional(m, "parallel_tool_calls", "").flatMap { reader.bool($0, "parallel_tool_calls") }
        r.responseFormat = reader.optional(m, "response_format", "").flatMap { responseFormat($0, "response_format") }
        return reader.issues.count == before ? r : nil
    }

    mutating func truncation(_ value: SymbolicValue, _ path: String) -> JSONValue? {
        guard let o = reader.object(value, path, allowed: ["type", "last_messages"]) else { return nil }
        _ = reader.required(o, "type", path).flatMap { reader.oneOf($0, JSONPath.member(path, "type"), allowed: ["auto", "last_messages"], what: "truncation type") }
        _ = reader.optional(o, "last_messages", path).flatMap { reader.int($0, JSONPath.member(path, "last_messages"), range: 1...Int.max) }
        return reader.freeJSON(value, path)
    }

    /// `"none" | "auto" | "required"` or `{"type": "function", "function": {"name": …}}` /
    /// `{"type": "file_search" | "code_interpreter"}`.
    mutating func toolChoice(_ value: SymbolicValue, _ path: String) -> JSONValue? {
        if case .object(let o) = value {
            _ = reader.object(value, path, allowed: ["type", "function"])
            _ = reader.required(o, "type", path).flatMap {
                reader.oneOf($0, JSONPath.member(path, "type"), allowed: ["function", "file_search", "code_interpreter"], what: "tool choice type")
            }
            return reader.freeJSON(value, path)
        }
        return reader.oneOf(value, path, allowed: ["none", "auto", "required"], what: "tool choice").map { .string($0) }
    }

    mutating func submitToolOutputs(_ value: SymbolicValue) -> SubmitToolOutputsRequest? {
        guard let m = reader.object(value, "", allowed: Self.submitFields) else { return nil }
        let before = reader.issues.count
        var outputs: [SubmitToolOutputsRequest.ToolOutput] = []
        if let v = reader.required(m, "tool_outputs", ""), let items = reader.array(v, "tool_outputs") {
            for (i, item) in items.enumerated() {
                let p = JSONPath.element("tool_outputs", i)
                if reader.bindIfPlaceholder(item, p) { continue }
                guard let o = reader.object(item, p, allowed: ["tool_call_id", "output"]) else { continue }
                outputs.append(.init(
                    toolCallID: reader.optional(o, "tool_call_id", p, nullable: false).flatMap { reader.string($0, JSONPath.member(p, "tool_call_id")) },
                    output: reader.optional(o, "output", p, nullable: false).flatMap { reader.string($0, JSONPath.member(p, "output")) }))
            }
        }
        let stream = reader.optional(m, "stream", "").flatMap { reader.bool($0, "stream") }
        return reader.issues.count == before ? SubmitToolOutputsRequest(toolOutputs: outputs, stream: stream) : nil
    }
}
