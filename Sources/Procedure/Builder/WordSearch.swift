import Core

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
        ASCIIScan.search(bytes, for: pattern, ignoringCase: false)
    }
}
