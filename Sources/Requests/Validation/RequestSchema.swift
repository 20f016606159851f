import Core
import Extraction

/// The `createChatCompletionRequest` schema as code: reads each field into the typed model while
/// ``SymbolicReader`` collects problems.
struct RequestSchema {
    var reader = SymbolicReader()
    let options: ValidationOptions

    init(options: ValidationOptions) { self.options = options }

    static let topLevelFields: Set<String> = Set(ChatCompletionRequest.CodingKeys.allCases.map(\.rawValue))

    mutating func request(_ value: SymbolicValue) -> ChatCompletionRequest? {
        guard let m = reader.object(value, "", allowed: Self.topLevelFields) else { return nil }
        var messages: [ChatMessage] = []
        var messagesOK = true
        if let v = reader.required(m, "messages", "") {
            if let items = reader.array(v, "messages", minCount: 1) {
                for (i, item) in items.enumerated() {
                    if let message = message(item, JSONPath.element("messages", i)) { messages.append(message) } else { messagesOK = false }
                }
            }
        } else {
            messagesOK = false
        }

        var request = ChatCompletionRequest(messages: messages)
        request.model = reader.optional(m, "model", "", nullable: false).flatMap { reader.string($0, "model") }
        if let v = reader.optional(m, "modalities", "") {
            request.modalities = reader.array(v, "modalities").map { items in
                items.enumerated().compactMap { i, item in
                    reader.oneOf(item, JSONPath.element("modalities", i), allowed: options.modalities.map(\.rawValue), what: "modality")
                        .map(Modality.init(rawValue:))
                }
            } ?? (isPlaceholder(v) ? [] : nil)
        }
        if let v = reader.optional(m, "audio", "", nullable: true) { request.audio = audioOptions(v, "audio") }
        if request.wantsAudio, m["audio"] == nil || m["audio"] == .null {
            reader.invalid("audio", "missing required field 'audio': 'modalities' includes \"audio\", so set \"audio\": {\"voice\": …, \"format\": …}")
        }
        request.temperature = reader.optional(m, "temperature", "").flatMap { reader.number($0, "temperature", range: 0...2) }
        request.topP = reader.optional(m, "top_p", "").flatMap { reader.number($0, "top_p", range: 0...1) }
        request.n = reader.optional(m, "n", "").flatMap { reader.int($0, "n", range: 1...128) }
        request.stream = reader.optional(m, "stream", "").flatMap { reader.bool($0, "stream") }
        if let v = reader.optional(m, "stream_options", ""),
           let o = reader.object(v, "stream_options", allowed: ["include_usage"]) {
            request.streamOptions = StreamOptions(
                includeUsage: reader.optional(o, "include_usage", "stream_options", nullable: false)
                    .flatMap { reader.bool($0, "stream_options.include_usage") })
        }
        if let v = reader.optional(m, "stop", "") { request.stop = stop(v) }
        request.maxTokens = reader.optional(m, "max_tokens", "").flatMap { reader.int($0, "max_tokens", range: 0...Int.max) }
        request.maxCompletionTokens = reader.optional(m, "max_completion_tokens", "")
            .flatMap { reader.int($0, "max_completion_tokens", range: 0...Int.max) }
        request.presencePenalty = reader.optional(m, "presence_penalty", "").flatMap { reader.number($0, "presence_penalty", range: -2...2) }
        request.frequencyPenalty = reader.optional(m, "frequency_penalty", "").flatMap { reader.number($0, "frequency_penalty", range: -2...2) }
        if let v = reader.optional(m, "logit_bias", ""), !reader.bindIfPlaceholder(v, "logit_bias") {
            if case .object(let biases) = v {
                var out: [String: Int] = [:]
                for (k, b) in biases {
                    if let i = reader.int(b, JSONPath.member("logit_bias", k), range: -100...100) { out[k] = i }
                }
                request.logitBias = out
            } else {
                reader.expected("an object", v, "logit_bias")
            }
        }
        request.logprobs = reader.optional(m, "logprobs", "").flatMap { reader.bool($0, "logprobs") }
        request.topLogprobs = reader.optional(m, "top_logprobs", "").flatMap { reader.int($0, "top_logprobs", range: 0...20) }
        request.user = reader.optional(m, "user", "", nullable: false).flatMap { reader.string($0, "user") }
        request.store = reader.optional(m, "store", "").flatMap { reader.bool($0, "store") }
        if let v = reader.optional(m, "metadata", ""), !reader.bindIfPlaceholder(v, "metadata") {
            if case .object(let entries) = v {
                var out: [String: String] = [:]
                for (k, e) in entries {
                    if let s = reader.string(e, JSONPath.member("metadata", k)) { out[k] = s }
                }
                request.metadata = out
            } else {
                reader.expected("an object", v, "metadata")
            }
        }
        if let v = reader.optional(m, "tools", "", nullable: false), let items = reader.array(v, "tools") {
            request.tools = items.enumerated().compactMap { tool($1, JSONPath.element("tools", $0)) }
        }
        if let v = reader.optional(m, "tool_choice", "", nullable: false) { request.toolChoice = toolChoice(v) }
        request.parallelToolCalls = reader.optional(m, "parallel_tool_calls", "").flatMap { reader.bool($0, "parallel_tool_calls") }
        if let v = reader.optional(m, "functions", "", nullable: false),
           let items = reader.array(v, "functions", minCount: 1, maxCount: 128) {
            request.functions = items.enumerated().compactMap { functionDeclaration($1, JSONPath.element("functions", $0)) }
        }
        if let v = reader.optional(m, "function_call", "", nullable: false) { request.functionCall = functionCallOption(v) }
        if let v = reader.optional(m, "response_format", "", nullable: false) { request.responseFormat = responseFormat(v) }
        request.seed = reader.optional(m, "seed", "").flatMap { reader.int($0, "seed") }
        if let v = reader.optional(m, "prediction", "") { request.prediction = prediction(v) }
        if let v = reader.optional(m, "reasoning_effort", "", nullable: false) {
            request.reasoningEffort = reader.oneOf(v, "reasoning_effort", allowed: ReasoningEffort.specValues.map(\.rawValue), what: "reasoning effort")
                .map(ReasoningEffort.init(rawValue:))
        }
        if let v = reader.optional(m, "data_sources", "", nullable: false), let items = reader.array(v, "data_sources") {
            request.dataSources = items.enumerated().compactMap { dataSource($1, JSONPath.element("data_sources", $0)) }
        }
        if let v = reader.optional(m, "user_security_context", "", nullable: false) {
            request.userSecurityContext = userSecurityContext(v)
        }
        return messagesOK ? request : nil
    }

