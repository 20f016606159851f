import Core

/// One operation of a spec: how it is addressed, the schema its JSON body must follow, and what it
/// answers (for the mock's spec-driven fallback).
public struct SpecOperation: Sendable, Hashable {
    /// Upper-case HTTP method.
    public var method: String
    /// The full path: the server URL's path or `basePath`, then the spec path (`/openai/deployments/{deployment-id}/chat/completions`).
    public var path: String
    public var operationId: String?
    /// The JSON request body schema (possibly a `$ref`); nil when the operation takes no JSON body.
    public var requestSchema: JSONValue?
    /// The `multipart/form-data` (or URL-encoded form) body schema; nil when the operation takes no form.
    public var formSchema: JSONValue?
    /// Values the `api-version` query parameter enumerates (empty when it is free text).
    public var apiVersionValues: [String]
    /// The first 2xx answer: status, JSON schema and example, when the spec gives them.
    public var success: SpecResponse?

    public init(
        method: String, path: String, operationId: String?, requestSchema: JSONValue?, apiVersionValues: [String],
        success: SpecResponse?
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.requestSchema = requestSchema
        self.apiVersionValues = apiVersionValues
        self.success = success
    }

    /// The operation with its form body schema set.
    public func withForm(_ schema: JSONValue?) -> SpecOperation {
        var copy = self
        copy.formSchema = schema
        return copy
    }

    /// `POST /openai/deployments/{deployment-id}/chat/completions`, for messages.
    public var title: String { "\(method) \(path)" }
}

/// A documented answer of an operation.
public struct SpecResponse: Sendable, Hashable {
    public var status: Int
    public var schema: JSONValue?
    /// An inline example of the body (`example`, or the first of `examples` with a `value`).
    public var example: JSONValue?

    public init(status: Int, schema: JSONValue?, example: JSONValue?) {
        self.status = status
        self.schema = schema
        self.example = example
    }
}
