import Core

/// The assistants family's resources as the mock keeps them. JSON shapes follow the Assistants v2
/// API; fields the mock has no use for are answered with the service's defaults.
struct StoredAssistant: Sendable {
    var id: String
    var createdAt: Int
    var members: [String: JSONValue]

    var functionNames: [String] {
        (members["tools"]?.arrayValue ?? []).compactMap { tool in
            tool["type"]?.stringValue == "function" ? tool["function"]?["name"]?.stringValue : nil
        }
    }

    var json: JSONValue {
        var m: [String: JSONValue] = [
            "id": .string(id), "object": .string("assistant"), "created_at": .int(createdAt),
            "name": .null, "description": .null, "instructions": .null, "tools": .array([]), "tool_resources": .object([:]),
            "metadata": .object([:]), "temperature": .double(1), "top_p": .double(1), "response_format": .string("auto"),
        ]
        for (k, v) in members { m[k] = v }
        return .object(m)
    }
}

struct StoredMessage: Sendable {
    var id: String
    var createdAt: Int
    var threadID: String
    var role: String
    var text: String
    var assistantID: String?
    var runID: String?
    var metadata: JSONValue

    var json: JSONValue {
        .object([
            "id": .string(id), "object": .string("thread.message"), "created_at": .int(createdAt), "thread_id": .string(threadID),
            "role": .string(role), "status": .string("completed"), "completed_at": .int(createdAt), "incomplete_at": .null,
            "incomplete_details": .null, "assistant_id": assistantID.map(JSONValue.string) ?? .null,
            "run_id": runID.map(JSONValue.string) ?? .null, "attachments": .array([]), "metadata": metadata,
            "content": .array([.object(["type": .string("text"), "text": .object(["value": .string(text), "annotations": .array([])])])]),
        ])
    }
}

struct StoredThread: Sendable {
    var id: String
    var createdAt: Int
    var metadata: JSONValue
    /// Message ids, oldest first (the messages themselves live in their own bounded store).
    var messageIDs: [String] = []
    var runIDs: [String] = []

    var json: JSONValue {
        .object([
            "id": .string(id), "object": .string("thread"), "created_at": .int(createdAt), "metadata": metadata,
            "tool_resources": .object([:]),
        ])
    }
}

struct StoredRun: Sendable {
    enum Status: String, Sendable {
        case queued, inProgress = "in_progress", requiresAction = "requires_action", cancelling, cancelled, completed, failed, expired
        var isTerminal: Bool { [.cancelled, .completed, .failed, .expired].contains(self) }
    }

    var id: String
    var createdAt: Int
    var threadID: String
    var assistantID: String
    var model: String
    var instructions: JSONValue
    var tools: JSONValue
    var status: Status = .queued
    /// Retrieves so far; the run moves one state per retrieve.
    var retrieves = 0
    /// Function to call before completing (the assistant has function tools), until outputs arrive.
    var pendingFunction: String?
    var toolCallID: String?
    var startedAt: Int?
    var completedAt: Int?
    var cancelledAt: Int?
    var metadata: JSONValue

    var json: JSONValue {
        var required: JSONValue = .null
        if status == .requiresAction, let name = pendingFunction, let toolCallID {
            required = .object([
                "type": .string("submit_tool_outputs"),
                "submit_tool_outputs": .object([
                    "tool_calls": .array([.object([
                        "id": .string(toolCallID), "type": .string("function"),
                        "function": .object(["name": .string(name), "arguments": .string("{}")]),
                    ])])
                ]),
            ])
        }
        func time(_ t: Int?) -> JSONValue { t.map(JSONValue.int) ?? .null }
        return .object([
            "id": .string(id), "object": .string("thread.run"), "created_at": .int(createdAt), "thread_id": .string(threadID),
            "assistant_id": .string(assistantID), "status": .string(status.rawValue), "required_action": required,
            "last_error": .null, "expires_at": status.isTerminal ? .null : .int(createdAt + 600), "started_at": time(startedAt),
            "cancelled_at": time(cancelledAt), "failed_at": .null, "completed_at": time(completedAt), "incomplete_details": .null,
            "model": .string(model), "instructions": instructions, "tools": tools, "metadata": metadata,
            "usage": status == .completed
                ? .object(["prompt_tokens": .int(20), "completion_tokens": .int(16), "total_tokens": .int(36)]) : .null,
            "temperature": .double(1), "top_p": .double(1), "max_prompt_tokens": .null, "max_completion_tokens": .null,
            "truncation_strategy": .object(["type": .string("auto"), "last_messages": .null]), "tool_choice": .string("auto"),
            "parallel_tool_calls": .bool(true), "response_format": .string("auto"),
        ])
    }
}

struct StoredFile: Sendable {
    var id: String
    var createdAt: Int
    var filename: String
    var purpose: String
    var bytes: Int

    var json: JSONValue {
        .object([
            "id": .string(id), "object": .string("file"), "created_at": .int(createdAt), "filename": .string(filename),
            "purpose": .string(purpose), "bytes": .int(bytes), "status": .string("processed"), "status_details": .null,
            // The service's file object carries it (null when the upload set no expiry).
            "expires_at": .null,
        ])
    }
}
