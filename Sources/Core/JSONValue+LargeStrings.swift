import Foundation

/// Serializing bodies that carry large strings (base64 audio, images) without the encoder's
/// copies: `JSONEncoder` writes a 20 MB string into a growing buffer, then into `Data`, then into a
/// `String` — three or four copies alive at once. Here the encoder writes the value with each large
/// string replaced by a short sentinel, and the pieces are then joined once, byte for byte the
/// encoder's own output.
extension JSONValue {
    /// Strings at least this long (in UTF-8 bytes) are spliced in rather than encoded.
    static let spliceThreshold = 4_096

    /// A run of `serialized(pretty:)`: the encoder's text, or a large string written as it is.
    public enum SerializedPiece {
        /// Encoder output, valid only during the call that hands it over.
        case encoded(UnsafeBufferPointer<UInt8>)
        /// A string the encoder writes byte for byte (base64 and the like): its own storage, so a
        /// caller can keep it without a copy.
        case verbatim(String)
    }

    /// The chunks of `serialized(pretty:)` in order, each handed to `body`: the encoder's text
    /// between large strings, and the large strings themselves.
    public func forEachSerializedChunk(pretty: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachSerializedPiece(pretty: pretty) { piece in
            switch piece {
            case .encoded(let bytes): body(bytes)
            case .verbatim(var text): text.withUTF8(body)
            }
        }
    }

    /// The pieces of `serialized(pretty:)` in order: joined, they are its bytes exactly.
    public func forEachSerializedPiece(pretty: Bool = false, _ body: (SerializedPiece) -> Void) {
        guard !containsSentinel(depth: 0) else {
            var text = serialized(encoding: self, pretty: pretty)
            text.withUTF8 { body(.encoded($0)) }
            return
        }
        var large: [String] = []
        let reduced = replacingLargeStrings(into: &large, depth: 0)
        var text = serialized(encoding: reduced, pretty: pretty)
        guard !large.isEmpty else {
            text.withUTF8 { body(.encoded($0)) }
            return
        }
        text.withUTF8 { bytes in
            var i = 0
            var pending = 0
            while i < bytes.count {
                // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81.
                if bytes[i] == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                    var j = i + 3
                    var number = 0
                    while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, number < large.count {
                        number = number * 10 + Int(bytes[j] - 0x30)
                        j += 1
                    }
                    if j + 2 < bytes.count, bytes[j] == 0xEE, bytes[j + 1] == 0x80, bytes[j + 2] == 0x81, number < large.count {
                        body(.encoded(UnsafeBufferPointer(rebasing: bytes[pending..<i])))
                        body(.verbatim(large[number]))
                        i = j + 3
                        pending = i
                        continue
                    }
                }
                i += 1
            }
            body(.encoded(UnsafeBufferPointer(rebasing: bytes[pending..<bytes.count])))
        }
    }

    /// `serialized(pretty:)` as bytes, built in one buffer of the exact size.
    public func serializedData(pretty: Bool = false) -> Data {
        var total = 0
        forEachSerializedChunk(pretty: pretty) { total += $0.count }
        var data = Data(capacity: total)
        forEachSerializedChunk(pretty: pretty) { data.append($0) }
        return data
    }

    /// The encoder's output for `value` (sorted keys, unescaped slashes).
    private func serialized(encoding value: JSONValue, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func sentinel(_ n: Int) -> String { "\u{E000}\(n)\u{E001}" }

    /// True for a string the encoder writes byte for byte: printable ASCII without `"` or `\`
    /// (slashes are left alone with `.withoutEscapingSlashes`). Base64 is such a string.
    private static func isVerbatim(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
    }

    /// Values come from the depth-bounded parser or the request builders; the bound here only
    /// keeps a hand-built value from exhausting the stack (deeper parts are left as they are).
    private static let spliceMaxDepth = 512

    private func replacingLargeStrings(into large: inout [String], depth: Int) -> JSONValue {
        guard depth < Self.spliceMaxDepth else { return self }
        switch self {
        case .string(let s) where s.utf8.count >= Self.spliceThreshold && Self.isVerbatim(s):
            large.append(s)
            return .string(Self.sentinel(large.count - 1))
        case .array(let items):
            return .array(items.map { $0.replacingLargeStrings(into: &large, depth: depth + 1) })
        case .object(let members):
            return .object(members.mapValues { $0.replacingLargeStrings(into: &large, depth: depth + 1) })
        default:
            return self
        }
    }

    /// True when a string or key already holds U+E000: it could be taken for a sentinel.
    private func containsSentinel(depth: Int) -> Bool {
        guard depth < Self.spliceMaxDepth else { return true }
        func has(_ s: String) -> Bool { s.utf8.contains(0xEE) && s.unicodeScalars.contains("\u{E000}") }
        switch self {
        case .string(let s): return has(s)
        case .array(let items): return items.contains { $0.containsSentinel(depth: depth + 1) }
        case .object(let members): return members.contains { has($0.key) || $0.value.containsSentinel(depth: depth + 1) }
        default: return false
        }
    }
}