    func isPlaceholder(_ v: SymbolicValue) -> Bool {
        if case .placeholder = v { return true }
        return false
    }

    // MARK: Messages

    static let messageFields: [ChatRole: Set<String>] = [
        .system: ["role", "content", "name"],
        .developer: ["role", "content", "name"],
        .user: ["role", "content", "name"],
        .assistant: ["role", "content", "refusal", "name", "tool_calls", "function_call", "audio", "context"],
        .tool: ["role", "content", "tool_call_id", "name"],
        .function: ["role", "content", "name"],
    ]

    static let partTypes: [ChatRole: [String]] = [
        .system: ["text"], .developer: ["text"], .tool: ["text"],
        .user: ["text", "image_url", "input_audio"],
        .assistant: ["text", "refusal"],
    ]

    mutating func message(_ value: SymbolicValue, _ path: String) -> ChatMessage? {
        if reader.bindIfPlaceholder(value, path) { return .user(UserMessage(content: .text(""))) }
        guard case .object(let m) = value else {
            reader.expected("an object", value, path)
            return nil
        }
        guard let roleValue = reader.required(m, "role", path) else { return nil }
        let rolePath = JSONPath.member(path, "role")
        guard let roleText = reader.oneOf(roleValue, rolePath, allowed: ChatRole.allCases.map(\.rawValue), what: "role") else { return nil }
        // A run-time role cannot be checked; treat it as the most permissive message.
        let role = ChatRole(rawValue: roleText) ?? .user
        _ = reader.object(value, path, allowed: Self.messageFields[role]!)
        let before = reader.issues.count
        let name = reader.optional(m, "name", path, nullable: false).flatMap { reader.string($0, JSONPath.member(path, "name")) }
        let contentPath = JSONPath.member(path, "content")
        switch role {
        case .system, .developer, .user:
            let content = reader.required(m, "content", path).flatMap { messageContent($0, contentPath, role: role) }
            guard let content, reader.issues.count == before else { return nil }
            switch role {
            case .system: return .system(SystemMessage(content: content, name: name))
            case .developer: return .developer(DeveloperMessage(content: content, name: name))
            default: return .user(UserMessage(content: content, name: name))
            }
        case .assistant:
            var message = AssistantMessage(name: name)
            message.content = reader.optional(m, "content", path).flatMap { messageContent($0, contentPath, role: role) }
            message.refusal = reader.optional(m, "refusal", path).flatMap { reader.string($0, JSONPath.member(path, "refusal")) }
            if let v = reader.optional(m, "tool_calls", path, nullable: false),
               let items = reader.array(v, JSONPath.member(path, "tool_calls")) {
                message.toolCalls = items.enumerated().compactMap { toolCall($1, JSONPath.element(JSONPath.member(path, "tool_calls"), $0)) }
            }
            if let v = reader.optional(m, "function_call", path) {
                message.functionCall = functionCall(v, JSONPath.member(path, "function_call"))
            }
            if let v = reader.optional(m, "audio", path) {
                let audioPath = JSONPath.member(path, "audio")
                if reader.bindIfPlaceholder(v, audioPath) {
                    message.audio = AssistantAudioReference(id: "")
                } else if let a = reader.object(v, audioPath, allowed: ["id"]) {
                    message.audio = reader.required(a, "id", audioPath)
                        .flatMap { reader.string($0, JSONPath.member(audioPath, "id")) }
                        .map(AssistantAudioReference.init(id:))
                }
            }
            if let v = reader.optional(m, "context", path, nullable: false) {
                message.context = reader.freeJSON(v, JSONPath.member(path, "context"), requireObject: true)
            }
            return reader.issues.count == before ? .assistant(message) : nil
        case .tool:
            let content = reader.required(m, "content", path).flatMap { messageContent($0, contentPath, role: role) }
            let id = reader.required(m, "tool_call_id", path).flatMap { reader.string($0, JSONPath.member(path, "tool_call_id")) }
            guard let content, let id, reader.issues.count == before else { return nil }
            return .tool(ToolMessage(content: content, toolCallID: id, name: name))
        case .function:
            var content: String?
            if m["content"] == nil {
                reader.invalid(contentPath, "missing required field 'content'")
            } else if let v = reader.optional(m, "content", path) {
                content = reader.string(v, contentPath)
            }
            let fname = reader.required(m, "name", path).flatMap { reader.string($0, JSONPath.member(path, "name")) }
            guard let fname, reader.issues.count == before else { return nil }
            return .function(FunctionMessage(content: content, name: fname))
        }
    }

