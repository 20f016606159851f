import Foundation

/// A JSON value. Objects are unordered (dictionary) because every comparison docverify makes is
/// key-order independent; printers sort keys for stable output.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The element at `index` of an array, nil for anything else.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The JSON type name, for messages ("expected string, found array").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue {
    /// Parses JSON text. Throws `JSONSyntaxError` with a 1-based line and column on bad input.
    public static func parse(_ text: String, allowComments: Bool = false) throws -> JSONValue {
        var parser = JSONTextParser(text, allowComments: allowComments)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 JSON bytes (a request or response body) without first making a String of them.
    public static func parse(bytes: [UInt8], allowComments: Bool = false) throws -> JSONValue {
        var parser = JSONTextParser(bytes: bytes, allowComments: allowComments)
        return try parser.parseDocument()
    }

    /// Compact JSON with sorted keys: stable across runs and platforms.
    public func serialized(pretty: Bool = false) -> String {
        // Large strings are spliced into one exact-size buffer (see JSONValue+LargeStrings).
        var total = 0
        forEachSerializedChunk(pretty: pretty) { total += $0.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var written = 0
            forEachSerializedChunk(pretty: pretty) { chunk in
                guard let base = chunk.baseAddress, let target = buffer.baseAddress, written + chunk.count <= buffer.count else { return }
                (target + written).update(from: base, count: chunk.count)
                written += chunk.count
            }
            return written
        }
    }
}
