import Extraction

/// The embeddings request schema as code, with the same collect-every-problem reading as chat's.
struct EmbeddingsSchema {
    var reader = SymbolicReader()

    static let fields: Set<String> = Set(EmbeddingsRequest.CodingKeys.allCases.map(\.rawValue))

    mutating func request(_ value: SymbolicValue) -> EmbeddingsRequest? {
        guard let m = reader.object(value, "", allowed: Self.fields) else { return nil }
        var input: EmbeddingsRequest.Input?
        if let v = reader.required(m, "input", "") { input = self.input(v) }
        var request = EmbeddingsRequest(input: input ?? .text(""))
        request.model = reader.optional(m, "model", "", nullable: false).flatMap { reader.string($0, "model") }
        request.dimensions = reader.optional(m, "dimensions", "").flatMap { reader.int($0, "dimensions", range: 1...Int.max) }
        request.encodingFormat = reader.optional(m, "encoding_format", "").flatMap {
            reader.oneOf($0, "encoding_format", allowed: EmbeddingsRequest.encodingFormats, what: "encoding format")
        }
        request.user = reader.optional(m, "user", "", nullable: false).flatMap { reader.string($0, "user") }
        request.inputType = reader.optional(m, "input_type", "", nullable: false).flatMap { reader.string($0, "input_type") }
        return input == nil ? nil : request
    }

    mutating func input(_ value: SymbolicValue) -> EmbeddingsRequest.Input? {
        switch value {
        case .string, .template, .placeholder:
            return reader.string(value, "input").map { .text($0) }
        case .array(let items):
            if items.isEmpty {
                reader.invalid("input", "must not be empty")
                return nil
            }
            // Any nested array makes it token arrays; any integer, token ids; otherwise strings.
            let numeric = items.contains { if case .int = $0 { true } else { false } }
            let nested = items.contains { if case .array = $0 { true } else { false } }
            if nested {
                var out: [[Int]] = []
                for (i, item) in items.enumerated() {
                    let p = JSONPath.element("input", i)
                    guard let inner = reader.array(item, p, minCount: 1) else { continue }
                    out.append(inner.enumerated().compactMap { reader.int($1, JSONPath.element(p, $0)) })
                }
                return .tokenArrays(out)
            }
            if numeric {
                return .tokens(items.enumerated().compactMap { reader.int($1, JSONPath.element("input", $0)) })
            }
            return .texts(items.enumerated().compactMap { reader.string($1, JSONPath.element("input", $0)) })
        default:
            reader.expected("a string or an array", value, "input")
            return nil
        }
    }
}
