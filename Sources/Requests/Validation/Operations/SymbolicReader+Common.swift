import Core
import Extraction

/// Field shapes several operations share (metadata maps, stop sequences, functions).
extension SymbolicReader {
    /// A string-valued map (`metadata`), nil for a placeholder or a wrong type.
    mutating func stringMap(_ value: SymbolicValue, _ path: String) -> [String: String]? {
        if bindIfPlaceholder(value, path) { return [:] }
        guard case .object(let entries) = value else {
            expected("an object", value, path)
            return nil
        }
        var out: [String: String] = [:]
        for (k, e) in entries {
            if let s = string(e, JSONPath.member(path, k)) { out[k] = s }
        }
        return out
    }

    /// An array of strings (`file_ids`).
    mutating func strings(_ value: SymbolicValue, _ path: String) -> [String]? {
        array(value, path).map { items in items.enumerated().compactMap { string($1, JSONPath.element(path, $0)) } }
    }

    /// `stop`: one string or up to four.
    mutating func stopSequences(_ value: SymbolicValue, _ path: String) -> StopSequences? {
        if case .array = value {
            guard let items = array(value, path, minCount: 1, maxCount: 4) else { return nil }
            return .multiple(items.enumerated().compactMap { string($1, JSONPath.element(path, $0)) })
        }
        if bindIfPlaceholder(value, path) { return .single("") }
        switch value {
        case .string, .template: return string(value, path).map(StopSequences.single)
        default:
            expected("a string or an array of strings", value, path)
            return nil
        }
    }

    /// `logit_bias`: token id → -100…100.
    mutating func logitBias(_ value: SymbolicValue, _ path: String) -> [String: Int]? {
        if bindIfPlaceholder(value, path) { return [:] }
        guard case .object(let biases) = value else {
            expected("an object", value, path)
            return nil
        }
        var out: [String: Int] = [:]
        for (k, b) in biases {
            if let i = int(b, JSONPath.member(path, k), range: -100...100) { out[k] = i }
        }
        return out
    }

    /// A function definition (`{"name", "description", "parameters", "strict"}`).
    mutating func functionDefinition(_ value: SymbolicValue, _ path: String) -> FunctionDefinition? {
        guard let fo = object(value, path, allowed: ["name", "description", "parameters", "strict"]) else { return nil }
        let name = required(fo, "name", path).flatMap { string($0, JSONPath.member(path, "name")) }
        let description = optional(fo, "description", path, nullable: false).flatMap { string($0, JSONPath.member(path, "description")) }
        let parameters = optional(fo, "parameters", path, nullable: false).flatMap { freeJSON($0, JSONPath.member(path, "parameters"), requireObject: true) }
        let strict = optional(fo, "strict", path).flatMap { bool($0, JSONPath.member(path, "strict")) }
        return name.map { FunctionDefinition(name: $0, description: description, parameters: parameters, strict: strict) }
    }

    /// Prompt-like input: a string, strings, token ids or token-id arrays.
    mutating func textOrTokens(_ value: SymbolicValue, _ path: String) -> EmbeddingsRequest.Input? {
        switch value {
        case .string, .template, .placeholder:
            return string(value, path).map { .text($0) }
        case .array(let items):
            if items.contains(where: { if case .array = $0 { true } else { false } }) {
                return .tokenArrays(items.enumerated().compactMap { i, item in
                    array(item, JSONPath.element(path, i)).map { $0.enumerated().compactMap { int($1, JSONPath.element(JSONPath.element(path, i), $0)) } }
                })
            }
            if items.contains(where: { if case .int = $0 { true } else { false } }) {
                return .tokens(items.enumerated().compactMap { int($1, JSONPath.element(path, $0)) })
            }
            return .texts(items.enumerated().compactMap { string($1, JSONPath.element(path, $0)) })
        default:
            expected("a string or an array", value, path)
            return nil
        }
    }
}
