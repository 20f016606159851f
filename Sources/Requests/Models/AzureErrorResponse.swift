/// Azure's error body: `{"error": {"code", "message", "param", "type", "inner_error"}}`.
public struct AzureErrorResponse: Hashable, Sendable, Codable, Error {
    public var error: AzureError

    public init(error: AzureError) { self.error = error }
}

/// The `error` object. Every field is optional in the spec; services fill `code` and `message`.
public struct AzureError: Hashable, Sendable, Codable {
    /// `invalid_request_error`, `DeploymentNotFound`, `401`, …
    public var code: String?
    public var message: String?
    /// The offending request field in JSON-path notation (`audio.voice`), for 400s.
    public var param: String?
    public var type: String?
    public var innerError: AzureInnerError?

    public init(code: String?, message: String?, param: String? = nil, type: String? = nil, innerError: AzureInnerError? = nil) {
        self.code = code
        self.message = message
        self.param = param
        self.type = type
        self.innerError = innerError
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, message, param, type
        case innerError = "inner_error"
    }

    /// `param` and `type` are written as explicit nulls like the service does, because the OpenAI
    /// SDKs read them without checking presence.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(param, forKey: .param)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(innerError, forKey: .innerError)
    }
}

/// `inner_error`: content-filter details (code `ResponsibleAIPolicyViolation`).
public struct AzureInnerError: Hashable, Sendable, Codable {
    public var code: String?
    public var contentFilterResults: ContentFilterResults?

    public init(code: String? = nil, contentFilterResults: ContentFilterResults? = nil) {
        self.code = code
        self.contentFilterResults = contentFilterResults
    }

    enum CodingKeys: String, CodingKey {
        case code
        case contentFilterResults = "content_filter_results"
    }
}
