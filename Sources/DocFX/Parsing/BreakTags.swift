import Core

/// Finds `<br>` line-break tags in table cells by scanning bytes: the quotas tables hold one in
/// most cells, and a Foundation regular expression per cell was most of reading a table.
enum BreakTags {
    /// The text between `<br\s*/?>` tags (ASCII letters in any case), each trimmed of spaces and
    /// tabs, as the regular expression `<br\s*/?>` would cut it; nil for non-ASCII text, which
    /// needs Unicode's `\s`.
    static func split(_ text: String) -> [String]? {
        var copy = text
        return copy.withUTF8 { bytes -> [String]? in
            var parts: [String] = []
            var partStart = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "<"), let end = tagEnd(bytes, at: i) {
                    parts.append(part(bytes, partStart..<i))
                    partStart = end
                    i = end
                    continue
                }
                i += 1
            }
            parts.append(part(bytes, partStart..<bytes.count))
            return parts
        }
    }

    /// The index after a break tag starting at `start` (`<`), nil when none starts there. Greedy
    /// blanks then an optional `/` then `>`: a failed match can't backtrack into another one.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start + 1] | 0x20 == UInt8(ascii: "b"), bytes[start + 2] | 0x20 == UInt8(ascii: "r") else { return nil }
        var j = start + 3
        while j < bytes.count, isRegexSpace(bytes[j]) { j += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ">") else { return nil }
        return j + 1
    }

    /// ICU's `\s` (Unicode White_Space) on ASCII: tab through carriage return, and space.
    static func isRegexSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func part(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        ASCIIScan.trimmingWhitespace(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}
