/// The data-plane operations docverify knows, in one table (the single place to add one).
public enum OperationCatalog {
    static func dep(_ suffix: String) -> String { "/openai/deployments/{deployment}" + suffix }
    static func v1(_ suffix: String) -> String { "/openai/v1" + suffix }

    /// Each operation once. The assistants family has a deployment-less form (`/openai/assistants`)
    /// in place of the deployment form; it is listed as `deploymentPath` so both forms match.
    public static let operations: [APIOperation] = [
        APIOperation(id: "chat.completions.create", method: "POST", deploymentPath: dep("/chat/completions"), v1Path: v1("/chat/completions"), body: .json, response: .json),
        APIOperation(id: "completions.create", method: "POST", deploymentPath: dep("/completions"), v1Path: v1("/completions"), body: .json, response: .json),
        APIOperation(id: "embeddings.create", method: "POST", deploymentPath: dep("/embeddings"), v1Path: v1("/embeddings"), body: .json, response: .json),
        APIOperation(id: "images.generate", method: "POST", deploymentPath: dep("/images/generations"), v1Path: v1("/images/generations"), body: .json, response: .json),
        APIOperation(id: "audio.speech.create", method: "POST", deploymentPath: dep("/audio/speech"), v1Path: v1("/audio/speech"), body: .json, response: .binaryAudio),
        APIOperation(id: "audio.transcriptions.create", method: "POST", deploymentPath: dep("/audio/transcriptions"), v1Path: v1("/audio/transcriptions"), body: .multipart, response: .json),
        APIOperation(id: "audio.translations.create", method: "POST", deploymentPath: dep("/audio/translations"), v1Path: v1("/audio/translations"), body: .multipart, response: .json),
        APIOperation(id: "assistants.create", method: "POST", deploymentPath: "/openai/assistants", v1Path: v1("/assistants"), body: .json, response: .json),
        APIOperation(id: "assistants.list", method: "GET", deploymentPath: "/openai/assistants", v1Path: v1("/assistants"), body: .none, response: .json),
        APIOperation(id: "assistants.retrieve", method: "GET", deploymentPath: "/openai/assistants/{id}", v1Path: v1("/assistants/{id}"), body: .none, response: .json),
        APIOperation(id: "assistants.update", method: "POST", deploymentPath: "/openai/assistants/{id}", v1Path: v1("/assistants/{id}"), body: .json, response: .json),
        APIOperation(id: "assistants.delete", method: "DELETE", deploymentPath: "/openai/assistants/{id}", v1Path: v1("/assistants/{id}"), body: .none, response: .json),
        APIOperation(id: "threads.create", method: "POST", deploymentPath: "/openai/threads", v1Path: v1("/threads"), body: .json, response: .json),
        APIOperation(id: "threads.retrieve", method: "GET", deploymentPath: "/openai/threads/{id}", v1Path: v1("/threads/{id}"), body: .none, response: .json),
        APIOperation(id: "threads.delete", method: "DELETE", deploymentPath: "/openai/threads/{id}", v1Path: v1("/threads/{id}"), body: .none, response: .json),
        APIOperation(id: "threads.runs.createThreadAndRun", method: "POST", deploymentPath: "/openai/threads/runs", v1Path: v1("/threads/runs"), body: .json, response: .json),
        APIOperation(id: "threads.messages.create", method: "POST", deploymentPath: "/openai/threads/{id}/messages", v1Path: v1("/threads/{id}/messages"), body: .json, response: .json),
        APIOperation(id: "threads.messages.list", method: "GET", deploymentPath: "/openai/threads/{id}/messages", v1Path: v1("/threads/{id}/messages"), body: .none, response: .json),
        APIOperation(id: "threads.runs.create", method: "POST", deploymentPath: "/openai/threads/{id}/runs", v1Path: v1("/threads/{id}/runs"), body: .json, response: .json),
        APIOperation(id: "threads.runs.list", method: "GET", deploymentPath: "/openai/threads/{id}/runs", v1Path: v1("/threads/{id}/runs"), body: .none, response: .json),
        APIOperation(id: "threads.runs.retrieve", method: "GET", deploymentPath: "/openai/threads/{id}/runs/{id}", v1Path: v1("/threads/{id}/runs/{id}"), body: .none, response: .json),
        APIOperation(id: "threads.runs.cancel", method: "POST", deploymentPath: "/openai/threads/{id}/runs/{id}/cancel", v1Path: v1("/threads/{id}/runs/{id}/cancel"), body: .none, response: .json),
        APIOperation(id: "threads.runs.submitToolOutputs", method: "POST", deploymentPath: "/openai/threads/{id}/runs/{id}/submit_tool_outputs", v1Path: v1("/threads/{id}/runs/{id}/submit_tool_outputs"), body: .json, response: .json),
        APIOperation(id: "files.create", method: "POST", deploymentPath: "/openai/files", v1Path: v1("/files"), body: .multipart, response: .json),
        APIOperation(id: "files.list", method: "GET", deploymentPath: "/openai/files", v1Path: v1("/files"), body: .none, response: .json),
        APIOperation(id: "files.delete", method: "DELETE", deploymentPath: "/openai/files/{id}", v1Path: v1("/files/{id}"), body: .none, response: .json),
    ]

    /// The operation `method` + `path` names, nil when none does. `path` is the extracted path
    /// (placeholders in braces, no query); any `{…}` segment or literal segment fills a `{id}` or
    /// `{deployment}` slot.
    public static func match(method: String, path: String) -> APIOperation? {
        let segments = Self.segments(path)
        let upper = method.uppercased()
        for (index, op) in operations.enumerated() where op.method == upper {
            if templateSegments[index].contains(where: { Self.matches($0, segments) }) { return op }
        }
        return nil
    }

    /// The operations whose path matches regardless of method (to tell a wrong method from an
    /// unknown URL).
    public static func matchPath(_ path: String) -> [APIOperation] {
        let segments = Self.segments(path)
        return operations.indices.filter { index in templateSegments[index].contains { Self.matches($0, segments) } }.map { operations[$0] }
    }

    /// Each operation's path templates split into segments once (same order as ``operations``):
    /// `match` runs for every extracted call, and splitting the templates each time was most of it.
    static let templateSegments: [[[Substring]]] = operations.map { $0.pathTemplates.map(segments) }

    static func segments(_ path: String) -> [Substring] {
        // Every extracted call's path is split: an ASCII path is cut on its bytes (an ASCII `?` or
        // `/` byte is that Character), others Character by Character as before.
        let utf8 = path.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let end = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
            var result: [Substring] = []
            var start = utf8.startIndex
            var index = start
            while index < end {
                if utf8[index] == UInt8(ascii: "/") {
                    if start < index { result.append(path[start..<index]) }
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            if start < end { result.append(path[start..<end]) }
            return result
        }
        let noQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return noQuery.split(separator: "/")
    }

    static func matches(_ template: [Substring], _ path: [Substring]) -> Bool {
        guard template.count == path.count else { return false }
        for (t, p) in zip(template, path) {
            if t == "{id}" || t == "{deployment}" { continue }
            if t != p { return false }
        }
        return true
    }
}
