import Core
import Foundation
import Requests

/// Embeddings: deterministic unit vectors, one per input, of the model's width (or `dimensions`).
enum EmbeddingsAnswer {
    static func answer(_ members: [String: JSONValue], model: String) throws(MockError) -> MockAnswer {
        let inputs = try Self.inputs(members["input"])
        let native = ServiceFacts.embeddingDimension(model: model)
        let read = MemberReader(members: members)
        let dimensions = try read.int("dimensions", in: 1...native) ?? native
        let base64 = try read.oneOf("encoding_format", ["float", "base64"]) == "base64"
        var data: [JSONValue] = []
        var tokens = 0
        for (index, input) in inputs.enumerated() {
            tokens += max(1, input.tokens)
            let vector = unitVector(seed: FNV1a64.hash(model + "\u{0}" + input.key), dimensions: dimensions)
            let embedding: JSONValue =
                base64 ? .string(float32Base64(vector)) : .array(vector.map { .double(Double($0)) })
            data.append(.object(["object": .string("embedding"), "index": .int(index), "embedding": embedding]))
        }
        return .json(.object([
            "object": .string("list"), "data": .array(data), "model": .string(model),
            "usage": .object(["prompt_tokens": .int(tokens), "total_tokens": .int(tokens)]),
        ]))
    }

    struct Input {
        var key: String
        var tokens: Int
    }

    /// A string, strings, token ids or arrays of token ids: each becomes one embedding.
    static func inputs(_ value: JSONValue?) throws(MockError) -> [Input] {
        func text(_ s: String) -> Input { Input(key: s, tokens: (s.split(whereSeparator: \.isWhitespace).count * 4 + 2) / 3) }
        switch value {
        case .string(let s)?: return [text(s)]
        case .array(let items)? where items.allSatisfy({ if case .int = $0 { true } else { false } }):
            return [Input(key: JSONValue.array(items).serialized(), tokens: items.count)]
        case .array(let items)?:
            return items.map { item in
                if case .string(let s) = item { return text(s) }
                return Input(key: item.serialized(), tokens: item.arrayValue?.count ?? 1)
            }
        default: throw .invalidRequest(param: "input", "'input' must be a string or an array.")
        }
    }

    /// Components from a seeded generator, normalised to length 1 (what the service's are).
    static func unitVector(seed: UInt64, dimensions: Int) -> [Float] {
        var random = SplitMix64(seed: seed)
        var v = (0..<dimensions).map { _ in Float(random.nextUnit() * 2 - 1) }
        let norm = v.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { v = v.map { $0 / norm } }
        return v
    }

    /// `encoding_format: base64`: little-endian float32s, base64 (what the SDKs decode).
    static func float32Base64(_ vector: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for f in vector { bytes.appendLittleEndian(f.bitPattern) }
        return Data(bytes).base64EncodedString()
    }
}
