import Core
import Extraction
import Foundation

/// An extracted call as a Swift-built request: the typed body, which of its fields are only known at
/// run time, and the HTTP envelope (method, URL template, query, headers, auth).
public struct BuiltRequest: Hashable, Sendable {
    /// The call as extraction saw it (location, client, endpoint, deployment, raw body).
    public var extracted: ExtractedRequest
    /// The strictly decoded body; nil when the body has issues (see `issues`) or there is none.
    public var request: ChatCompletionRequest?
    /// JSON path → placeholder to resolve at run time (the typed `request` holds a stand-in there).
    public var bindings: [String: Placeholder]
    /// JSON path → string built from literal text and placeholders.
    public var templates: [String: [TemplatePart]]
    /// Problems of the body, with JSON paths.
    public var issues: [RequestIssue]
    /// `request-unknown-field` / `request-invalid` findings at the call's location.
    public var findings: [Finding]
    /// The operation the method and URL name; nil when none does (`request-unknown-operation`).
    public var operation: APIOperation?
    /// The strictly decoded body of an embeddings call (nil for other operations or with issues).
    public var embeddings: EmbeddingsRequest?
    /// The strictly decoded body (JSON or form fields) of whatever operation the URL names; nil
    /// with issues, without a body, or when docverify has no model for it.
    public var typedBody: OperationBody?

    public init(
        extracted: ExtractedRequest, request: ChatCompletionRequest?, bindings: [String: Placeholder] = [:],
        templates: [String: [TemplatePart]] = [:], issues: [RequestIssue] = [], findings: [Finding] = []
    ) {
        self.extracted = extracted
        self.request = request
        self.bindings = bindings
        self.templates = templates
        self.issues = issues
        self.findings = findings
    }

    public var location: SourceLocation { extracted.location }
    public var method: String { extracted.method }
    /// `{endpoint}/openai/deployments/{deployment}/chat/completions`.
    public var urlTemplate: String { extracted.urlTemplate }
    public var query: [String: SymbolicValue] { extracted.query }
    public var headers: [String: SymbolicValue] { extracted.headers }
    public var auth: AuthKind? { extracted.auth }

    /// The body in canonical form for comparisons (see ``CanonicalForm``); `.null` without a body.
    public var canonicalBody: JSONValue {
        extracted.body.map { CanonicalForm.canonical($0) } ?? .null
    }

    /// The call as the `check --format json` contract writes it: `{"line", "method", "url", "query",
    /// "headers", "auth", "body"}` with the canonical body and placeholders as `{"$env": …}`,
    /// `{"$file": …, "encoding": …}`, `{"$response": 0, "path": …}`.
    public var contractJSON: JSONValue {
        .object([
            "line": .int(extracted.location.line),
            "method": .string(extracted.method),
            "url": .string(extracted.urlTemplate),
            "query": .object(extracted.query.mapValues(\.contractJSON)),
            "headers": .object(extracted.headers.mapValues(\.contractJSON)),
            "auth": extracted.auth.map { .string($0.rawValue) } ?? .null,
            "body": extracted.body.map { CanonicalForm.canonical($0, placeholders: .contract) } ?? .null,
        ])
    }

    /// The `api-version` query value when it is written literally in the sample.
    public var apiVersion: String? {
        if case .string(let v)? = extracted.query["api-version"] { return v }
        return nil
    }

    /// The body as JSON with every placeholder replaced by `resolve`'s answer (JSON null when it has
    /// none). Typed values are encoded from the model; a body that did not decode strictly is sent as
    /// written, so the service (or the mock) judges exactly what the sample would send.
    public func resolvedBody(resolving resolve: (Placeholder) -> JSONValue?) -> JSONValue? {
        if let request, var json = Self.json(of: request) {
            // Shallow paths first, so a whole placeholder array is set before anything inside it.
            for path in bindings.keys.sorted(by: { ($0.count, $0) < ($1.count, $1) }) {
                json = JSONPath.setting(resolve(bindings[path]!) ?? .null, at: path, in: json)
            }
            for path in templates.keys.sorted() {
                json = JSONPath.setting(.string(Self.render(templates[path]!, resolve)), at: path, in: json)
            }
            return json
        }
        return extracted.body.map { Self.resolve($0, resolve) }
    }

    /// The typed request as JSON, its strings sharing the model's storage (``JSONValueEncoder``);
    /// through the encoder's text only when the model nests too deeply for that.
    static func json(of request: ChatCompletionRequest) -> JSONValue? {
        if let json = try? JSONValueEncoder.encode(request) { return json }
        guard let data = try? JSONEncoderForModels.encoder.encode(request) else { return nil }
        return try? JSONValue.parse(bytes: [UInt8](data))
    }

    /// The bytes the runner sends: ``resolvedBody(resolving:)`` as compact JSON with sorted keys
    /// (empty without a body).
    public func encodedBody(resolving resolve: (Placeholder) -> JSONValue?) -> Data {
        guard let body = resolvedBody(resolving: resolve) else { return Data() }
        return body.serializedData()
    }

    /// The URL with endpoint, deployment and query resolved; nil when the endpoint or deployment
    /// cannot be resolved.
    public func url(resolving resolve: (Placeholder) -> JSONValue?) -> String? {
        guard let endpoint = Self.resolve(extracted.endpoint, resolve).stringValue else { return nil }
        var path = extracted.path
        if path.contains("{deployment}") {
            guard let deployment = extracted.deployment.flatMap({ Self.resolve($0, resolve).stringValue }) else { return nil }
            path = path.replacingOccurrences(of: "{deployment}", with: Self.percentEncoded(deployment))
        }
        // Ids from earlier answers (`/openai/threads/{thread_id}/runs`).
        for (name, value) in extracted.pathParameters where path.contains("{\(name)}") {
            guard let id = Self.resolve(value, resolve).stringValue else { return nil }
            path = path.replacingOccurrences(of: "{\(name)}", with: Self.percentEncoded(id))
        }
        var url = (endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint) + path
        let items = extracted.query.keys.sorted().compactMap { key -> String? in
            guard let value = Self.resolve(extracted.query[key]!, resolve).stringValue else { return nil }
            return Self.percentEncoded(key) + "=" + Self.percentEncoded(value)
        }
        if !items.isEmpty { url += "?" + items.joined(separator: "&") }
        return url
    }

    /// Header values with placeholders resolved; a header whose value cannot be resolved is left out.
    public func headers(resolving resolve: (Placeholder) -> JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in extracted.headers {
            if let s = Self.resolve(value, resolve).stringValue { out[name] = s }
        }
        return out
    }

    /// A symbolic value as JSON, placeholders replaced by `resolve`'s answer (null when none).
    public static func resolve(_ value: SymbolicValue, _ resolve: (Placeholder) -> JSONValue?) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map { Self.resolve($0, resolve) })
        case .object(let members): return .object(members.mapValues { Self.resolve($0, resolve) })
        case .template(let parts): return .string(render(parts, resolve))
        case .placeholder(let p): return resolve(p) ?? .null
        }
    }

    static func render(_ parts: [TemplatePart], _ resolve: (Placeholder) -> JSONValue?) -> String {
        parts.map { part in
            switch part {
            case .literal(let l): return l
            case .placeholder(let p):
                switch resolve(p) {
                case .string(let s)?: return s
                case let other?: return other.serialized()
                case nil: return ""
                }
            }
        }.joined()
    }

    static func percentEncoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