    mutating func messageContent(_ value: SymbolicValue, _ path: String, role: ChatRole) -> MessageContent? {
        switch value {
        case .string, .template, .placeholder:
            return reader.string(value, path).map(MessageContent.text)
        case .array:
            guard let items = reader.array(value, path, minCount: 1) else { return nil }
            var parts: [ContentPart] = []
            for (i, item) in items.enumerated() {
                if let part = part(item, JSONPath.element(path, i), allowedTypes: Self.partTypes[role] ?? ["text"], role: role) {
                    parts.append(part)
                }
            }
            return parts.count == items.count ? .parts(parts) : nil
        default:
            reader.expected("a string or an array of content parts", value, path)
            return nil
        }
    }

    static let partFields: [String: String] = [
        "text": "text", "image_url": "image_url", "input_audio": "input_audio", "refusal": "refusal",
    ]

    mutating func part(_ value: SymbolicValue, _ path: String, allowedTypes: [String], role: ChatRole) -> ContentPart? {
        if reader.bindIfPlaceholder(value, path) { return .text("") }
        guard case .object(let m) = value else {
            reader.expected("an object", value, path)
            return nil
        }
        let typePath = JSONPath.member(path, "type")
        guard let typeValue = reader.required(m, "type", path), let type = reader.string(typeValue, typePath) else { return nil }
        guard let field = Self.partFields[type] else {
            reader.invalid(typePath, "'\(type)' is not a content part type; expected one of \(allowedTypes.joined(separator: ", "))")
            return nil
        }
        guard allowedTypes.contains(type) else {
            reader.invalid(typePath, "'\(type)' parts are not allowed in \(role.rawValue) messages; expected \(allowedTypes.joined(separator: " or "))")
            return nil
        }
        let before = reader.issues.count
        _ = reader.object(value, path, allowed: ["type", field])
        guard let v = reader.required(m, field, path) else { return nil }
        let fieldPath = JSONPath.member(path, field)
        var result: ContentPart?
        switch type {
        case "text": result = reader.string(v, fieldPath).map(ContentPart.text)
        case "refusal": result = reader.string(v, fieldPath).map(ContentPart.refusal)
        case "image_url":
            if reader.bindIfPlaceholder(v, fieldPath) {
                result = .imageURL(ImageURL(url: ""))
            } else if let o = reader.object(v, fieldPath, allowed: ["url", "detail"]) {
                let url = reader.required(o, "url", fieldPath).flatMap { reader.string($0, JSONPath.member(fieldPath, "url")) }
                let detail = reader.optional(o, "detail", fieldPath, nullable: false).flatMap {
                    reader.oneOf($0, JSONPath.member(fieldPath, "detail"), allowed: ImageDetail.specValues.map(\.rawValue), what: "image detail")
                }
                if let url { result = .imageURL(ImageURL(url: url, detail: detail.map(ImageDetail.init(rawValue:)))) }
            }
        default: // input_audio
            if reader.bindIfPlaceholder(v, fieldPath) {
                result = .inputAudio(InputAudio(data: "", format: .wav))
            } else if let o = reader.object(v, fieldPath, allowed: ["data", "format"]) {
                let data = reader.required(o, "data", fieldPath).flatMap { reader.string($0, JSONPath.member(fieldPath, "data")) }
                let format = reader.required(o, "format", fieldPath).flatMap {
                    reader.oneOf($0, JSONPath.member(fieldPath, "format"), allowed: options.inputAudioFormats.map(\.rawValue), what: "input audio format")
                }
                if let data, let format { result = .inputAudio(InputAudio(data: data, format: InputAudioFormat(rawValue: format))) }
            }
        }
        return reader.issues.count == before ? result : nil
    }

