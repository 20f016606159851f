/// Source text held as Unicode scalars, for tokenizers that scan by scalar offset (their columns
/// count scalars), together with its UTF-8 bytes so that a token's text is made by copying one run
/// of bytes rather than by appending scalars one at a time (that append was 11 % of `check`).
struct ScalarText: Sendable {
    /// The text's scalars; offsets into this array are what tokenizers report.
    let scalars: [Unicode.Scalar]
    let utf8: [UInt8]
    /// The byte offset of each scalar plus one for the end; nil when the text is all ASCII, where a
    /// scalar offset is its byte offset.
    let byteOffsets: [Int]?

    init(_ source: String) {
        let bytes = Array(source.utf8)
        utf8 = bytes
        if bytes.allSatisfy({ $0 < 0x80 }) {
            scalars = bytes.map { Unicode.Scalar($0) }
            byteOffsets = nil
            return
        }
        var list: [Unicode.Scalar] = []
        var offsets: [Int] = []
        list.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        for scalar in source.unicodeScalars {
            list.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        scalars = list
        byteOffsets = offsets
    }

    /// How many scalars the text has.
    var count: Int { scalars.count }

    /// The text of scalars `from..<to`, clamped to the text; empty when the range is empty.
    func string(_ from: Int, _ to: Int) -> String {
        let start = max(0, from)
        let end = min(to, scalars.count)
        guard start < end else { return "" }
        guard let offsets = byteOffsets else { return String(decoding: utf8[start..<end], as: UTF8.self) }
        return String(decoding: utf8[offsets[start]..<offsets[end]], as: UTF8.self)
    }
}

/// Unicode property tests with an ASCII fast path: the property tables are only consulted for a
/// non-ASCII scalar (the lookups were 5 % of `check`). Each answers exactly what the property does.
enum ScalarClass {
    /// `c.properties.isAlphabetic`.
    static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) &- 0x61 < 26 }
        return c.properties.isAlphabetic
    }

    /// `c.properties.isWhitespace`.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value == 0x20 || (c.value &- 0x09) < 5 }
        return c.properties.isWhitespace
    }

    /// `c.properties.numericType != nil`.
    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value &- 0x30 < 10 }
        return c.properties.numericType != nil
    }
}
