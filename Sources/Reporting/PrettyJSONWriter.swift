/// Writes JSON laid out byte for byte as `JSONEncoder` lays it out with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`: two spaces per level, `"key" : value`, an empty
/// container as its brackets around a blank line, and the same string escapes (`\"`, `\\`, `\b`,
/// `\f`, `\n`, `\r`, `\t`, other control bytes as `\u00xx`; `/` and non-ASCII kept as they are).
///
/// `list --format json` writes each article with it on the core that loaded it; going through
/// `Encodable` cost more than building the procedure it writes. Callers write keys in sorted
/// (UTF-8) order themselves; tests compare the result with `JSONEncoder`'s.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var level: Int
    /// Per open container: whether nothing has been written into it yet.
    private var empty: [Bool] = []

    /// - Parameter level: the nesting level of the first value written (its closing bracket is indented by it).
    init(level: Int = 0, capacity: Int = 1024) {
        self.level = level
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func indent(_ count: Int) {
        for _ in 0..<count { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object; `key` must come after the previous one in UTF-8 order.
    mutating func key(_ key: StaticString) {
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts the next element of the open array.
    mutating func element() { nextItem() }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00...0x1F:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func null() { bytes.append(contentsOf: Array("null".utf8)) }

    /// An array of strings, each an element.
    mutating func strings(_ values: [String]) {
        openArray()
        for value in values { element(); string(value) }
        closeArray()
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        level += 1
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        empty.removeLast()
        level -= 1
        bytes.append(0x0A)
        indent(level)
        bytes.append(bracket)
    }

    private mutating func nextItem() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
            bytes.append(0x0A)
        }
        indent(level)
    }
}
