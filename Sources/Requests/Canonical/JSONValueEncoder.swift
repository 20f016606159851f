import Core
import Foundation

/// Encodes a model straight into a ``JSONValue``: the same value as parsing
/// `JSONEncoderForModels.encoder`'s output, without that text. A request model carrying a 20 MB
/// base64 string shares the string's storage here, where the text round trip made three more
/// copies (the encoder's buffer, its `Data`, the parsed string).
///
/// Numbers, dates, data and URLs go through `JSONEncoder` one by one, so they come out exactly as
/// the round trip gave them. Throws ``TooDeep`` past ``maxDepth`` nested containers (callers fall
/// back to the round trip).
public enum JSONValueEncoder {
    /// Containers nested deeper than this are not encoded here: the encoding recurses.
    public static let maxDepth = 256

    /// Nesting past ``maxDepth``.
    public struct TooDeep: Error {}

    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = ValueEncoder(depth: 0)
        try encoder.encodeValue(value)
        return encoder.slot.value
    }

    /// A scalar the way `JSONEncoder` writes it and ``JSONValue/parse(bytes:allowComments:)`` reads it back.
    static func viaText<T: Encodable>(_ value: T) throws -> JSONValue {
        let data = try JSONEncoderForModels.encoder.encode([value])
        guard case .array(let items) = try JSONValue.parse(bytes: [UInt8](data)), let first = items.first else { return .null }
        return first
    }
}

/// Where an encoded value lands; containers write into their parent's slot by reference, since
/// `Encoder` hands out containers that outlive the call that made them.
private final class Slot {
    enum Content {
        case value(JSONValue)
        case object([String: Slot])
        case array([Slot])
    }

    var content: Content = .value(.null)

    /// The value, containers assembled. Depth is bounded by ``JSONValueEncoder/maxDepth`` at encoding.
    var value: JSONValue {
        switch content {
        case .value(let v): return v
        case .object(let members): return .object(members.mapValues(\.value))
        case .array(let items): return .array(items.map(\.value))
        }
    }
}

private struct ValueEncoder: Encoder {
    let slot = Slot()
    let depth: Int
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(depth: Int) {
        self.depth = depth
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        guard depth <= JSONValueEncoder.maxDepth else { throw JSONValueEncoder.TooDeep() }
        switch value {
        case let json as JSONValue: slot.content = .value(json)
        case let string as String: slot.content = .value(.string(string))
        case let bool as Bool: slot.content = .value(.bool(bool))
        case let int as Int: slot.content = .value(.int(int))
        case is Double, is Float, is Decimal, is Date, is Data, is URL,
             is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16, is UInt32, is UInt64:
            slot.content = .value(try JSONValueEncoder.viaText(value))
        default:
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, depth: depth))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedContainer(slot: slot, depth: depth)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let depth: Int
    var codingPath: [CodingKey] = []

    private func child(_ key: Key) -> ValueEncoder {
        let encoder = ValueEncoder(depth: depth + 1)
        if case .object(var members) = slot.content {
            members[key.stringValue] = encoder.slot
            slot.content = .object(members)
        }
        return encoder
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encodeValue(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { child(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let depth: Int
    var codingPath: [CodingKey] = []
    var count: Int {
        if case .array(let items) = slot.content { return items.count }
        return 0
    }

    private func next() -> ValueEncoder {
        let encoder = ValueEncoder(depth: depth + 1)
        if case .array(var items) = slot.content {
            items.append(encoder.slot)
            slot.content = .array(items)
        }
        return encoder
    }

    mutating func encodeNil() throws { next().slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try next().encodeValue(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { next() }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws { encoder.slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
