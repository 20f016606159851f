import Core
import Foundation

/// The stateful assistants family: assistants, threads and their messages, runs, files. State lives
/// as long as the mock process, each kind in a ``BoundedStore``. Runs advance one state per
/// retrieve (queued → in_progress → completed, through requires_action when the assistant has
/// function tools), and a completed run appends the assistant's reply to its thread.
actor AssistantsService {
    struct Settings: Sendable {
        /// Retrieves a run takes to finish: 1 completes on the first retrieve.
        var runSteps: Int
        /// Entries each store keeps.
        var capacity: Int
    }

    let settings: Settings
    private var assistants: BoundedStore<StoredAssistant>
    private var threads: BoundedStore<StoredThread>
    private var messages: BoundedStore<StoredMessage>
    private var runs: BoundedStore<StoredRun>
    private var files: BoundedStore<StoredFile>
    private var counter: UInt64 = 0

    init(settings: Settings) {
        self.settings = settings
        assistants = BoundedStore(capacity: settings.capacity)
        threads = BoundedStore(capacity: settings.capacity)
        // A thread holds several messages and runs: give those stores room for that.
        messages = BoundedStore(capacity: settings.capacity * 8)
        runs = BoundedStore(capacity: settings.capacity * 2)
        files = BoundedStore(capacity: settings.capacity)
    }

    var counts: (assistants: Int, threads: Int, messages: Int, runs: Int, files: Int) {
        (assistants.count, threads.count, messages.count, runs.count, files.count)
    }

    /// Ids like the service's: a prefix and 24 hex digits, unique within this process; the last 8
    /// count creations, so ids sort in creation order.
    private func newID(_ prefix: String) -> String {
        counter += 1
        var hash = FNV1a64()
        hash.combine(prefix)
        hash.combine(String(counter))
        return prefix + hash.value.paddedHex + counter.paddedHex.suffix(8)
    }

    // MARK: - Dispatch

    /// One assistants-family operation. `members` is the JSON body, already checked by the shared
    /// model (empty for operations without a body).
    func handle(operation: String, ids: [String], members body: [String: JSONValue], query: [String: String], now: Int) throws(MockError) -> MockAnswer {
        switch operation {
        case "assistants.create": return .json(try createAssistant(body, now: now).json)
        case "assistants.list": return try list(assistants.allValues.sorted { $0.id.suffix(8) < $1.id.suffix(8) }.map { ($0.id, $0.createdAt, $0.json) }, query: query)
        case "assistants.retrieve": return .json(try assistant(ids[0]).json)
        case "assistants.update": return .json(try updateAssistant(ids[0], body).json)
        case "assistants.delete":
            _ = try assistant(ids[0])
            assistants.remove(ids[0])
            return deleted(ids[0], "assistant.deleted")
        case "threads.create": return .json(try createThread(body, now: now).json)
        case "threads.retrieve": return .json(try thread(ids[0]).json)
        case "threads.delete":
            let t = try thread(ids[0])
            for id in t.messageIDs { messages.remove(id) }
            for id in t.runIDs { runs.remove(id) }
            threads.remove(ids[0])
            return deleted(ids[0], "thread.deleted")
        case "threads.messages.create":
            _ = try thread(ids[0])
            return .json(try addMessage(body, thread: ids[0], now: now).json)
        case "threads.messages.list":
            let t = try thread(ids[0])
            return try list(t.messageIDs.compactMap { messages.peek($0) }.map { ($0.id, $0.createdAt, $0.json) }, query: query)
        case "threads.runs.create":
            _ = try thread(ids[0])
            return .json(try createRun(body, thread: ids[0], now: now).json)
        case "threads.runs.createThreadAndRun":
            let members = body
            let threadBody: [String: JSONValue]
            switch members["thread"] {
            case nil, .null?: threadBody = [:]
            case .object(let t)?: threadBody = t
            case let other?: throw .invalidRequest(param: "thread", "'thread' must be an object, not \(other.typeName).")
            }
            var runBody = members
            runBody["thread"] = nil
            let assistantID = try MemberReader(members: runBody).string("assistant_id", required: true) ?? ""
            _ = try assistant(assistantID)
            let t = try createThread(threadBody, now: now, param: "thread.")
            return .json(try createRun(runBody, thread: t.id, now: now).json)
        case "threads.runs.list":
            let t = try thread(ids[0])
            return try list(t.runIDs.compactMap { runs.peek($0) }.map { ($0.id, $0.createdAt, $0.json) }, query: query)
        case "threads.runs.retrieve": return .json(try advance(thread: ids[0], run: ids[1], now: now).json)
        case "threads.runs.cancel": return .json(try cancel(thread: ids[0], run: ids[1], now: now).json)
        case "threads.runs.submitToolOutputs":
            return .json(try submitToolOutputs(body, thread: ids[0], run: ids[1]).json)
        case "files.list":
            let purpose = query["purpose"]
            let listed = files.allValues.filter { purpose == nil || $0.purpose == purpose }
            return .json(.object(["object": .string("list"), "data": .array(listed.sorted { $0.createdAt > $1.createdAt }.map(\.json))]))
        case "files.delete":
            guard files.remove(ids[0]) != nil else { throw Self.notFound("file", ids[0]) }
            return deleted(ids[0], "file")
        default:
            throw .resourceNotFound("The mock has no handler for \(operation).")
        }
    }

    // MARK: - Assistants

    private func createAssistant(_ members: [String: JSONValue], now: Int) throws(MockError) -> StoredAssistant {
        let read = MemberReader(members: members)
        _ = try read.string("model", required: true)
        try checkAssistantFields(members)
        let a = StoredAssistant(id: newID("asst_"), createdAt: now, members: members)
        assistants.set(a.id, a)
        return a
    }

    private func updateAssistant(_ id: String, _ members: [String: JSONValue]) throws(MockError) -> StoredAssistant {
        var a = try assistant(id)
        try checkAssistantFields(members)
        for (k, v) in members { a.members[k] = v }
        assistants.set(id, a)
        return a
    }

    private func checkAssistantFields(_ members: [String: JSONValue]) throws(MockError) {
        let read = MemberReader(members: members)
        for key in ["name", "description", "instructions"] { _ = try read.string(key) }
        _ = try read.number("temperature", in: 0...2)
        _ = try read.number("top_p", in: 0...1)
        switch members["tools"] {
        case nil, .null?: break
        case .array(let tools)?:
            for (i, tool) in tools.enumerated() {
                let type = tool["type"]?.stringValue
                guard let type, ["code_interpreter", "file_search", "retrieval", "function"].contains(type) else {
                    throw .invalidRequest(param: "tools[\(i)].type", "Each tool needs a 'type' of code_interpreter, file_search or function.")
                }
                if type == "function", tool["function"]?["name"]?.stringValue == nil {
                    throw .invalidRequest(param: "tools[\(i)].function.name", "A function tool needs 'function.name'.")
                }
            }
        case let other?: throw .invalidRequest(param: "tools", "'tools' must be an array, not \(other.typeName).")
        }
    }

    private func assistant(_ id: String) throws(MockError) -> StoredAssistant {
        guard let a = assistants.get(id) else { throw Self.notFound("assistant", id) }
        return a
    }

    // MARK: - Threads and messages

    private func createThread(_ members: [String: JSONValue], now: Int, param prefix: String = "") throws(MockError) -> StoredThread {
        var t = StoredThread(id: newID("thread_"), createdAt: now, metadata: members["metadata"] ?? .object([:]))
        threads.set(t.id, t)
        switch members["messages"] {
        case nil, .null?: break
        case .array(let items)?:
            for (i, item) in items.enumerated() {
                guard case .object(let m) = item else {
                    throw .invalidRequest(param: "\(prefix)messages[\(i)]", "Each message must be an object.")
                }
                let message = try addMessage(m, thread: t.id, now: now, param: "\(prefix)messages[\(i)].")
                t.messageIDs.append(message.id)
            }
            t = threads.peek(t.id) ?? t
        case let other?: throw .invalidRequest(param: "\(prefix)messages", "'messages' must be an array, not \(other.typeName).")
        }
        return t
    }

    private func thread(_ id: String) throws(MockError) -> StoredThread {
        guard let t = threads.get(id) else { throw Self.notFound("thread", id) }
        return t
    }

    @discardableResult
    private func addMessage(_ members: [String: JSONValue], thread id: String, now: Int, param prefix: String = "") throws(MockError) -> StoredMessage {
        let read = MemberReader(members: members)
        guard let role = try read.string("role", required: true), ["user", "assistant"].contains(role) else {
            throw .invalidRequest(param: "\(prefix)role", "'role' must be 'user' or 'assistant'.")
        }
        let text: String
        switch members["content"] {
        case .string(let s)?: text = s
        case .array(let parts)?:
            text = parts.compactMap { $0["text"]?.stringValue ?? $0["text"]?["value"]?.stringValue }.joined(separator: " ")
        case nil, .null?: throw .invalidRequest(param: "\(prefix)content", "'content' is required.")
        case let other?: throw .invalidRequest(param: "\(prefix)content", "'content' must be a string or an array of parts, not \(other.typeName).")
        }
        return appendMessage(thread: id, role: role, text: text, now: now, metadata: members["metadata"] ?? .object([:]))
    }

    private func appendMessage(
        thread id: String, role: String, text: String, now: Int, assistantID: String? = nil, runID: String? = nil,
        metadata: JSONValue = .object([:])
    ) -> StoredMessage {
        let m = StoredMessage(
            id: newID("msg_"), createdAt: now, threadID: id, role: role, text: text, assistantID: assistantID, runID: runID,
            metadata: metadata)
        messages.set(m.id, m)
        if var t = threads.peek(id) {
            t.messageIDs.append(m.id)
            // A thread lists at most what the message store can hold; older ids were evicted anyway.
            if t.messageIDs.count > messages.capacity { t.messageIDs.removeFirst(t.messageIDs.count - messages.capacity) }
            threads.set(id, t)
        }
        return m
    }

    // MARK: - Runs

    private func createRun(_ members: [String: JSONValue], thread id: String, now: Int) throws(MockError) -> StoredRun {
        let read = MemberReader(members: members)
        let assistantID = try read.string("assistant_id", required: true) ?? ""
        let a = try assistant(assistantID)
        if let additional = members["additional_messages"]?.arrayValue {
            for (i, item) in additional.enumerated() {
                guard case .object(let m) = item else { continue }
                try addMessage(m, thread: id, now: now, param: "additional_messages[\(i)].")
            }
        }
        let model = try read.string("model") ?? a.members["model"]?.stringValue ?? "gpt-4o"
        let run = StoredRun(
            id: newID("run_"), createdAt: now, threadID: id, assistantID: assistantID, model: model,
            instructions: members["instructions"] ?? a.members["instructions"] ?? .null,
            tools: members["tools"] ?? a.members["tools"] ?? .array([]),
            pendingFunction: a.functionNames.first, metadata: members["metadata"] ?? .object([:]))
        runs.set(run.id, run)
        if var t = threads.peek(id) {
            t.runIDs.append(run.id)
            if t.runIDs.count > runs.capacity { t.runIDs.removeFirst(t.runIDs.count - runs.capacity) }
            threads.set(id, t)
        }
        return run
    }

    private func run(thread: String, run id: String) throws(MockError) -> StoredRun {
        _ = try self.thread(thread)
        guard let r = runs.get(id), r.threadID == thread else { throw Self.notFound("run", id) }
        return r
    }

    /// One retrieve: the run's next state. The last step completes it and writes the reply.
    private func advance(thread: String, run id: String, now: Int) throws(MockError) -> StoredRun {
        var r = try run(thread: thread, run: id)
        guard !r.status.isTerminal, r.status != .requiresAction else { return r }
        if r.status == .cancelling {
            r.status = .cancelled
            r.cancelledAt = now
            runs.set(id, r)
            return r
        }
        r.retrieves += 1
        if r.startedAt == nil { r.startedAt = now }
        if r.retrieves >= settings.runSteps {
            if r.pendingFunction != nil, r.toolCallID == nil {
                r.status = .requiresAction
                r.toolCallID = newID("call_")
            } else {
                complete(&r, now: now)
            }
        } else {
            r.status = .inProgress
        }
        runs.set(id, r)
        return r
    }

    private func complete(_ r: inout StoredRun, now: Int) {
        r.status = .completed
        r.completedAt = now
        let lastUser = threads.peek(r.threadID)?.messageIDs.reversed().lazy.compactMap { self.messages.peek($0) }.first { $0.role == "user" }
        let words = (lastUser?.text ?? "").split(whereSeparator: \.isWhitespace)
        let said = words.isEmpty ? "There was no user message." : "You said: \(words.prefix(24).joined(separator: " "))\(words.count > 24 ? " …" : "")"
        let outputs = r.pendingFunction.map { " The function \($0) answered." } ?? ""
        appendMessage(
            thread: r.threadID, role: "assistant", text: "This is the docverify mock assistant. \(said)\(outputs)", now: now,
            assistantID: r.assistantID, runID: r.id)
    }

    private func cancel(thread: String, run id: String, now: Int) throws(MockError) -> StoredRun {
        var r = try run(thread: thread, run: id)
        guard !r.status.isTerminal else {
            throw .invalidRequest(param: nil, "Cannot cancel run with status '\(r.status.rawValue)'.")
        }
        r.status = .cancelling
        runs.set(id, r)
        return r
    }

    private func submitToolOutputs(_ members: [String: JSONValue], thread: String, run id: String) throws(MockError) -> StoredRun {
        var r = try run(thread: thread, run: id)
        guard r.status == .requiresAction else {
            throw .invalidRequest(
                param: nil, "Runs in status '\(r.status.rawValue)' do not accept tool outputs; only runs in 'requires_action' do.")
        }
        guard let outputs = members["tool_outputs"]?.arrayValue, !outputs.isEmpty else {
            throw .invalidRequest(param: "tool_outputs", "'tool_outputs' is required and must be a non-empty array.")
        }
        for (i, output) in outputs.enumerated() where output["tool_call_id"]?.stringValue != r.toolCallID {
            throw .invalidRequest(
                param: "tool_outputs[\(i)].tool_call_id", "Expected a tool output for the call '\(r.toolCallID ?? "")'.")
        }
        // Back in progress; the next retrieve completes it.
        r.status = .inProgress
        r.retrieves = settings.runSteps - 1
        runs.set(id, r)
        return r
    }

    // MARK: - Files

    /// A checked upload form: stored as its name, purpose and size (the bytes are not kept).
    func uploadFile(_ form: MultipartForm, now: Int) throws(MockError) -> MockAnswer {
        guard let file = form.part("file") else { throw .invalidRequest(param: "file", "The form has no 'file' part.") }
        guard let purpose = form.field("purpose") else { throw .invalidRequest(param: "purpose", "'purpose' is required.") }
        let f = StoredFile(id: newID("file-"), createdAt: now, filename: file.filename ?? "file", purpose: purpose, bytes: file.data.count)
        files.set(f.id, f)
        return .json(f.json)
    }

    // MARK: - Shared

    /// `limit`, `order` (desc by default), `after`, `before` as the list endpoints take them.
    private func list(_ items: [(id: String, createdAt: Int, json: JSONValue)], query: [String: String]) throws(MockError) -> MockAnswer {
        var limit = 20
        if let text = query["limit"] {
            guard let l = Int(text), (1...100).contains(l) else {
                throw .invalidRequest(param: "limit", "'limit' must be an integer from 1 to 100, not '\(text)'.")
            }
            limit = l
        }
        let order = query["order"] ?? "desc"
        guard order == "asc" || order == "desc" else { throw .invalidRequest(param: "order", "'order' must be 'asc' or 'desc'.") }
        // Items arrive oldest first (creation order); ids break ties of the same second.
        var ordered = items
        if order == "desc" { ordered.reverse() }
        if let after = query["after"], let i = ordered.firstIndex(where: { $0.id == after }) { ordered = Array(ordered[(i + 1)...]) }
        if let before = query["before"], let i = ordered.firstIndex(where: { $0.id == before }) { ordered = Array(ordered[..<i]) }
        let page = Array(ordered.prefix(limit))
        return .json(.object([
            "object": .string("list"), "data": .array(page.map(\.json)),
            "first_id": page.first.map { .string($0.id) } ?? .null, "last_id": page.last.map { .string($0.id) } ?? .null,
            "has_more": .bool(ordered.count > page.count),
        ]))
    }

    private func deleted(_ id: String, _ object: String) -> MockAnswer {
        .json(.object(["id": .string(id), "object": .string(object), "deleted": .bool(true)]))
    }

    static func notFound(_ kind: String, _ id: String) -> MockError {
        MockError(status: .notFound, code: "404", message: "No \(kind) found with id '\(id)'.", type: "invalid_request_error")
    }
}
