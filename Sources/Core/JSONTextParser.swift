/// A JSON syntax error at a 1-based line and column of the parsed text.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// True when the text nests arrays and objects deeper than ``JSONTextParser/maxDepth``: the
    /// text may be valid JSON, but docverify refuses to read it (`input-too-deep`).
    public var isTooDeep: Bool = false

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser that reports where the text went wrong, which Foundation's
/// `JSONSerialization` does not do portably. With `allowComments`, `//` and `/* */` comments and
/// trailing commas are accepted (JSONC, as in `tsconfig.json`).
public struct JSONTextParser {
    /// Arrays and objects nested deeper than this are refused: the parser and the values it builds
    /// recurse, and a few thousand levels exhaust a thread's stack.
    public static let maxDepth = 256

    private var scanner: JSONScanner<[UInt8]>

    public init(_ text: String, allowComments: Bool = false) {
        scanner = JSONScanner(bytes: Array(text.utf8), allowComments: allowComments)
    }

    /// Parses UTF-8 bytes as they are (a request body): no String of the whole text is made.
    public init(bytes: [UInt8], allowComments: Bool = false) {
        scanner = JSONScanner(bytes: bytes, allowComments: allowComments)
    }

    public mutating func parseDocument() throws -> JSONValue {
        try scanner.parseDocument()
    }

    /// Parses UTF-8 read where it lies (a slice of a sample's code): a 20 MB body is not copied
    /// into a buffer of its own first. Errors are positioned in `utf8` as with the other entries.
    public static func parse(utf8: UnsafeBufferPointer<UInt8>, allowComments: Bool = false) throws -> JSONValue {
        var scanner = JSONScanner(bytes: utf8, allowComments: allowComments)
        return try scanner.parseDocument()
    }
}

/// The parser itself, over an array or over bytes read in place.
struct JSONScanner<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    private let bytes: Bytes
    private var index = 0
    private let allowComments: Bool
    private var depth = 0

    init(bytes: Bytes, allowComments: Bool) {
        self.bytes = bytes
        self.allowComments = allowComments
    }

    mutating func parseDocument() throws -> JSONValue {
        try skipSpace()
        let value = try parseValue()
        try skipSpace()
        if index < bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    private func position(_ at: Int) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < at && i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    private func error(_ message: String, at: Int? = nil) -> JSONSyntaxError {
        let (line, column) = position(at ?? index)
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() throws {
        while let b = current {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                index += 1
            } else if allowComments, b == UInt8(ascii: "/"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "/") {
                    while let c = current, c != 0x0A { index += 1 }
                } else if next == UInt8(ascii: "*") {
                    let start = index
                    index += 2
                    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                    if index + 1 >= bytes.count { throw error("unterminated comment", at: start) }
                    index += 2
                } else {
                    return
                }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard let b = current else { throw error("unexpected end of JSON: a value is missing") }
        switch b {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(String(decoding: [b], as: UTF8.self))'")
        }
    }

    private mutating func expectWord(_ word: String) throws {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw error("invalid literal; expected '\(word)'")
        }
        index += w.count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONTextParser.maxDepth {
            var tooDeep = error("arrays and objects are nested deeper than \(JSONTextParser.maxDepth) levels")
            tooDeep.isTooDeep = true
            throw tooDeep
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [String: JSONValue] = [:]
        try skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            try skipSpace()
            if allowComments, current == UInt8(ascii: "}") { index += 1; return .object(members) }
            guard current == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
            let keyStart = index
            let key = try parseString()
            if members[key] != nil && !allowComments { throw error("duplicate member \"\(key)\"", at: keyStart) }
            try skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after member name \"\(key)\"") }
            index += 1
            try skipSpace()
            members[key] = try parseValue()
            try skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            case nil: throw error("unexpected end of JSON: '}' is missing")
            default: throw error("expected ',' or '}' after a member value")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        try skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            try skipSpace()
            if allowComments, current == UInt8(ascii: "]") { index += 1; return .array(items) }
            items.append(try parseValue())
            try skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            case nil: throw error("unexpected end of JSON: ']' is missing")
            default: throw error("expected ',' or ']' after an array element")
            }
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1
        // Most strings have no escapes: one String straight from the bytes, with no growing buffer
        // (a 20 MB base64 audio string would otherwise be copied byte by byte and twice over).
        var end = index
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end + 1
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            end += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - index + 16)
        out.append(contentsOf: bytes[index..<end])
        index = end
        while true {
            guard let b = current else { throw error("unterminated string", at: start) }
            index += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = current else { throw error("unterminated string", at: start) }
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar), current == UInt8(ascii: "\\"),
                       index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let s = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "\u{FFFD}"
                    out.append(contentsOf: Array(s.utf8))
                default: throw error("invalid escape sequence", at: index - 2)
                }
            case 0x00..<0x20:
                throw error("control character in string; escape it", at: index - 1)
            default:
                out.append(b)
            }
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw error("invalid number")
        }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { index += 1 }
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { throw error("invalid number: digit expected after '.'") }
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { throw error("invalid number: digit expected in exponent") }
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw error("invalid number", at: start) }
        return .double(d)
    }
}