    // MARK: Options

    mutating func audioOptions(_ value: SymbolicValue, _ path: String) -> AudioOutputOptions? {
        if reader.bindIfPlaceholder(value, path) { return AudioOutputOptions(voice: "", format: "") }
        guard let o = reader.object(value, path, allowed: ["voice", "format"]) else { return nil }
        let voice = reader.required(o, "voice", path).flatMap {
            reader.oneOf($0, JSONPath.member(path, "voice"), allowed: options.voices.map(\.rawValue), what: "voice")
        }
        let format = reader.required(o, "format", path).flatMap {
            reader.oneOf($0, JSONPath.member(path, "format"), allowed: options.outputFormats.map(\.rawValue), what: "audio format")
        }
        guard let voice, let format else { return nil }
        return AudioOutputOptions(voice: Voice(rawValue: voice), format: AudioOutputFormat(rawValue: format))
    }

    mutating func stop(_ value: SymbolicValue) -> StopSequences? {
        if case .array = value {
            guard let items = reader.array(value, "stop", minCount: 1, maxCount: 4) else { return nil }
            return .multiple(items.enumerated().compactMap { reader.string($1, JSONPath.element("stop", $0)) })
        }
        if reader.bindIfPlaceholder(value, "stop") { return .single("") }
        switch value {
        case .string, .template: return reader.string(value, "stop").map(StopSequences.single)
        default:
            reader.expected("a string or an array of strings", value, "stop")
            return nil
        }
    }

