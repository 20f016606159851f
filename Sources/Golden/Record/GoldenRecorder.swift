import Core
import Foundation
import Runner
import Transport

/// Turns a scenario's calls into the content of its golden file: each exchange's request as sent
/// (credentials redacted, canonical body) and its answer (volatile values masked).
public struct GoldenRecorder: Sendable {
    /// Removes credentials wherever they appear (the API key, the bearer token, the endpoint's
    /// user-info, secret query keys); see ``SecretRedactor``.
    public var redactor: SecretRedactor

    /// Goldens committed before the shared redactor spell it `<redacted>`; keeping that spelling
    /// keeps them matching.
    static let redacted = "<redacted>"

    public init(redactor: SecretRedactor = .names) {
        self.redactor = redactor.with(marker: Self.redacted)
    }

    /// Credential values to scrub wherever they appear (short ones only by name; see ``SecretRedactor``).
    public init(secrets: [String]) {
        self.init(redactor: SecretRedactor(values: secrets))
    }

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
        return redactor.redact(value)
    }

    /// One exchange; `masker` carries the ids of earlier answers of the same scenario.
    func record(_ exchange: RecordedExchange, masker: inout VolatileMasker) -> JSONValue {
        let request = exchange.request
        let (path, query) = Self.split(request.url)
        var headers: [String: JSONValue] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            headers[name] = .string(SecretRedactor.headerNames.contains(name) ? Self.redacted : Self.maskBoundary(header.value))
        }
        let contentType = request.headers["content-type"]
        // The value, not the bytes, when there is one: a large body's bytes would be joined anew.
        let body = request.payload.map { payload in
            exchange.requestJSON.flatMap { BodyRecord.record(json: $0, byteCount: payload.count, contentType: contentType) }
                ?? BodyRecord.record(payload.data, contentType: contentType)
        } ?? .null
        let requestJSON = JSONValue.object([
            "method": .string(request.method),
            "path": .string(masker.maskText(path)),
            "query": .object(Dictionary(uniqueKeysWithValues: query.map { name, value in
                (name, JSONValue.string(SecretRedactor.queryKeys.contains(name.lowercased()) ? Self.redacted : masker.maskText(value)))
            })),
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
}
