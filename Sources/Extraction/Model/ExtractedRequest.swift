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
    /// The `openai` 0.28 module API (`openai.ChatCompletion.create(engine=…)`).
    case pythonOpenAILegacy = "python-openai-legacy"
    /// PowerShell `Invoke-RestMethod` / `Invoke-WebRequest`.
    case powershell
}

/// What a call is for: an API operation, or fetching a result an earlier answer pointed to (an image
/// URL from `images.generate`), which is not an API call and is never checked against an operation.
public enum RequestPurpose: String, Hashable, Sendable, Codable {
    case api
    case download
}

/// One part of a `multipart/form-data` body (`-F name=value`, `files={"file": open(p, "rb")}`,
/// `file=open(p, "rb")` in an SDK call).
public struct MultipartPart: Hashable, Sendable {
    /// The form field name (`file`, `model`, `response_format`).
    public var name: String
    /// A field's text, or for a file part the file's contents (usually `.placeholder(.file(…, .binary))`).
    public var value: SymbolicValue
    /// The file name sent in `Content-Disposition` for a file part; nil for a plain field.
    public var filename: String?
    /// The part's `Content-Type` when the sample sets one (`-F "file=@a.wav;type=audio/wav"`).
    public var contentType: String?

    public init(name: String, value: SymbolicValue, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.value = value
        self.filename = filename
        self.contentType = contentType
    }

    /// True for a file part (it has a file name).
    public var isFile: Bool { filename != nil }
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
    /// The `multipart/form-data` parts, in order; nil unless the call sends a form.
    public var multipart: [MultipartPart]?
    /// A raw body sent as is (`--data-binary @speech.wav`): usually a binary file placeholder.
    public var rawBody: SymbolicValue?
    /// The file the sample writes the answer to (`curl -o out.mp3`, `stream_to_file("x.mp3")`,
    /// `fs.writeFileSync(p, buffer)`), so later steps and scenarios can read it.
    public var savesResponseTo: FileAccess?
    /// An API call, or a follow-up download of a URL taken from an earlier answer.
    public var purpose: RequestPurpose = .api
    /// Values of the path's run-time holes, by hole name without braces: the path
    /// `/openai/threads/{thread_id}/runs/{run_id}` with `thread_id` → the first call's `id`. Ids
    /// known statically are written into the path itself; the Runner replaces `{name}` by the
    /// resolved value (percent-encoded).
    public var pathParameters: [String: SymbolicValue] = [:]

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