    mutating func tool(_ value: SymbolicValue, _ path: String) -> ChatTool? {
        guard let o = reader.object(value, path, allowed: ["type", "function"]) else { return nil }
        _ = reader.required(o, "type", path).flatMap { reader.oneOf($0, JSONPath.member(path, "type"), allowed: ["function"], what: "tool type") }
        guard let f = reader.required(o, "function", path) else { return nil }
        let fpath = JSONPath.member(path, "function")
        guard let fo = reader.object(f, fpath, allowed: ["name", "description", "parameters", "strict"]) else { return nil }
        let name = reader.required(fo, "name", fpath).flatMap { reader.string($0, JSONPath.member(fpath, "name")) }
        let description = reader.optional(fo, "description", fpath, nullable: false).flatMap { reader.string($0, JSONPath.member(fpath, "description")) }
        let parameters = reader.optional(fo, "parameters", fpath, nullable: false).flatMap { reader.freeJSON($0, JSONPath.member(fpath, "parameters"), requireObject: true) }
        let strict = reader.optional(fo, "strict", fpath).flatMap { reader.bool($0, JSONPath.member(fpath, "strict")) }
        guard let name else { return nil }
        return ChatTool(function: FunctionDefinition(name: name, description: description, parameters: parameters, strict: strict))
    }

    mutating func toolChoice(_ value: SymbolicValue) -> ToolChoice? {
        if case .object = value {
            guard let o = reader.object(value, "tool_choice", allowed: ["type", "function"]) else { return nil }
            _ = reader.required(o, "type", "tool_choice").flatMap { reader.oneOf($0, "tool_choice.type", allowed: ["function"], what: "tool choice type") }
            guard let f = reader.required(o, "function", "tool_choice"),
                  let fo = reader.object(f, "tool_choice.function", allowed: ["name"]),
                  let name = reader.required(fo, "name", "tool_choice.function").flatMap({ reader.string($0, "tool_choice.function.name") })
            else { return nil }
            return .function(name: name)
        }
        switch reader.oneOf(value, "tool_choice", allowed: ["none", "auto", "required"], what: "tool choice") {
        case "none": return ToolChoice.none
        case "auto": return .auto
        case "required": return .required
        default: return nil
        }
    }

    mutating func functionDeclaration(_ value: SymbolicValue, _ path: String) -> FunctionDeclaration? {
        guard let o = reader.object(value, path, allowed: ["name", "description", "parameters"]) else { return nil }
        let name = reader.required(o, "name", path).flatMap { reader.string($0, JSONPath.member(path, "name")) }
        let description = reader.optional(o, "description", path, nullable: false).flatMap { reader.string($0, JSONPath.member(path, "description")) }
        let parameters = reader.optional(o, "parameters", path, nullable: false).flatMap { reader.freeJSON($0, JSONPath.member(path, "parameters"), requireObject: true) }
        return name.map { FunctionDeclaration(name: $0, description: description, parameters: parameters) }
    }

    mutating func functionCallOption(_ value: SymbolicValue) -> FunctionCallOption? {
        if case .object = value {
            guard let o = reader.object(value, "function_call", allowed: ["name"]),
                  let name = reader.required(o, "name", "function_call").flatMap({ reader.string($0, "function_call.name") })
            else { return nil }
            return .function(name: name)
        }
        switch reader.oneOf(value, "function_call", allowed: ["none", "auto"], what: "function call mode") {
        case "none": return FunctionCallOption.none
        case "auto": return .auto
        default: return nil
        }
    }

    mutating func toolCall(_ value: SymbolicValue, _ path: String) -> ToolCall? {
        guard let o = reader.object(value, path, allowed: ["id", "type", "function"]) else { return nil }
        let id = reader.required(o, "id", path).flatMap { reader.string($0, JSONPath.member(path, "id")) }
        let type = reader.required(o, "type", path).flatMap { reader.oneOf($0, JSONPath.member(path, "type"), allowed: ["function"], what: "tool call type") }
        let function = reader.required(o, "function", path).flatMap { functionCall($0, JSONPath.member(path, "function")) }
        guard let id, let type, let function else { return nil }
        return ToolCall(id: id, type: type, function: function)
    }

