import Core

/// The recognizers' keywords, searched once per line: each distinct keyword once, in a lowercase
/// copy of the line made once, instead of a lowercased `String` and a search per recognizer.
enum LimitKeywords {
    /// The distinct keywords as bytes, and for each recognizer (catalog order) its keyword's slot.
    static let table: (keywords: [[UInt8]], slots: [Int]) = {
        var keywords: [[UInt8]] = []
        var slots: [Int] = []
        for recognizer in LimitCatalog.recognizers {
            let bytes = Array(recognizer.keyword.utf8)
            if let slot = keywords.firstIndex(of: bytes) { slots.append(slot) } else {
                slots.append(keywords.count)
                keywords.append(bytes)
            }
        }
        return (keywords, slots)
    }()

    /// Whether each recognizer (catalog order) may match `text`: its keyword is in the line, ASCII
    /// letters compared case-insensitively. Nil when the line holds non-ASCII bytes: case-insensitive
    /// matching folds some Unicode letters into ASCII ones, so every recognizer must run.
    static func candidates(in text: String) -> [Bool]? {
        var copy = text
        return copy.withUTF8 { bytes -> [Bool]? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lowered -> [Bool]? in
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    if byte >= 0x80 { return nil }
                    lowered[i] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                let line = UnsafeBufferPointer(rebasing: lowered[0..<bytes.count])
                let present = table.keywords.map { keyword in
                    keyword.withUnsafeBufferPointer { ASCIIScan.search(line, for: $0, ignoringCase: false) }
                }
                return table.slots.map { present[$0] }
            }
        }
    }
}
