import Core
import Extraction
import Requests

/// The contract's JSON form of one Swift-built request:
/// `{"line", "method", "url", "query", "headers", "auth", "body"}`, the body canonical and
/// placeholders written as `{"$env": …}`, `{"$file": …, "encoding": …}`, `{"$response": n, "path": …}`.
public enum RequestJSON {
    public static func object(_ request: BuiltRequest) -> JSONValue {
        let extracted = request.extracted
        guard case .object(var members) = request.contractJSON else { return request.contractJSON }
        members["endpoint"] = extracted.endpoint.contractJSON
        members["deployment"] = extracted.deployment?.contractJSON ?? .null
        members["headers"] = .object(Dictionary(uniqueKeysWithValues: extracted.headers.map { ($0.key, redacted($0.key, $0.value)) }))
        return .object(members)
    }

    /// Header values as the contract shows them; a literal key or token written into a sample is
    /// never echoed into CI logs.
    static func redacted(_ name: String, _ value: SymbolicValue) -> JSONValue {
        let secret = SecretRedactor.headerNames.contains(name.lowercased())
        switch value {
        case .string where secret: return .string("REDACTED")
        case .template(let parts) where secret:
            return SymbolicValue.template(parts.map { part in
                if case .literal(let text) = part, !text.hasSuffix(" ") { return .literal("REDACTED") }
                return part
            }).contractJSON
        default: return value.contractJSON
        }
    }
}
