/// Finds YAML aliases (`*name` referring to an `&name` anchor) without parsing the YAML, so front
/// matter that would expand exponentially is refused before Yams sees it.
enum YAMLAliasScan {
    struct Alias: Equatable {
        var name: String
        /// 1-based line within the YAML text.
        var line: Int
    }

    /// The first alias whose name an anchor in the same text defines; nil when there is none.
    /// Bytes inside quotes are skipped, so `"*bold*"` is not an alias.
    static func firstAlias(in yaml: String) -> Alias? {
        let bytes = Array(yaml.utf8)
        guard bytes.contains(UInt8(ascii: "&")), bytes.contains(UInt8(ascii: "*")) else { return nil }
        var anchors = Set<String>()
        var aliases: [Alias] = []
        var line = 1
        var quote: UInt8?
        var previous: UInt8 = UInt8(ascii: " ")
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; quote = nil; previous = b; i += 1; continue }
            if let q = quote {
                if b == q { quote = nil }
                previous = b
                i += 1
                continue
            }
            if b == UInt8(ascii: "\""), isBoundary(previous) || previous == UInt8(ascii: ":") { quote = b }
            else if b == UInt8(ascii: "'"), isBoundary(previous) || previous == UInt8(ascii: ":") { quote = b }
            else if b == UInt8(ascii: "#"), isBoundary(previous) {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            } else if (b == UInt8(ascii: "&") || b == UInt8(ascii: "*")), isBoundary(previous) {
                var j = i + 1
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                if j > i + 1 {
                    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                    if b == UInt8(ascii: "&") { anchors.insert(name) } else { aliases.append(Alias(name: name, line: line)) }
                    previous = bytes[j - 1]
                    i = j
                    continue
                }
            }
            previous = b
            i += 1
        }
        return aliases.first { anchors.contains($0.name) }
    }

    private static func isBoundary(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "[")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: ",") || b == UInt8(ascii: "-")
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        !(b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: ",")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}"))
    }
}
