/// Parses `name="value" other='v' flag` attribute lists of `:::` directives.
struct AttributeList {
    var values: [String: String] = [:]
    var order: [String] = []
    var duplicates: [String] = []
    /// Text that is not an attribute (unquoted values, stray characters).
    var junk: [String] = []

    init(_ text: Substring) {
        var rest = text[...]
        func skipSpace() { while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() } }
        while true {
            skipSpace()
            guard let first = rest.first else { break }
            guard first.isLetter || first == "_" else {
                junk.append(String(rest))
                break
            }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            rest = rest.dropFirst(name.count)
            skipSpace()
            var value = ""
            if rest.first == "=" {
                rest.removeFirst()
                skipSpace()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    rest.removeFirst()
                    guard let close = rest.firstIndex(of: quote) else {
                        junk.append(String(name) + "=" + String(quote) + rest)
                        break
                    }
                    value = String(rest[..<close])
                    rest = rest[rest.index(after: close)...]
                } else {
                    let raw = rest.prefix { $0 != " " && $0 != "\t" }
                    rest = rest.dropFirst(raw.count)
                    junk.append(String(name) + "=" + raw)
                    continue
                }
            }
            let key = name.lowercased()
            if values[key] != nil { duplicates.append(key) } else { order.append(key) }
            values[key] = value
        }
    }
}
