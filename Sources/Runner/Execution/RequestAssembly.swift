import Core
import Extraction
import Foundation
import MockServer
import Requests
import Transport

/// Turns one built call into the HTTP request to send: the URL (endpoint, deployment, path ids,
/// query), headers with credentials, and the body as JSON, `multipart/form-data` or raw bytes.
struct RequestAssembly {
    enum Outcome {
        /// The request, and its body as JSON when it was built from JSON (goldens record that
        /// value rather than parse the bytes again: a 20 MB body would be copied twice more).
        case request(HTTPRequest, json: JSONValue? = nil)
        /// A value the call needs has none (`request-unresolved`).
        case unresolved(String)
        /// The values the call lacks are environment variables the reader sets for a service
        /// other than Azure OpenAI (a search index, a deployment id): docverify can't invent them.
        case needsEnvironment(String)
        /// The values the call lacks come only from the sample's own code or from an answer field
        /// the model may leave out (``OptionalAnswerFields``): docverify's limit, not the page's.
        case beyondReading(String)
        /// A file the call uploads is neither written by an earlier step nor suppliable.
        case missingInput(String)
    }

    var resolver: PlaceholderResolver
    var baseURL: String
    var credentials: Credentials
    /// `run --deployment`; nil leaves a reader-value deployment to the mock (or unresolved live).
    var deployment: String?
    var usesMock: Bool
    var ids: ResourceIDs

    func assemble(_ request: BuiltRequest, pathParameters: [String: SymbolicValue]) -> Outcome {
        let extracted = request.extracted
        let envelope = Array(extracted.query.values) + [extracted.deployment ?? .null] + Array(pathParameters.values)
            + (extracted.purpose == .download ? [] : [extracted.body ?? .null])
        let missing = resolver.unresolved(in: envelope).filter { if case .file = $0 { return false } else { return true } }
        if !missing.isEmpty, missing.allSatisfy(\.isEnvironment) {
            return .needsEnvironment(ScenarioExecutor.describe(missing))
        }
        if !missing.isEmpty, missing.allSatisfy(OptionalAnswerFields.isBeyondStaticReading) {
            return .beyondReading("\(ScenarioExecutor.describe(missing)) comes from the sample's own code, which docverify reads but doesn't run, or from an answer field the model may leave out")
        }
        if !missing.isEmpty {
            return .unresolved("\(ScenarioExecutor.describe(missing)) has no value at run time; make the earlier step that provides it work, or set it")
        }
        let base: String
        switch EndpointResolution.resolve(extracted.endpoint, baseURL: baseURL, resolve: resolver.resolve) {
        case .url(let url): base = url
        case .unresolved(let why): return .unresolved("\(why); set the endpoint the sample reads, or write it as a URL")
        case .standIn(let word): return .beyondReading("the whole URL is `\(word)`, which the reader replaces with their own request URL")
        }
        let addressed = url(request, base: base, pathParameters: pathParameters)
        guard case .request(var http, _) = addressed else { return addressed }
        if extracted.purpose == .download { return .request(http) }
        http.headers = headers(request)
        var json: JSONValue?
        switch body(request) {
        case .failure(let error): return error.outcome
        case .success(let (payload, contentType, sent)):
            http.payload = payload
            json = sent
            if let contentType {
                http.headers.remove("content-type")
                http.headers.append(name: "content-type", value: contentType)
            }
        }
        return .request(http, json: json)
    }

