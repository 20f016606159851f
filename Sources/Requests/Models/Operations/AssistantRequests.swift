import Core

/// A tool an assistant or run may use: `code_interpreter`, `file_search` (assistants v2),
/// `retrieval` (v1), or `function` with its definition.
public struct AssistantTool: Hashable, Sendable, Codable {
    public var type: String
    public var function: FunctionDefinition?
    /// `file_search` options (`max_num_results`, `ranking_options`), kept as JSON.
    public var fileSearch: JSONValue?

    public init(type: String, function: FunctionDefinition? = nil, fileSearch: JSONValue? = nil) {
        self.type = type
        self.function = function
        self.fileSearch = fileSearch
    }

    enum CodingKeys: String, CodingKey {
        case type, function
        case fileSearch = "file_search"
    }

    public static let types = ["code_interpreter", "file_search", "function", "retrieval"]
}

/// The body of `POST /openai/assistants` (create; `model` required) and
/// `POST /openai/assistants/{id}` (update; every field optional).
public struct AssistantRequest: Hashable, Sendable, Codable {
    public var model: String?
    public var name: String?
    public var description: String?
    public var instructions: String?
    public var tools: [AssistantTool]?
    /// `{"code_interpreter": {"file_ids": […]}, "file_search": {"vector_store_ids": […]}}`.
    public var toolResources: JSONValue?
    /// Assistants v1 (2024-02-15-preview … 2024-04-01-preview).
    public var fileIDs: [String]?
    public var metadata: [String: String]?
    public var temperature: Double?
    public var topP: Double?
    /// `"auto"` or `{"type": "text" | "json_object" | "json_schema", …}`, kept as JSON.
    public var responseFormat: JSONValue?

    public init(model: String? = nil) {
        self.model = model
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, name, description, instructions, tools, metadata, temperature
        case toolResources = "tool_resources"
        case fileIDs = "file_ids"
        case topP = "top_p"
        case responseFormat = "response_format"
    }
}

/// A message as `POST /openai/threads/{id}/messages` and `threads.create`'s `messages[]` take it.
public struct MessageRequest: Hashable, Sendable, Codable {
    /// `user` or `assistant`.
    public var role: String
    /// A string, or parts (`text`, `image_file`, `image_url`) kept as JSON.
    public var content: JSONValue
    /// `[{"file_id": …, "tools": [{"type": …}]}]`.
    public var attachments: JSONValue?
    public var fileIDs: [String]?
    public var metadata: [String: String]?

    public init(role: String, content: JSONValue) {
        self.role = role
        self.content = content
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case role, content, attachments, metadata
        case fileIDs = "file_ids"
    }

    public static let roles = ["user", "assistant"]
    public static let partTypes = ["text", "image_file", "image_url"]
}

/// The body of `POST /openai/threads` (every field optional).
public struct ThreadRequest: Hashable, Sendable, Codable {
    public var messages: [MessageRequest]?
    public var toolResources: JSONValue?
    public var metadata: [String: String]?

    public init(messages: [MessageRequest]? = nil) {
        self.messages = messages
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case messages, metadata
        case toolResources = "tool_resources"
    }
}

/// The body of `POST /openai/threads/{id}/runs` (create) and, with `thread`, of
/// `POST /openai/threads/runs` (create thread and run).
public struct RunRequest: Hashable, Sendable, Codable {
    public var assistantID: String
    /// Thread and run only: the thread to create.
    public var thread: ThreadRequest?
    public var model: String?
    public var instructions: String?
    /// Run create only.
    public var additionalInstructions: String?
    /// Run create only.
    public var additionalMessages: [MessageRequest]?
    public var tools: [AssistantTool]?
    /// Thread and run only.
    public var toolResources: JSONValue?
    public var metadata: [String: String]?
    public var temperature: Double?
    public var topP: Double?
    public var stream: Bool?
    /// Thread and run only.
    public var streamOptions: StreamOptions?
    public var maxPromptTokens: Int?
    public var maxCompletionTokens: Int?
    public var truncationStrategy: JSONValue?
    public var toolChoice: JSONValue?
    public var parallelToolCalls: Bool?
    public var responseFormat: JSONValue?

    public init(assistantID: String) {
        self.assistantID = assistantID
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case thread, model, instructions, tools, metadata, temperature, stream
        case assistantID = "assistant_id"
        case additionalInstructions = "additional_instructions"
        case additionalMessages = "additional_messages"
        case toolResources = "tool_resources"
        case streamOptions = "stream_options"
        case topP = "top_p"
        case maxPromptTokens = "max_prompt_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case truncationStrategy = "truncation_strategy"
        case toolChoice = "tool_choice"
        case parallelToolCalls = "parallel_tool_calls"
        case responseFormat = "response_format"
    }

    /// Members each form takes (the other form's extras are unknown to it).
    static let runOnly: Set<String> = ["additional_instructions", "additional_messages"]
    static let threadAndRunOnly: Set<String> = ["thread", "tool_resources", "stream_options"]
}

/// The body of `POST /openai/threads/{id}/runs/{id}/submit_tool_outputs`.
public struct SubmitToolOutputsRequest: Hashable, Sendable, Codable {
    public struct ToolOutput: Hashable, Sendable, Codable {
        public var toolCallID: String?
        public var output: String?

        public init(toolCallID: String?, output: String?) {
            self.toolCallID = toolCallID
            self.output = output
        }

        enum CodingKeys: String, CodingKey {
            case output
            case toolCallID = "tool_call_id"
        }
    }

    public var toolOutputs: [ToolOutput]
    public var stream: Bool?

    public init(toolOutputs: [ToolOutput], stream: Bool? = nil) {
        self.toolOutputs = toolOutputs
        self.stream = stream
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case stream
        case toolOutputs = "tool_outputs"
    }
}
