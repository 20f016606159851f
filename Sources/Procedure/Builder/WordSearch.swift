#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte search for the fixed words the prose reader looks for in every paragraph (already
/// lowercased). The text's bytes are borrowed once for all the words of a table, where a call per
/// word through the generic `ASCIIScan.contains` cost more than the search itself.
enum WordSearch {
    /// Whether `text` contains any of `words` (plain byte comparison: `String.contains` on the
    /// ASCII words these tables hold).
    static func holdsAny(_ text: String, _ words: [String]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            words.contains { word in
                var word = word
                return word.withUTF8 { find($0, in: bytes) }
            }
        }
    }

    /// Whether `pattern` occurs in `bytes`: `memchr` for the first byte, `memcmp` for the rest.
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first, let needle = pattern.baseAddress else { return true }
        guard bytes.count >= pattern.count, let base = bytes.baseAddress else { return false }
        let end = base + (bytes.count - pattern.count + 1)
        var from = base
        while from < end, let hit = memchr(from, Int32(first), end - from) {
            let start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if pattern.count == 1 || memcmp(start + 1, needle + 1, pattern.count - 1) == 0 { return true }
            from = start + 1
        }
        return false
    }
}
