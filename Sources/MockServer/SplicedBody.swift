import Core

/// A JSON request body read with its large plain strings (base64 audio) set aside as they arrive.
///
/// Collecting a 19 MB body and then parsing it held the bytes and the parsed string at once: two
/// copies of the audio. Here each string that grows past ``threshold`` bytes of printable ASCII
/// (no escapes) is moved out of the byte buffer into a `String` of its own while the body is still
/// arriving, and the buffer keeps a short placeholder in its place. Parsing the small remainder and
/// putting the strings back (``parse()``) gives exactly the value parsing the whole body would
/// have given, with one copy of each large string alive at any time.
struct SplicedBody {
    /// Strings at least this long are set aside: below it, a copy costs nothing worth saving.
    static let threshold = 64 * 1_024

    /// The body with each large string's content replaced by its placeholder.
    private(set) var reduced: [UInt8] = []
    /// The large strings, in body order.
    private(set) var large: [String] = []
    /// Where each placeholder's content starts in ``reduced``.
    private var placeholderOffsets: [Int] = []
    /// Bytes received (the body's real length).
    private(set) var count = 0

    /// Bytes the client announced (`Content-Length`), to give a large string its full capacity at
    /// once instead of doubling it while it grows.
    private let declared: Int?
    /// Unique per body, so a client cannot write a placeholder of its own.
    private let nonce = UInt64.random(in: 0...UInt64.max).paddedHex

    // Lexer state: only strings matter (JSON has quotes nowhere else).
    private var inString = false
    private var escaped = false
    /// The current string has only printable ASCII without escapes so far.
    private var verbatim = false
    /// Content bytes of the current string so far (while it is still in ``reduced``).
    private var run = 0
    /// The current string is being appended to `divert` instead of ``reduced``.
    private var diverting = false
    private var divert = ""

    init(declaredLength: Int?) {
        declared = declaredLength
        // Pages of a reservation are only resident once written: this costs the body's small part.
        if let declaredLength, declaredLength > 0 { reduced.reserveCapacity(declaredLength) }
    }

    /// The placeholder of the `n`th large string: private-use scalars around the nonce.
    func placeholder(_ n: Int) -> String { "\u{E000}\(nonce)-\(n)\u{E001}" }

    /// Takes the next bytes of the body.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let start = count
        count += bytes.count
        var i = 0
        let n = bytes.count
        while i < n {
            if diverting {
                var j = i
                while j < n, Self.isVerbatim(bytes[j]) { j += 1 }
                if j > i { divert.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)) }
                i = j
                guard i < n else { break }
                if bytes[i] == UInt8(ascii: "\"") {
                    finishDiversion()
                } else {
                    abandonDiversion()
                }
                continue  // the byte at `i` is lexed below as part of a normal string
            }
            let b = bytes[i]
            reduced.append(b)
            i += 1
            guard inString else {
                if b == UInt8(ascii: "\"") { startString() }
                continue
            }
            if escaped {
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
                verbatim = false
            } else if b == UInt8(ascii: "\"") {
                inString = false
            } else {
                if !Self.isVerbatim(b) { verbatim = false }
                run += 1
                if verbatim, run >= Self.threshold { startDiversion(received: start + i) }
            }
        }
    }

    private mutating func startString() {
        inString = true
        escaped = false
        verbatim = true
        run = 0
    }

    /// Moves the current string's bytes so far out of ``reduced``.
    private mutating func startDiversion(received: Int) {
        var text = ""
        let remaining = declared.map { $0 - received } ?? 0
        text.reserveCapacity(run + max(0, remaining))
        text.append(String(decoding: reduced[(reduced.count - run)...], as: UTF8.self))
        reduced.removeLast(run)
        divert = text
        diverting = true
    }

    /// The closing quote of a diverted string: its placeholder goes where its content was. The
    /// quote itself is lexed by the caller as the end of a normal string.
    private mutating func finishDiversion() {
        placeholderOffsets.append(reduced.count)
        reduced.append(contentsOf: placeholder(large.count).utf8)
        large.append(divert)
        divert = ""
        diverting = false
        verbatim = false  // the placeholder is not ASCII: this string is not diverted again
    }

    /// A byte a verbatim string cannot hold (an escape, a control or non-ASCII byte): the string's
    /// bytes go back into ``reduced`` and it is lexed as any other string. Rare, and only then is
    /// the string copied.
    private mutating func abandonDiversion() {
        reduced.append(contentsOf: divert.utf8)
        divert = ""
        diverting = false
        verbatim = false
    }

    /// The body as JSON: the remainder parsed, the large strings put back. Syntax errors point
    /// where they are in the body as sent.
    func parse() throws(MockError) -> JSONValue {
        var reduced = self.reduced
        if diverting {
            // The body ended inside a large string: put it back so the error reads as it should.
            reduced.append(contentsOf: divert.utf8)
        }
        try JSONRequest.validateUTF8(reduced)
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes: reduced)
        } catch let error as JSONSyntaxError {
            throw .invalidRequest(param: nil, "The request body is not valid JSON (\(adjusted(error, in: reduced).description)).")
        } catch {
            throw .invalidRequest(param: nil, "The request body is not valid JSON.")
        }
        guard !large.isEmpty else { return value }
        var byPlaceholder: [String: String] = [:]
        for (n, text) in large.enumerated() { byPlaceholder[placeholder(n)] = text }
        return Self.restore(value, byPlaceholder, depth: 0)
    }

    /// Large strings hold no line breaks, so only columns after a placeholder on its line move.
    private func adjusted(_ error: JSONSyntaxError, in reduced: [UInt8]) -> JSONSyntaxError {
        var fixed = error
        for (n, offset) in placeholderOffsets.enumerated() {
            var line = 1, column = 1
            for b in reduced[..<offset] {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            let width = placeholder(n).unicodeScalars.count
            if line == error.line, error.column >= column + width { fixed.column += large[n].utf8.count - width }
        }
        return fixed
    }

    /// The parser bounds depth (``JSONTextParser/maxDepth``); the bound here only guards the walk.
    private static func restore(_ value: JSONValue, _ texts: [String: String], depth: Int) -> JSONValue {
        guard depth <= JSONTextParser.maxDepth + 1 else { return value }
        switch value {
        case .string(let s):
            return s.utf8.first == 0xEE ? .string(texts[s] ?? s) : value
        case .array(let items):
            return .array(items.map { restore($0, texts, depth: depth + 1) })
        case .object(let members):
            var restored: [String: JSONValue] = [:]
            restored.reserveCapacity(members.count)
            for (key, member) in members {
                restored[key.utf8.first == 0xEE ? texts[key] ?? key : key] = restore(member, texts, depth: depth + 1)
            }
            return .object(restored)
        default:
            return value
        }
    }

    /// Printable ASCII other than `"` and `\`: written in JSON as it is.
    private static func isVerbatim(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C }
}