    mutating func functionCall(_ value: SymbolicValue, _ path: String) -> FunctionCall? {
        guard let o = reader.object(value, path, allowed: ["name", "arguments"]) else { return nil }
        let name = reader.required(o, "name", path).flatMap { reader.string($0, JSONPath.member(path, "name")) }
        let arguments = reader.required(o, "arguments", path).flatMap { reader.string($0, JSONPath.member(path, "arguments")) }
        guard let name, let arguments else { return nil }
        return FunctionCall(name: name, arguments: arguments)
    }

    mutating func responseFormat(_ value: SymbolicValue) -> ResponseFormat? {
        let path = "response_format"
        guard case .object(let o) = value else {
            reader.expected("an object", value, path)
            return nil
        }
        guard let type = reader.required(o, "type", path).flatMap({
            reader.oneOf($0, "response_format.type", allowed: ["text", "json_object", "json_schema"], what: "response format type")
        }) else { return nil }
        switch type {
        case "text":
            _ = reader.object(value, path, allowed: ["type"])
            return .text
        case "json_object":
            _ = reader.object(value, path, allowed: ["type"])
            return .jsonObject
        default:
            _ = reader.object(value, path, allowed: ["type", "json_schema"])
            let spath = "response_format.json_schema"
            guard let s = reader.required(o, "json_schema", path),
                  let so = reader.object(s, spath, allowed: ["name", "description", "schema", "strict"]) else { return nil }
            let name = reader.required(so, "name", spath).flatMap { reader.string($0, spath + ".name") }
            let description = reader.optional(so, "description", spath, nullable: false).flatMap { reader.string($0, spath + ".description") }
            let schema = reader.required(so, "schema", spath).flatMap { reader.freeJSON($0, spath + ".schema", requireObject: true) }
            let strict = reader.optional(so, "strict", spath).flatMap { reader.bool($0, spath + ".strict") }
            guard let name, let schema else { return nil }
            return .jsonSchema(JSONSchemaFormat(name: name, description: description, schema: schema, strict: strict))
        }
    }

    mutating func prediction(_ value: SymbolicValue) -> PredictionContent? {
        guard let o = reader.object(value, "prediction", allowed: ["type", "content"]) else { return nil }
        let type = reader.required(o, "type", "prediction").flatMap { reader.oneOf($0, "prediction.type", allowed: ["content"], what: "prediction type") }
        let content = reader.required(o, "content", "prediction").flatMap { messageContent($0, "prediction.content", role: .system) }
        guard let type, let content else { return nil }
        return PredictionContent(type: type, content: content)
    }

    mutating func dataSource(_ value: SymbolicValue, _ path: String) -> DataSource? {
        guard let o = reader.object(value, path, allowed: ["type", "parameters"]) else { return nil }
        let type = reader.required(o, "type", path).flatMap {
            reader.oneOf($0, JSONPath.member(path, "type"), allowed: DataSourceType.specValues.map(\.rawValue), what: "data source type")
        }
        let parameters = reader.optional(o, "parameters", path, nullable: false).flatMap { reader.freeJSON($0, JSONPath.member(path, "parameters"), requireObject: true) }
        return type.map { DataSource(type: DataSourceType(rawValue: $0), parameters: parameters) }
    }

    mutating func userSecurityContext(_ value: SymbolicValue) -> UserSecurityContext? {
        let path = "user_security_context"
        guard let o = reader.object(value, path, allowed: ["application_name", "end_user_id", "end_user_tenant_id", "source_ip"]) else { return nil }
        func field(_ key: String, _ r: inout SymbolicReader) -> String? {
            r.optional(o, key, path, nullable: false).flatMap { r.string($0, JSONPath.member(path, key)) }
        }
        return UserSecurityContext(
            applicationName: field("application_name", &reader), endUserID: field("end_user_id", &reader),
            endUserTenantID: field("end_user_tenant_id", &reader), sourceIP: field("source_ip", &reader))
    }
}
