/// One method of the `openai` SDK (Python v1, JavaScript v4/v5) and the HTTP call it makes. The
/// table below is the one place that maps SDK methods to URLs; the Python and JavaScript
/// evaluators both read it.
struct SDKOperation: Hashable, Sendable {
    enum Body: Hashable, Sendable {
        case json
        case multipart
        case none
    }

    /// The method path below the client, without `beta`: `["audio", "transcriptions", "create"]`.
    var sdkPath: [String]
    var method: String
    /// The path after `/openai` (Azure) or the v1 base, with named holes: `/threads/{thread_id}/runs/{run_id}`.
    var path: String
    /// Addressed through `/openai/deployments/{deployment}` on an `AzureOpenAI` client.
    var deploymentScoped: Bool
    var body: Body
    /// Path holes filled by positional arguments in the Python SDK, in order (others by keyword).
    var pythonPositional: [String]
    /// Path holes filled by positional arguments in the JavaScript SDK v4, in order.
    var jsPositional: [String]
    /// The answer is a file (speech audio), written with `stream_to_file` / `arrayBuffer()`.
    var binaryResponse: Bool

    init(
        _ sdkPath: String, _ method: String, _ path: String, deploymentScoped: Bool = false, body: Body = .json,
        python: [String] = [], js: [String]? = nil, binaryResponse: Bool = false
    ) {
        self.sdkPath = sdkPath.split(separator: ".").map(String.init)
        self.method = method
        self.path = path
        self.deploymentScoped = deploymentScoped
        self.body = body
        self.pythonPositional = python
        self.jsPositional = js ?? python
        self.binaryResponse = binaryResponse
    }

