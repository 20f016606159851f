import Core
import Extraction
import Foundation
import Requests

/// Gives run-time values to the placeholders of one sample's calls: the endpoint, credentials,
/// environment variables, files earlier scenarios wrote, and fields of earlier responses.
struct PlaceholderResolver {
    var baseURL: String
    var credentials: Credentials
    var environment: [String: String]
    /// Files visible to the scenario (written by the scenarios it depends on, or by itself).
    var files: [String: Data]
    /// Responses of the sample's earlier calls, by call index.
    var responses: [Int: JSONValue]
    /// Placeholders that stand for the endpoint / the API key in this call.
    var endpointPlaceholders: Set<Placeholder>
    var apiKeyPlaceholders: Set<Placeholder>
    /// Environment placeholders inside the `Authorization` header (`Bearer $AZURE_OPENAI_AD_TOKEN`):
    /// the reader's token, so the run's.
    var tokenPlaceholders: Set<Placeholder> = []
    /// Unset environment variables that get ``standInValue`` (mock runs only, and only where the
    /// mock never interprets the value: the body and the deployment name).
    var standInVariables: Set<String> = []

    /// What an unset variable of ``standInVariables`` reads as.
    static let standInValue = "docverify-stand-in"

    /// The value of `placeholder`, nil when it has none yet (recorded in `unresolved`).
    func resolve(_ placeholder: Placeholder) -> JSONValue? {
        if endpointPlaceholders.contains(placeholder) { return .string(baseURL) }
        if apiKeyPlaceholders.contains(placeholder) { return credentials.apiKey.map(JSONValue.string) }
        if tokenPlaceholders.contains(placeholder) { return credentials.bearerToken.map(JSONValue.string) }
        switch placeholder {
        case .environment(let name, let fallback):
            if let value = environment[name] { return .string(value) }
            if let fallback { return .string(fallback) }
            return standInVariables.contains(name) ? .string(Self.standInValue) : nil
        case .file(let path, let encoding):
            guard let data = files[path] else { return nil }
            switch encoding {
            case .base64: return .string(data.base64EncodedString())
            case .text, .binary: return .string(String(decoding: data, as: UTF8.self))
            }
        case .response(let call, let path):
            guard let response = responses[call] else { return nil }
            return JSONPath.value(at: path, in: response)
        case .credential(.bearerToken):
            return credentials.bearerToken.map(JSONValue.string)
        case .credential(.apiKey):
            return credentials.apiKey.map(JSONValue.string)
        case .unknown:
            return nil
        case .readerValue(.endpoint, _):
            // The reader's own endpoint is the one docverify runs against; a placeholder host
            // name is never looked up.
            return .string(baseURL)
        case .readerValue(.apiKey, _):
            return (credentials.apiKey ?? credentials.bearerToken).map(JSONValue.string)
        case .readerValue(.deployment, let text), .readerValue(.resourceID, let text):
            // Any deployment name reaches the mock; a live run names its own deployments.
            return .string(text)
        }
    }

    /// Placeholders in `values` that `resolve` cannot answer, for a clear "cannot run" reason.
    func unresolved(in values: [SymbolicValue]) -> [Placeholder] {
        values.reduce(into: Set<Placeholder>()) { $0.formUnion(Self.placeholders(in: $1)) }.filter { resolve($0) == nil }
    }

    static func placeholders(in value: SymbolicValue?) -> Set<Placeholder> {
        guard let value else { return [] }
        switch value {
        case .placeholder(let p): return [p]
        case .template(let parts):
            return Set(parts.compactMap { if case .placeholder(let p) = $0 { return p } else { return nil } })
        case .array(let items): return items.reduce(into: []) { $0.formUnion(placeholders(in: $1)) }
        case .object(let members): return members.values.reduce(into: []) { $0.formUnion(placeholders(in: $1)) }
        default: return []
        }
    }
}
