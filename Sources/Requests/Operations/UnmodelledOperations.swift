/// Azure OpenAI data-plane operations that exist in the REST reference but that docverify has no
/// model of (no body checks, no mock answers): fine-tuning jobs, batches, file contents, models,
/// uploads, vector stores and the assistants calls beyond ``OperationCatalog``. One table. A call
/// that matches one is the page's real operation, so docverify says it could not check it (a note)
/// and `run` does not send it to the embedded mock, whose 404 would blame the page.
public enum UnmodelledOperations {
    /// Method and path template (`{id}` matches any one segment), and a name for messages.
    public static let operations: [(method: String, path: String, name: String)] = [
        ("POST", "/openai/fine_tuning/jobs", "create a fine-tuning job"),
        ("GET", "/openai/fine_tuning/jobs", "list fine-tuning jobs"),
        ("GET", "/openai/fine_tuning/jobs/{id}", "get a fine-tuning job"),
        ("DELETE", "/openai/fine_tuning/jobs/{id}", "delete a fine-tuning job"),
        ("POST", "/openai/fine_tuning/jobs/{id}/cancel", "cancel a fine-tuning job"),
        ("POST", "/openai/fine_tuning/jobs/{id}/pause", "pause a fine-tuning job"),
        ("POST", "/openai/fine_tuning/jobs/{id}/resume", "resume a fine-tuning job"),
        ("GET", "/openai/fine_tuning/jobs/{id}/events", "list fine-tuning events"),
        ("GET", "/openai/fine_tuning/jobs/{id}/checkpoints", "list fine-tuning checkpoints"),
        ("POST", "/openai/batches", "create a batch"),
        ("GET", "/openai/batches", "list batches"),
        ("GET", "/openai/batches/{id}", "get a batch"),
        ("POST", "/openai/batches/{id}/cancel", "cancel a batch"),
        ("GET", "/openai/files/{id}", "get a file"),
        ("GET", "/openai/files/{id}/content", "download a file's content"),
        ("POST", "/openai/files/import", "import a file"),
        ("GET", "/openai/deployments", "list deployments, an older data-plane call"),
        ("GET", "/openai/deployments/{id}", "get a deployment, an older data-plane call"),
        ("GET", "/openai/models", "list models"),
        ("GET", "/openai/models/{id}", "get a model"),
        ("POST", "/openai/uploads", "create an upload"),
        ("POST", "/openai/uploads/{id}/parts", "add an upload part"),
        ("POST", "/openai/uploads/{id}/complete", "complete an upload"),
        ("POST", "/openai/uploads/{id}/cancel", "cancel an upload"),
        ("POST", "/openai/threads/{id}", "modify a thread"),
        ("GET", "/openai/threads/{id}/messages/{id}", "get a message"),
        ("POST", "/openai/threads/{id}/messages/{id}", "modify a message"),
        ("DELETE", "/openai/threads/{id}/messages/{id}", "delete a message"),
        ("POST", "/openai/threads/{id}/runs/{id}", "modify a run"),
        ("GET", "/openai/threads/{id}/runs/{id}/steps", "list run steps"),
        ("GET", "/openai/threads/{id}/runs/{id}/steps/{id}", "get a run step"),
        ("POST", "/openai/vector_stores", "create a vector store"),
        ("GET", "/openai/vector_stores", "list vector stores"),
        ("GET", "/openai/vector_stores/{id}", "get a vector store"),
        ("POST", "/openai/vector_stores/{id}", "modify a vector store"),
        ("DELETE", "/openai/vector_stores/{id}", "delete a vector store"),
        ("POST", "/openai/vector_stores/{id}/files", "add a vector store file"),
        ("GET", "/openai/vector_stores/{id}/files", "list vector store files"),
        ("GET", "/openai/vector_stores/{id}/files/{id}", "get a vector store file"),
        ("DELETE", "/openai/vector_stores/{id}/files/{id}", "delete a vector store file"),
        ("POST", "/openai/vector_stores/{id}/file_batches", "create a vector store file batch"),
        ("GET", "/openai/vector_stores/{id}/file_batches/{id}", "get a vector store file batch"),
        ("POST", "/openai/vector_stores/{id}/file_batches/{id}/cancel", "cancel a vector store file batch"),
        ("GET", "/openai/vector_stores/{id}/file_batches/{id}/files", "list a file batch's files"),
    ]

    /// The templates split once, in the order of ``operations``.
    static let templateSegments: [[Substring]] = operations.map { OperationCatalog.segments($0.path) }

    /// The name of the unmodelled operation `method` and `path` call, nil when there is none.
    public static func match(method: String, path: String) -> String? {
        let segments = OperationCatalog.segments(path)
        let upper = method.uppercased()
        for (index, op) in operations.enumerated() where op.method == upper {
            if OperationCatalog.matches(templateSegments[index], segments) { return op.name }
        }
        return nil
    }
}
