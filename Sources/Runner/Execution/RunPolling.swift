/// Assistants runs move queued → in_progress → a final status over successive retrieves; a
/// sample's polling loop (or an SDK `create_and_poll`) waits for the end. One table of statuses.
enum RunPolling {
    /// Statuses a polling loop keeps waiting on.
    static let pending: Set<String> = ["queued", "in_progress", "cancelling"]
    /// Statuses a run ends in normally (a tool call waits for the sample's outputs).
    static let finished: Set<String> = ["completed", "requires_action"]
    /// Most retrieves before giving up.
    static let maxRetrieves = 60
    /// Seconds between retrieves against a live endpoint (the mock advances on every retrieve).
    static let liveInterval = 1.0

    /// Operations that answer with a run.
    static let runRetrieve = "threads.runs.retrieve"
    static let runStarters: Set<String> = ["threads.runs.create", "threads.runs.createThreadAndRun", "threads.runs.submitToolOutputs"]

    static func isPending(_ status: String?) -> Bool {
        status.map(pending.contains) ?? false
    }
}
