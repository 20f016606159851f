import Core
import Foundation
import Runner
import Transport

/// Turns a scenario's calls into the content of its golden file: each exchange's request as sent
/// (credentials redacted, canonical body) and its answer (volatile values masked).
public struct GoldenRecorder: Sendable {
    /// Credential values to scrub wherever they appear (the API key, the bearer token).
    public var secrets: [String]

    public init(secrets: [String] = []) {
        // Short values would scrub ordinary words; real keys and tokens are long.
        self.secrets = secrets.filter { $0.count >= 8 }
    }

    /// Headers whose values are credentials.
    static let secretHeaders: Set<String> = ["api-key", "authorization", "ocp-apim-subscription-key", "x-api-key"]
    static let redacted = "<redacted>"

    /// The golden content of `result`, or nil when it made no call that got an answer.
    public func record(_ result: ScenarioResult, document: String) -> JSONValue? {
        var masker = VolatileMasker()
        var exchanges: [JSONValue] = []
        for call in result.calls {
            guard let exchange = call.exchange else { continue }
            exchanges.append(record(exchange, masker: &masker))
        }
        guard !exchanges.isEmpty else { return nil }
        let value = JSONValue.object([
            "version": .int(1),
            "document": .string(document),
            "scenario": .string(result.scenario.id),
            "exchanges": .array(exchanges),
        ])
        return scrub(value, depth: 0)
    }

    /// One exchange; `masker` carries the ids of earlier answers of the same scenario.
    func record(_ exchange: RecordedExchange, masker: inout VolatileMasker) -> JSONValue {
        let request = exchange.request
        let (path, query) = Self.split(request.url)
        var headers: [String: JSONValue] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            headers[name] = .string(Self.secretHeaders.contains(name) ? Self.redacted : Self.maskBoundary(header.value))
        }
        let body = request.body.map { BodyRecord.record($0, contentType: request.headers["content-type"]) } ?? .null
        let requestJSON = JSONValue.object([
            "method": .string(request.method),
            "path": .string(masker.maskText(path)),
            "query": .object(query.mapValues { .string(masker.maskText($0)) }),
            "headers": .object(headers),
            "body": masker.maskRequest(body),
        ])
        var responseJSON: JSONValue = .null
        if let response = exchange.response {
            let contentType = response.headers["content-type"]
            responseJSON = .object([
                "status": .int(response.status),
                "contentType": contentType.map { .string($0) } ?? .null,
                "body": masker.maskResponse(BodyRecord.record(response.body, contentType: contentType)),
            ])
        }
        return .object(["request": requestJSON, "response": responseJSON])
    }

    /// A multipart boundary is chosen anew for every request: `boundary=<boundary>` in the golden.
    static func maskBoundary(_ value: String) -> String {
        guard let range = value.range(of: "boundary=") else { return value }
        let rest = value[range.upperBound...]
        let end = rest.firstIndex(of: ";") ?? rest.endIndex
        return String(value[..<range.upperBound]) + "<boundary>" + String(rest[end...])
    }

    /// Path and decoded query of a URL (the host is where it ran, not what it sent).
    static func split(_ url: String) -> (path: String, query: [String: String]) {
        guard let components = URLComponents(string: url) else { return (url, [:]) }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        // Decoded: a replayed id (`<thread-1>`) travels percent-encoded in the URL.
        return (components.path.isEmpty ? "/" : components.path, query)
    }

    /// Every string with a secret in it gets the secret replaced.
    func scrub(_ value: JSONValue, depth: Int) -> JSONValue {
        guard !secrets.isEmpty, depth < VolatileMasker.maxDepth else { return value }
        switch value {
        case .string(let s):
            return .string(secrets.reduce(s) { $0.replacingOccurrences(of: $1, with: Self.redacted) })
        case .array(let items): return .array(items.map { scrub($0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { scrub($0, depth: depth + 1) })
        default: return value
        }
    }
}