    /// A GET (or the call's method) of the URL; headers and body are added by the caller.
    private func url(_ request: BuiltRequest, base: String, pathParameters: [String: SymbolicValue]) -> Outcome {
        let extracted = request.extracted
        var path = extracted.path
        if path.contains("{deployment}") {
            guard var name = extracted.deployment.flatMap({ BuiltRequest.resolve($0, resolver.resolve).stringValue }) else {
                return .unresolved("the deployment name has no value at run time")
            }
            if case .placeholder(.readerValue(.deployment, _))? = extracted.deployment {
                if let deployment {
                    name = deployment
                } else if usesMock {
                    name = Self.mockDeployments[request.operation?.id ?? ""] ?? "gpt-4o"
                } else {
                    return .unresolved("the page leaves the deployment name (`\(name)`) to the reader; pass --deployment NAME")
                }
            }
            // The deployment name is the reader's own choice when they deploy the model: the
            // embedded mock, which knows only its profile's names, gets one of its own for the call.
            if usesMock, deployment == nil, !MockProfile.default.deployments.contains(name) {
                name = Self.mockDeployments[request.operation?.id ?? ""] ?? "gpt-4o"
            }
            path = path.replacingOccurrences(of: "{deployment}", with: RequestAssembly.percentEncoded(name))
        }
        for (name, value) in pathParameters {
            guard let text = BuiltRequest.resolve(value, resolver.resolve).stringValue else {
                return .unresolved("the path's {\(name)} has no value at run time")
            }
            path = path.replacingOccurrences(of: "{\(name)}", with: RequestAssembly.percentEncoded(text))
        }
        path = ids.substitute(path: path)
        var url = EndpointResolution.trimmed(base) + path
        let items = extracted.query.keys.sorted().compactMap { key -> String? in
            guard let value = BuiltRequest.resolve(extracted.query[key]!, resolver.resolve).stringValue else { return nil }
            return RequestAssembly.percentEncoded(key) + "=" + RequestAssembly.percentEncoded(value)
        }
        if !items.isEmpty { url += (url.contains("?") ? "&" : "?") + items.joined(separator: "&") }
        return .request(HTTPRequest(method: extracted.purpose == .download ? "GET" : request.method, url: url))
    }

    /// The sample's headers, resolved (a key or token the page leaves to the reader resolves to the
    /// run's credential).
    private func headers(_ request: BuiltRequest) -> HTTPHeaders {
        let values = request.headers(resolving: resolver.resolve)
        return HTTPHeaders(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The body bytes, the content type to send with them (nil keeps the sample's) and, for a JSON
    /// body, the value the bytes were serialized from.
    private func body(_ request: BuiltRequest) -> Result<(HTTPBody?, String?, JSONValue?), OutcomeError> {
        let extracted = request.extracted
        if let parts = extracted.multipart {
            var encoded: [MultipartFormData.Part] = []
            for part in parts {
                if case .placeholder(.file(let path, _)) = part.value {
                    guard let data = resolver.files[path] else { return .failure(OutcomeError(.missingInput(path))) }
                    let filename = part.filename ?? (path as NSString).lastPathComponent
                    encoded.append(.init(name: part.name, filename: filename,
                                         contentType: part.contentType ?? MediaTypes.forFile(filename), data: data))
                    continue
                }
                let value = ids.substitute(json: BuiltRequest.resolve(part.value, resolver.resolve))
                let text = value.stringValue ?? value.serialized()
                encoded.append(.init(name: part.name, filename: part.filename, contentType: part.contentType, data: Data(text.utf8)))
            }
            let form = MultipartFormData(parts: encoded)
            return .success((HTTPBody(form.encoded()), form.contentType, nil))
        }
        if let raw = extracted.rawBody {
            if case .placeholder(.file(let path, _)) = raw {
                guard let data = resolver.files[path] else { return .failure(OutcomeError(.missingInput(path))) }
                let type = request.headers["content-type"] == nil ? MediaTypes.forFile(path) : nil
                return .success((HTTPBody(data), type, nil))
            }
            let value = BuiltRequest.resolve(raw, resolver.resolve)
            return .success((HTTPBody(Data((value.stringValue ?? value.serialized()).utf8)), nil, nil))
        }
        guard extracted.body != nil else { return .success((nil, nil, nil)) }
        guard let json = request.resolvedBody(resolving: resolver.resolve) else { return .success((nil, nil, nil)) }
        let type = request.headers["content-type"] == nil ? "application/json" : nil
        // Pieces, not bytes: a large string is sent from the value's own storage, so the body is
        // never held a second time as serialized bytes.
        let sent = ids.substitute(json: json)
        return .success((HTTPBody(json: sent), type, sent))
    }

    /// The embedded mock's deployment for each operation, used where the page leaves the name to the
    /// reader and no `--deployment` is given (the names of the mock's default profile).
    static let mockDeployments: [String: String] = [
        "chat.completions.create": "gpt-4o", "completions.create": "gpt-35-turbo-instruct",
        "embeddings.create": "text-embedding-3-small", "images.generate": "dall-e-3", "audio.speech.create": "tts",
        "audio.transcriptions.create": "whisper", "audio.translations.create": "whisper",
    ]

    /// A path segment or query part with everything but unreserved characters percent-encoded.
    static func percentEncoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Carries an outcome out of `body` through `Result`.
    struct OutcomeError: Error {
        var outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
    }
}
