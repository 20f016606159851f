/// Azure OpenAI data-plane operations that exist but that docverify does not model (no typed body,
/// no mock answer). A call to one is not a wrong URL, only a call docverify cannot check, so it
/// gets a note where an unknown URL gets a `request-unknown-operation` warning, and `run` does not
/// send it to the embedded mock, whose 404 would blame the page. One table.
///
/// Facts from the Azure OpenAI REST reference (inference and v1 specs). Paths are written after
/// `/openai` (the v1 form's `/v1` is dropped before matching); `{id}` fills one segment.
public enum UnmodeledOperations {
    /// One family of operations: its name in messages, and its method + path templates.
    struct Family: Sendable {
        var name: String
        var routes: [(method: String, path: String)]
    }

    static let families: [Family] = [
        Family(name: "the Responses API", routes: [
            ("POST", "/responses"), ("GET", "/responses/{id}"), ("DELETE", "/responses/{id}"),
            ("POST", "/responses/{id}/cancel"), ("GET", "/responses/{id}/input_items"),
        ]),
        Family(name: "stored completions", routes: [
            ("GET", "/chat/completions"), ("GET", "/chat/completions/{id}"), ("POST", "/chat/completions/{id}"),
            ("DELETE", "/chat/completions/{id}"), ("GET", "/chat/completions/{id}/messages"),
        ]),
        Family(name: "vector stores", routes: [
            ("GET", "/vector_stores"), ("POST", "/vector_stores"), ("GET", "/vector_stores/{id}"),
            ("POST", "/vector_stores/{id}"), ("DELETE", "/vector_stores/{id}"), ("GET", "/vector_stores/{id}/files"),
            ("POST", "/vector_stores/{id}/files"), ("GET", "/vector_stores/{id}/files/{id}"),
            ("DELETE", "/vector_stores/{id}/files/{id}"), ("POST", "/vector_stores/{id}/file_batches"),
            ("GET", "/vector_stores/{id}/file_batches/{id}"), ("POST", "/vector_stores/{id}/file_batches/{id}/cancel"),
            ("GET", "/vector_stores/{id}/file_batches/{id}/files"),
        ]),
        Family(name: "the Assistants API", routes: [
            ("POST", "/threads/{id}"), ("GET", "/threads/{id}/messages/{id}"), ("POST", "/threads/{id}/messages/{id}"),
            ("DELETE", "/threads/{id}/messages/{id}"),
            ("POST", "/threads/{id}/runs/{id}"), ("GET", "/threads/{id}/runs/{id}/steps"),
            ("GET", "/threads/{id}/runs/{id}/steps/{id}"),
        ]),
        Family(name: "files", routes: [("GET", "/files/{id}"), ("GET", "/files/{id}/content"), ("POST", "/files/import")]),
        // Sora: a job is created, polled, then its generation's content downloaded.
        Family(name: "video generation jobs", routes: [
            ("POST", "/video/generations/jobs"), ("GET", "/video/generations/jobs"), ("GET", "/video/generations/jobs/{id}"),
            ("DELETE", "/video/generations/jobs/{id}"), ("GET", "/video/generations/{id}"),
            ("GET", "/video/generations/{id}/content/video"), ("GET", "/video/generations/{id}/content/thumbnail"),
        ]),
        // DALL-E 2's asynchronous form (2023-06-01-preview): submit, then poll the operation.
        Family(name: "the older asynchronous image generation", routes: [
            ("POST", "/images/generations:submit"), ("GET", "/operations/images/{id}"),
        ]),
        Family(name: "uploads", routes: [
            ("POST", "/uploads"), ("POST", "/uploads/{id}/parts"), ("POST", "/uploads/{id}/complete"), ("POST", "/uploads/{id}/cancel"),
        ]),
        Family(name: "the older deployments listing", routes: [("GET", "/deployments"), ("GET", "/deployments/{id}")]),
        Family(name: "batches", routes: [
            ("GET", "/batches"), ("POST", "/batches"), ("GET", "/batches/{id}"), ("POST", "/batches/{id}/cancel"),
        ]),
        Family(name: "fine-tuning", routes: [
            ("GET", "/fine_tuning/jobs"), ("POST", "/fine_tuning/jobs"), ("GET", "/fine_tuning/jobs/{id}"),
            ("DELETE", "/fine_tuning/jobs/{id}"), ("POST", "/fine_tuning/jobs/{id}/cancel"),
            ("POST", "/fine_tuning/jobs/{id}/pause"), ("POST", "/fine_tuning/jobs/{id}/resume"), ("GET", "/fine_tuning/jobs/{id}/events"),
            ("GET", "/fine_tuning/jobs/{id}/checkpoints"),
        ]),
        Family(name: "models", routes: [("GET", "/models"), ("GET", "/models/{id}")]),
        Family(name: "image edits", routes: [("POST", "/deployments/{id}/images/edits"), ("POST", "/images/edits")]),
        // v1 (preview header `aoai-evals`): evaluations, their runs and the graders' output items.
        Family(name: "evaluations", routes: [
            ("GET", "/evals"), ("POST", "/evals"), ("GET", "/evals/{id}"), ("POST", "/evals/{id}"), ("DELETE", "/evals/{id}"),
            ("GET", "/evals/{id}/runs"), ("POST", "/evals/{id}/runs"), ("GET", "/evals/{id}/runs/{id}"),
            ("POST", "/evals/{id}/runs/{id}"), ("DELETE", "/evals/{id}/runs/{id}"),
            ("GET", "/evals/{id}/runs/{id}/output_items"), ("GET", "/evals/{id}/runs/{id}/output_items/{id}"),
        ]),
        // v1 only: registering the URLs that receive event notifications (webhooks).
        Family(name: "webhook endpoints", routes: [
            ("GET", "/dashboard/webhook_endpoints"), ("POST", "/dashboard/webhook_endpoints"),
            ("GET", "/dashboard/webhook_endpoints/{id}"), ("POST", "/dashboard/webhook_endpoints/{id}"),
            ("DELETE", "/dashboard/webhook_endpoints/{id}"),
        ]),
        // The authoring reference (2025-04-01-preview, v1 preview): graders and checkpoint copies.
        Family(name: "fine-tuning graders and checkpoint copies", routes: [
            ("POST", "/fine_tuning/alpha/graders/run"), ("POST", "/fine_tuning/alpha/graders/validate"),
            ("POST", "/fine_tuning/jobs/{id}/checkpoints/{id}/copy"), ("GET", "/fine_tuning/jobs/{id}/checkpoints/{id}/copy"),
        ]),
        // v1 Realtime over WebRTC and SIP: an ephemeral key, the SDP offer, then control of a call.
        Family(name: "Realtime calls and client secrets", routes: [
            ("POST", "/realtime/client_secrets"), ("POST", "/realtime/calls"),
            ("POST", "/realtime/calls/{id}/accept"), ("POST", "/realtime/calls/{id}/reject"),
            ("POST", "/realtime/calls/{id}/refer"), ("POST", "/realtime/calls/{id}/hangup"),
        ]),
    ]

    /// Each route's segments, split once.
    static let routeSegments: [[(method: String, segments: [Substring])]] = families.map { family in
        family.routes.map { ($0.method, OperationCatalog.segments($0.path)) }
    }

    /// The name of the family `method` + `path` (an extracted `/openai/…` path) belongs to, nil
    /// when none does.
    public static func family(method: String, path: String) -> String? {
        var segments = OperationCatalog.segments(path)
        guard segments.first == "openai" else { return nil }
        segments.removeFirst()
        if segments.first == "v1" { segments.removeFirst() }
        let upper = method.uppercased()
        for (index, routes) in routeSegments.enumerated()
        where routes.contains(where: { $0.method == upper && OperationCatalog.matches($0.segments, segments) }) {
            return families[index].name
        }
        return nil
    }
}
