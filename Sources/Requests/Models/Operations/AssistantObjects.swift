import Core

// Objects the assistants family answers with. Lenient about extra fields; ids and the `object`
// tag are required, as every SDK reads them.

/// An assistant (`object: assistant`).
public struct AssistantObject: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var createdAt: Int
    public var model: String
    public var name: String?
    public var description: String?
    public var instructions: String?
    public var tools: [AssistantTool]
    public var toolResources: JSONValue?
    public var metadata: [String: String]?
    public var temperature: Double?
    public var topP: Double?
    public var responseFormat: JSONValue?

    public init(id: String, createdAt: Int, model: String, tools: [AssistantTool] = []) {
        self.id = id
        self.object = "assistant"
        self.createdAt = createdAt
        self.model = model
        self.tools = tools
    }

    enum CodingKeys: String, CodingKey {
        case id, object, model, name, description, instructions, tools, metadata, temperature
        case createdAt = "created_at"
        case toolResources = "tool_resources"
        case topP = "top_p"
        case responseFormat = "response_format"
    }
}

/// A thread (`object: thread`).
public struct ThreadObject: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var createdAt: Int
    public var metadata: [String: String]?
    public var toolResources: JSONValue?

    public init(id: String, createdAt: Int) {
        self.id = id
        self.object = "thread"
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, metadata
        case createdAt = "created_at"
        case toolResources = "tool_resources"
    }
}

/// A message of a thread (`object: thread.message`); content is a list of parts.
public struct MessageObject: Hashable, Sendable, Codable {
    /// A `text` part (`{"type": "text", "text": {"value": …, "annotations": […]}}`), or another
    /// kind kept as JSON.
    public struct Part: Hashable, Sendable, Codable {
        public struct Text: Hashable, Sendable, Codable {
            public var value: String
            public var annotations: [JSONValue]

            public init(value: String, annotations: [JSONValue] = []) {
                self.value = value
                self.annotations = annotations
            }
        }

        public var type: String
        public var text: Text?
        public var imageFile: JSONValue?

        public init(text: String) {
            self.type = "text"
            self.text = Text(value: text)
        }

        enum CodingKeys: String, CodingKey {
            case type, text
            case imageFile = "image_file"
        }
    }

    public var id: String
    public var object: String
    public var createdAt: Int
    public var threadID: String
    public var role: String
    public var content: [Part]
    public var assistantID: String?
    public var runID: String?
    public var attachments: JSONValue?
    public var metadata: [String: String]?
    public var status: String?

    public init(id: String, createdAt: Int, threadID: String, role: String, content: [Part]) {
        self.id = id
        self.object = "thread.message"
        self.createdAt = createdAt
        self.threadID = threadID
        self.role = role
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case id, object, role, content, attachments, metadata, status
        case createdAt = "created_at"
        case threadID = "thread_id"
        case assistantID = "assistant_id"
        case runID = "run_id"
    }
}

/// A run (`object: thread.run`).
public struct RunObject: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var createdAt: Int
    public var threadID: String
    public var assistantID: String
    /// `queued`, `in_progress`, `requires_action`, `cancelling`, `cancelled`, `failed`,
    /// `completed`, `incomplete`, `expired`.
    public var status: String
    public var requiredAction: JSONValue?
    public var lastError: JSONValue?
    public var model: String?
    public var instructions: String?
    public var tools: [AssistantTool]?
    public var usage: JSONValue?
    public var startedAt: Int?
    public var completedAt: Int?

    public init(id: String, createdAt: Int, threadID: String, assistantID: String, status: String) {
        self.id = id
        self.object = "thread.run"
        self.createdAt = createdAt
        self.threadID = threadID
        self.assistantID = assistantID
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, object, status, model, instructions, tools, usage
        case createdAt = "created_at"
        case threadID = "thread_id"
        case assistantID = "assistant_id"
        case requiredAction = "required_action"
        case lastError = "last_error"
        case startedAt = "started_at"
        case completedAt = "completed_at"
    }

    public static let statuses = ["queued", "in_progress", "requires_action", "cancelling", "cancelled", "failed", "completed", "incomplete", "expired"]
    /// Statuses after which a run no longer changes (the polling loops of the docs stop here).
    public static let terminalStatuses: Set<String> = ["cancelled", "failed", "completed", "incomplete", "expired"]
}

/// An uploaded file (`object: file`).
public struct FileObject: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var bytes: Int?
    public var createdAt: Int
    public var filename: String
    public var purpose: String
    public var status: String?

    public init(id: String, bytes: Int?, createdAt: Int, filename: String, purpose: String, status: String? = "processed") {
        self.id = id
        self.object = "file"
        self.bytes = bytes
        self.createdAt = createdAt
        self.filename = filename
        self.purpose = purpose
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, object, bytes, filename, purpose, status
        case createdAt = "created_at"
    }
}

/// A page of a list (`object: list`).
public struct ListResponse<Item: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var object: String
    public var data: [Item]
    public var firstID: String?
    public var lastID: String?
    public var hasMore: Bool?

    public init(data: [Item], firstID: String? = nil, lastID: String? = nil, hasMore: Bool = false) {
        self.object = "list"
        self.data = data
        self.firstID = firstID
        self.lastID = lastID
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case object, data
        case firstID = "first_id"
        case lastID = "last_id"
        case hasMore = "has_more"
    }
}

/// The answer to a delete (`assistant.deleted`, `thread.deleted`, `file`).
public struct DeletionStatus: Hashable, Sendable, Codable {
    public var id: String
    public var object: String
    public var deleted: Bool

    public init(id: String, object: String, deleted: Bool = true) {
        self.id = id
        self.object = object
        self.deleted = deleted
    }
}