    /// The holes of ``path`` (`thread_id`, `run_id`), in order.
    var holes: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// The operations the SDKs expose. Facts from the SDKs' resource classes: Python takes the
    /// innermost id positionally (`runs.retrieve(run_id, thread_id=…)`), JavaScript v4 takes every
    /// id positionally, outermost first (`runs.retrieve(threadId, runId)`).
    static let table: [SDKOperation] = [
        SDKOperation("chat.completions.create", "POST", "/chat/completions", deploymentScoped: true),
        // Stored completions: the resource's own, not a deployment's.
        SDKOperation("chat.completions.list", "GET", "/chat/completions", body: .none),
        SDKOperation("chat.completions.retrieve", "GET", "/chat/completions/{completion_id}", body: .none, python: ["completion_id"]),
        SDKOperation("chat.completions.update", "POST", "/chat/completions/{completion_id}", python: ["completion_id"]),
        SDKOperation("chat.completions.delete", "DELETE", "/chat/completions/{completion_id}", body: .none, python: ["completion_id"]),
        SDKOperation("chat.completions.messages.list", "GET", "/chat/completions/{completion_id}/messages", body: .none, python: ["completion_id"]),
        SDKOperation("completions.create", "POST", "/completions", deploymentScoped: true),
        SDKOperation("embeddings.create", "POST", "/embeddings", deploymentScoped: true),
        SDKOperation("images.generate", "POST", "/images/generations", deploymentScoped: true),
        SDKOperation("audio.speech.create", "POST", "/audio/speech", deploymentScoped: true, binaryResponse: true),
        SDKOperation("audio.transcriptions.create", "POST", "/audio/transcriptions", deploymentScoped: true, body: .multipart),
        SDKOperation("audio.translations.create", "POST", "/audio/translations", deploymentScoped: true, body: .multipart),
        SDKOperation("responses.create", "POST", "/responses"),
        SDKOperation("responses.retrieve", "GET", "/responses/{response_id}", body: .none, python: ["response_id"]),
        SDKOperation("responses.delete", "DELETE", "/responses/{response_id}", body: .none, python: ["response_id"]),
        SDKOperation("responses.input_items.list", "GET", "/responses/{response_id}/input_items", body: .none, python: ["response_id"]),
        SDKOperation("files.create", "POST", "/files", body: .multipart),
        SDKOperation("files.list", "GET", "/files", body: .none),
        SDKOperation("files.retrieve", "GET", "/files/{file_id}", body: .none, python: ["file_id"]),
        SDKOperation("files.delete", "DELETE", "/files/{file_id}", body: .none, python: ["file_id"]),
        SDKOperation("files.content", "GET", "/files/{file_id}/content", body: .none, python: ["file_id"], binaryResponse: true),
        // Batches (the Batch API; docverify doesn't model its bodies, so these are notes).
        SDKOperation("batches.create", "POST", "/batches"),
        SDKOperation("batches.list", "GET", "/batches", body: .none),
        SDKOperation("batches.retrieve", "GET", "/batches/{batch_id}", body: .none, python: ["batch_id"]),
        SDKOperation("batches.cancel", "POST", "/batches/{batch_id}/cancel", body: .none, python: ["batch_id"]),
        SDKOperation("files.del", "DELETE", "/files/{file_id}", body: .none, python: ["file_id"]),
        SDKOperation("assistants.create", "POST", "/assistants"),
        SDKOperation("assistants.list", "GET", "/assistants", body: .none),
        SDKOperation("assistants.retrieve", "GET", "/assistants/{assistant_id}", body: .none, python: ["assistant_id"]),
        SDKOperation("assistants.update", "POST", "/assistants/{assistant_id}", python: ["assistant_id"]),
        SDKOperation("assistants.delete", "DELETE", "/assistants/{assistant_id}", body: .none, python: ["assistant_id"]),
        SDKOperation("assistants.del", "DELETE", "/assistants/{assistant_id}", body: .none, python: ["assistant_id"]),
        SDKOperation("threads.create", "POST", "/threads"),
        SDKOperation("threads.retrieve", "GET", "/threads/{thread_id}", body: .none, python: ["thread_id"]),
        SDKOperation("threads.update", "POST", "/threads/{thread_id}", python: ["thread_id"]),
        SDKOperation("threads.delete", "DELETE", "/threads/{thread_id}", body: .none, python: ["thread_id"]),
        SDKOperation("threads.del", "DELETE", "/threads/{thread_id}", body: .none, python: ["thread_id"]),
        SDKOperation("threads.create_and_run", "POST", "/threads/runs"),
        SDKOperation("threads.messages.create", "POST", "/threads/{thread_id}/messages", python: ["thread_id"]),
        SDKOperation("threads.messages.list", "GET", "/threads/{thread_id}/messages", body: .none, python: ["thread_id"]),
        SDKOperation("threads.messages.retrieve", "GET", "/threads/{thread_id}/messages/{message_id}", body: .none,
                     python: ["message_id"], js: ["thread_id", "message_id"]),
        SDKOperation("threads.runs.create", "POST", "/threads/{thread_id}/runs", python: ["thread_id"]),
        SDKOperation("threads.runs.list", "GET", "/threads/{thread_id}/runs", body: .none, python: ["thread_id"]),
        SDKOperation("threads.runs.retrieve", "GET", "/threads/{thread_id}/runs/{run_id}", body: .none,
                     python: ["run_id"], js: ["thread_id", "run_id"]),
        SDKOperation("threads.runs.cancel", "POST", "/threads/{thread_id}/runs/{run_id}/cancel", body: .none,
                     python: ["run_id"], js: ["thread_id", "run_id"]),
        SDKOperation("threads.runs.submit_tool_outputs", "POST", "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs",
                     python: ["run_id"], js: ["thread_id", "run_id"]),
        SDKOperation("threads.runs.steps.list", "GET", "/threads/{thread_id}/runs/{run_id}/steps", body: .none,
                     python: ["run_id"], js: ["thread_id", "run_id"]),
        // Vector stores (file search). The `…_and_poll` helpers are read as their first call: what
        // they poll afterwards is the SDK's loop, not the page's.
        SDKOperation("vector_stores.create", "POST", "/vector_stores"),
        SDKOperation("vector_stores.create_and_poll", "POST", "/vector_stores"),
        SDKOperation("vector_stores.list", "GET", "/vector_stores", body: .none),
        SDKOperation("vector_stores.retrieve", "GET", "/vector_stores/{vector_store_id}", body: .none, python: ["vector_store_id"]),
        SDKOperation("vector_stores.update", "POST", "/vector_stores/{vector_store_id}", python: ["vector_store_id"]),
        SDKOperation("vector_stores.delete", "DELETE", "/vector_stores/{vector_store_id}", body: .none, python: ["vector_store_id"]),
        SDKOperation("vector_stores.files.create", "POST", "/vector_stores/{vector_store_id}/files", python: ["vector_store_id"]),
        SDKOperation("vector_stores.files.create_and_poll", "POST", "/vector_stores/{vector_store_id}/files", python: ["vector_store_id"]),
        SDKOperation("vector_stores.files.list", "GET", "/vector_stores/{vector_store_id}/files", body: .none, python: ["vector_store_id"]),
        SDKOperation("vector_stores.files.delete", "DELETE", "/vector_stores/{vector_store_id}/files/{file_id}", body: .none,
                     python: ["file_id"], js: ["vector_store_id", "file_id"]),
        SDKOperation("vector_stores.file_batches.create", "POST", "/vector_stores/{vector_store_id}/file_batches", python: ["vector_store_id"]),
        SDKOperation("vector_stores.file_batches.create_and_poll", "POST", "/vector_stores/{vector_store_id}/file_batches", python: ["vector_store_id"]),
        SDKOperation("vector_stores.file_batches.upload_and_poll", "POST", "/vector_stores/{vector_store_id}/file_batches", python: ["vector_store_id"]),
    ]

