import Core
import Foundation

/// Answers a request from the spec alone, as a Prism-like mock would: the operation's example when it
/// has one, else a value built from its response schema; a body the request schema refuses gets 400.
public struct SpecAnswerer: Sendable {
    public let specs: SpecSet

    public init(specs: SpecSet) { self.specs = specs }

    /// The status and JSON body for `method` `path`; nil when no spec declares the operation.
    public func answer(method: String, path: String, apiVersion: String?, body: Data) -> (status: Int, body: JSONValue)? {
        guard let spec = specs.document(for: apiVersion), let operation = spec.operation(method: method, path: path) else { return nil }
        if let apiVersion, !specs.apiVersions.contains(apiVersion) {
            return (404, Self.error("404", "api-version '\(apiVersion)' is not one the spec describes; supported: \(specs.apiVersions.sorted().joined(separator: ", "))."))
        }
        if let schema = operation.requestSchema, !body.isEmpty {
            guard let json = try? JSONValue.parse(String(decoding: body, as: UTF8.self)) else {
                return (400, Self.error("invalid_request_error", "The request body is not valid JSON."))
            }
            if let issue = SchemaValidator(spec: spec).validate(json, against: schema).first(where: \.isHard) {
                return (400, Self.error("invalid_request_error", issue.message, param: issue.path))
            }
        }
        guard let success = operation.success else { return (200, .object([:])) }
        if let example = success.example { return (success.status, example) }
        let value = success.schema.map { SpecExampleBuilder(spec: spec).value(for: $0, depth: 0) } ?? .object([:])
        return (success.status, value)
    }

    static func error(_ code: String, _ message: String, param: String? = nil) -> JSONValue {
        var error: [String: JSONValue] = ["code": .string(code), "message": .string(message)]
        if let param { error["param"] = .string(param) }
        return .object(["error": .object(error)])
    }
}

/// Builds a plausible value from a schema: its `example` or `default`, the first `enum` value, else
/// a placeholder of its type; objects get their required members (all members when none is required).
struct SpecExampleBuilder {
    let spec: SpecDocument
    static let maxDepth = 12

    func value(for schema: JSONValue, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return .null }
        let validator = SchemaValidator(spec: spec)
        var node = schema
        for _ in 0..<16 {
            guard let ref = node["$ref"]?.stringValue, let target = spec.resolve(ref) else { break }
            node = target
        }
        // OpenAPI 3.0 `example`; 3.1 (JSON Schema) `examples`, a list.
        if let example = node["example"] ?? node["examples"]?[0] { return example }
        if let value = node["default"], value != .null { return value }
        let flat = validator.flatten(node, depth: 0)
        if let first = flat.enumValues?.first { return first }
        if let branch = flat.alternatives.first?.first { return value(for: branch, depth: depth + 1) }
        let types = flat.types ?? (flat.properties.isEmpty ? [] : ["object"])
        if types.contains("object") || !flat.properties.isEmpty {
            let names = flat.required.isEmpty ? Set(flat.properties.keys) : flat.required
            var members: [String: JSONValue] = [:]
            for name in names.sorted() {
                if let property = flat.properties[name] { members[name] = value(for: property, depth: depth + 1) }
            }
            return .object(members)
        }
        if types.contains("array") { return .array(flat.items.map { [value(for: $0, depth: depth + 1)] } ?? []) }
        if types.contains("integer") { return .int(0) }
        if types.contains("number") { return .double(0) }
        if types.contains("boolean") { return .bool(false) }
        if types.contains("string") { return .string("string") }
        return .null
    }
}
