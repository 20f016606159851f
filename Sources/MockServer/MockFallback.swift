import Core
import Foundation

/// A request the mock's own routes do not serve, handed to a ``FallbackAnswerer``.
public struct FallbackRequest: Sendable, Hashable {
    public var method: String
    /// The path without the query (`/openai/deployments/d/embeddings`).
    public var path: String
    public var query: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }
}

/// What a fallback answers: a status and a JSON body.
public struct FallbackAnswer: Sendable, Hashable {
    public var status: Int
    public var body: JSONValue

    public init(status: Int, body: JSONValue) {
        self.status = status
        self.body = body
    }
}

/// Answers operations the mock has no model of (for example from an API spec's response schemas and
/// examples); nil leaves the mock's own 404. Given by the caller, so the mock never depends on where
/// the answers come from.
public typealias FallbackAnswerer = @Sendable (FallbackRequest) -> FallbackAnswer?
