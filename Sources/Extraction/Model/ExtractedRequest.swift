import Core

/// How a request authenticates.
public enum AuthKind: String, Hashable, Sendable, Codable {
    /// `api-key: …` header (Azure OpenAI key).
    case apiKey = "api-key"
    /// `Authorization: Bearer …` (Microsoft Entra ID token).
    case bearer
}

/// Which client API the sample used to send the request.
public enum RequestClient: String, Hashable, Sendable, Codable {
    case pythonRequests = "python-requests"
    case pythonOpenAI = "python-openai"
    case javascriptOpenAI = "javascript-openai"
    case javascriptFetch = "javascript-fetch"
    case curl
    case httpBlock = "http"
}

/// One HTTP call a sample makes, in a neutral, language-independent form.
public struct ExtractedRequest: Hashable, Sendable {
    /// Where the call is made (the `create(` / `requests.post(` / `curl` line).
    public var location: SourceLocation
    public var client: RequestClient
    public var method: String
    /// Scheme and host, usually an environment placeholder (`AZURE_OPENAI_ENDPOINT`).
    public var endpoint: SymbolicValue
    /// Path template with named holes: `/openai/deployments/{deployment}/chat/completions`.
    public var path: String
    /// The value of the `{deployment}` hole (SDKs: `deployment` option or `model`).
    public var deployment: SymbolicValue?
    /// Query parameters (`api-version`).
    public var query: [String: SymbolicValue]
    /// Headers as the sample sets them (names lowercased); SDK-implied auth headers included.
    public var headers: [String: SymbolicValue]
    public var auth: AuthKind?
    /// The JSON body, nil for a call without one.
    public var body: SymbolicValue?

    public init(
        location: SourceLocation, client: RequestClient, method: String = "POST", endpoint: SymbolicValue,
        path: String, deployment: SymbolicValue?, query: [String: SymbolicValue] = [:],
        headers: [String: SymbolicValue] = [:], auth: AuthKind?, body: SymbolicValue?
    ) {
        self.location = location
        self.client = client
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.deployment = deployment
        self.query = query
        self.headers = headers
        self.auth = auth
        self.body = body
    }

    /// The URL template as the contract prints it: `{endpoint}/openai/deployments/{deployment}/chat/completions`.
    public var urlTemplate: String { "{endpoint}" + path }
}
