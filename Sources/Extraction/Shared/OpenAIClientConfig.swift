import Core

/// What an `AzureOpenAI(...)` / `new AzureOpenAI({...})` / `OpenAI(...)` constructor tells us, in
/// any language; front-ends fill it from the constructor's arguments and turn each
/// `chat.completions.create(...)` call into an ``ExtractedRequest`` with ``request(body:location:client:)``.
public struct OpenAIClientConfig: Hashable, Sendable {
    /// True for `AzureOpenAI` (deployment-scoped URLs, `api-version` query), false for plain `OpenAI`.
    public var isAzure: Bool
    public var endpoint: SymbolicValue?
    public var apiVersion: SymbolicValue?
    /// The JS SDK's `deployment` option; Python's AzureOpenAI uses the `model` argument instead.
    public var deployment: SymbolicValue?
    public var apiKey: SymbolicValue?
    /// Set when the client is built with an Entra ID token provider (`azure_ad_token_provider`,
    /// `azureADTokenProvider`).
    public var usesTokenProvider: Bool

    public init(
        isAzure: Bool = true, endpoint: SymbolicValue? = nil, apiVersion: SymbolicValue? = nil,
        deployment: SymbolicValue? = nil, apiKey: SymbolicValue? = nil, usesTokenProvider: Bool = false
    ) {
        self.isAzure = isAzure
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.deployment = deployment
        self.apiKey = apiKey
        self.usesTokenProvider = usesTokenProvider
    }

    public var auth: AuthKind? {
        if usesTokenProvider { return .bearer }
        if apiKey != nil { return .apiKey }
        return nil
    }

    /// The HTTP request a `chat.completions.create(body)` call on this client sends. The SDKs
    /// default the endpoint, key and API version from environment variables; so do we.
    public func request(body: [String: SymbolicValue], location: SourceLocation, client: RequestClient) -> ExtractedRequest {
        let endpointValue = endpoint ?? .placeholder(.environment(name: isAzure ? "AZURE_OPENAI_ENDPOINT" : "OPENAI_BASE_URL", fallback: nil))
        var headers: [String: SymbolicValue] = ["content-type": .string("application/json")]
        if usesTokenProvider {
            headers["authorization"] = .template([.literal("Bearer "), .placeholder(.credential(.bearerToken))])
        } else {
            // Without an explicit key the SDKs read one from the environment.
            let key = apiKey ?? .placeholder(.environment(name: isAzure ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY", fallback: nil))
            if isAzure {
                headers["api-key"] = key
            } else {
                headers["authorization"] = .template([.literal("Bearer "), Self.templatePart(key)])
            }
        }
        if !isAzure {
            return ExtractedRequest(
                location: location, client: client, endpoint: endpointValue, path: "/chat/completions",
                deployment: nil, headers: headers, auth: .bearer, body: .object(body))
        }
        var query: [String: SymbolicValue] = [:]
        query["api-version"] = apiVersion ?? .placeholder(.environment(name: "OPENAI_API_VERSION", fallback: nil))
        return ExtractedRequest(
            location: location, client: client, endpoint: endpointValue,
            path: "/openai/deployments/{deployment}/chat/completions",
            deployment: deployment ?? body["model"], query: query, headers: headers,
            auth: usesTokenProvider ? .bearer : .apiKey, body: .object(body))
    }

    private static func templatePart(_ value: SymbolicValue) -> TemplatePart {
        switch value {
        case .string(let s): return .literal(s)
        case .placeholder(let p): return .placeholder(p)
        default: return .placeholder(.unknown("api key"))
        }
    }
}
