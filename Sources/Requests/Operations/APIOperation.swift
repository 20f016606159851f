/// What a request of an operation carries.
public enum BodyKind: String, Hashable, Sendable {
    case json
    case multipart
    case none
}

/// What the service answers to an operation.
public enum ResponseKind: String, Hashable, Sendable {
    case json
    /// Server-sent events (chat or completions with `stream: true`).
    case sse
    case binaryAudio = "binary-audio"
    /// Plain text, SRT or VTT (a transcription with a non-JSON `response_format`).
    case text
}

/// One Azure OpenAI data-plane operation: how it is addressed and what it exchanges.
///
/// `deploymentPath` and `v1Path` are templates under `/openai`: `{deployment}` names a deployment,
/// `{id}` any resource id (assistant, thread, message, run, file). A nil template means the operation
/// has no such form (the assistants family is addressed without a deployment).
public struct APIOperation: Hashable, Sendable {
    public var id: String
    public var method: String
    public var deploymentPath: String?
    public var v1Path: String
    public var body: BodyKind
    public var response: ResponseKind

    public init(id: String, method: String, deploymentPath: String?, v1Path: String, body: BodyKind, response: ResponseKind) {
        self.id = id
        self.method = method
        self.deploymentPath = deploymentPath
        self.v1Path = v1Path
        self.body = body
        self.response = response
    }

    /// Every template the operation can be called by.
    public var pathTemplates: [String] { [deploymentPath, v1Path].compactMap { $0 } }
}