    /// Helpers that send a create and then poll its retrieve until the run ends (the SDK's own
    /// loop): `runs.create_and_poll`, `threads.create_and_run_poll`, `submit_tool_outputs_and_poll`.
    static let pollingHelpers: [String: String] = [
        "threads.runs.create_and_poll": "threads.runs.create",
        "threads.runs.createAndPoll": "threads.runs.create",
        "threads.create_and_run_poll": "threads.create_and_run",
        "threads.createAndRunPoll": "threads.create_and_run",
        "threads.runs.submit_tool_outputs_and_poll": "threads.runs.submit_tool_outputs",
        "threads.runs.submitToolOutputsAndPoll": "threads.runs.submit_tool_outputs",
    ]

    /// Client methods that send nothing: they work on what the program already holds (a webhook
    /// delivery's body and headers, checked against the client's webhook secret).
    static let localMethods: Set<String> = ["webhooks.unwrap", "webhooks.verify_signature", "webhooks.verifySignature"]

    /// True when `path` names one of ``localMethods``.
    static func isLocal(_ path: [String]) -> Bool {
        localMethods.contains(path.filter { $0 != "beta" }.joined(separator: "."))
    }

    /// The client's resources: the first member of every table path, and those docverify
    /// doesn't map (`fine_tuning`, `evals`, …). A call below one of them sends a request.
    static let resources: Set<String> = Set(table.map { $0.sdkPath[0] }).union([
        "beta", "fine_tuning", "evals", "batches", "models", "uploads", "containers", "conversations", "realtime",
    ])

    /// True when `callee` (`client.chat.completions.create`, as written) calls a method below one
    /// of the client's ``resources``: its second member is one, and a method follows.
    static func namesResource(_ callee: String) -> Bool {
        let names = callee.split(separator: ".")
        return names.count >= 3 && resources.contains(String(names[1]))
    }

    /// JavaScript spellings of Python names (`submitToolOutputs`, `createAndRun`).
    static let jsAliases: [String: String] = [
        "threads.runs.submitToolOutputs": "threads.runs.submit_tool_outputs",
        "threads.createAndRun": "threads.create_and_run",
    ]

    /// The operation an SDK member path names (`beta.` dropped, `with_raw_response` ignored).
    static func lookup(_ path: [String]) -> SDKOperation? {
        var p = path.filter { $0 != "beta" && $0 != "with_raw_response" && $0 != "with_streaming_response" && $0 != "withResponse" }
        var key = p.joined(separator: ".")
        if let alias = jsAliases[key] { key = alias; p = key.split(separator: ".").map(String.init) }
        return table.first { $0.sdkPath == p }
    }

    /// The plain operation a polling helper starts with, if `path` names one.
    static func pollingHelper(_ path: [String]) -> SDKOperation? {
        let key = path.filter { $0 != "beta" }.joined(separator: ".")
        guard let base = pollingHelpers[key] else { return nil }
        return table.first { $0.sdkPath.joined(separator: ".") == base }
    }

    /// An SDK list call (`GET …/messages`, `GET /openai/assistants`): iterating its page yields
    /// the items of `data`.
    static func isListPage(_ request: ExtractedRequest) -> Bool {
        guard request.method == "GET", request.client == .pythonOpenAI || request.client == .javascriptOpenAI,
              let last = request.path.split(separator: "/").last else { return false }
        return ["messages", "runs", "assistants", "files", "threads", "steps"].contains(last)
    }

    /// The retrieve a polling helper repeats.
    static var runRetrieve: SDKOperation { table.first { $0.sdkPath == ["threads", "runs", "retrieve"] }! }
}
