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
    /// `default_query` / `defaultQuery`: query parameters the client adds to every call
    /// (`{"api-version": "preview"}` on a v1 client).
    public var defaultQuery: [String: SymbolicValue] = [:]
    /// `default_headers` / `defaultHeaders`, names lowercased.
    public var defaultHeaders: [String: SymbolicValue] = [:]

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
        request(operation: SDKOperation.table[0], body: body, location: location, client: client)
    }

    /// The HTTP request an SDK method sends: the URL form (deployment-scoped, assistants-style,
    /// or `/openai/v1/`) follows from the client and its base URL, which is never joined twice.
    func request(
        operation: SDKOperation, body: [String: SymbolicValue]?, multipart: [MultipartPart]? = nil,
        pathValues: [String: SymbolicValue] = [:], query extraQuery: [String: SymbolicValue] = [:],
        location: SourceLocation, client: RequestClient
    ) -> ExtractedRequest {
        let endpointValue = endpoint ?? .placeholder(.environment(name: isAzure ? "AZURE_OPENAI_ENDPOINT" : "OPENAI_BASE_URL", fallback: nil))
        var headers: [String: SymbolicValue] = [:]
        if operation.body == .json && body != nil { headers["content-type"] = .string("application/json") }
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
        if operation.sdkPath.first == "assistants" || operation.sdkPath.first == "threads" {
            headers["openai-beta"] = .string("assistants=v2")
        }
        let base = BaseURL(endpointValue)
        var path: String
        var deployment: SymbolicValue?
        var query = base.query
        if base.isV1 {
            path = base.prefix + operation.path
        } else if base.hasDeployment {
            path = operation.deploymentScoped ? base.prefix + operation.path : base.beforeDeployments + operation.path
            deployment = operation.deploymentScoped ? base.deployment : nil
        } else if isAzure {
            path = base.openAIPrefix + (operation.deploymentScoped ? "/deployments/{deployment}" : "") + operation.path
            if operation.deploymentScoped { deployment = self.deployment ?? body?["model"] ?? multipart?.first { $0.name == "model" }?.value }
        } else {
            // A plain client aimed at another service: its base URL is the API root.
            return finish(ExtractedRequest(
                location: location, client: client, method: operation.method, endpoint: endpointValue,
                path: Self.fill(operation.path, pathValues), deployment: nil, query: extraQuery, headers: headers,
                auth: .bearer, body: body.map { .object($0) }), multipart: multipart, pathValues: pathValues)
        }
        if isAzure, !base.isV1 || apiVersion != nil {
            query["api-version"] = apiVersion ?? .placeholder(.environment(name: "OPENAI_API_VERSION", fallback: nil))
        }
        query.merge(defaultQuery) { _, new in new }
        query.merge(extraQuery) { _, new in new }
        headers.merge(defaultHeaders) { _, new in new }
        path = Self.fill(path, pathValues)
        let request = ExtractedRequest(
            location: location, client: client, method: operation.method, endpoint: base.endpoint,
            path: path, deployment: deployment, query: query, headers: headers,
            auth: usesTokenProvider ? .bearer : (isAzure ? .apiKey : .bearer), body: body.map { .object($0) })
        return finish(request, multipart: multipart, pathValues: pathValues)
    }

    private func finish(_ request: ExtractedRequest, multipart: [MultipartPart]?, pathValues: [String: SymbolicValue]) -> ExtractedRequest {
        var request = request
        if let multipart {
            request.multipart = multipart
            request.body = nil
        }
        for (name, value) in pathValues where request.path.contains("{\(name)}") {
            request.pathParameters[name] = value
        }
        return request
    }

    /// Puts literal ids into the path; run-time ids stay holes named after the parameter.
    static func fill(_ path: String, _ values: [String: SymbolicValue]) -> String {
        var out = path
        for (name, value) in values {
            if case .string(let s) = value { out = out.replacingOccurrences(of: "{\(name)}", with: s) }
        }
        return out
    }

    private static func templatePart(_ value: SymbolicValue) -> TemplatePart {
        switch value {
        case .string(let s): return .literal(s)
        case .placeholder(let p): return .placeholder(p)
        default: return .placeholder(.unknown("api key"))
        }
    }
}
