import Core

/// JSON bodies of REST samples as request values.
enum RESTJSON {
    /// A fully known JSON value as a ``SymbolicValue``.
    static func symbolic(_ json: JSONValue) -> SymbolicValue {
        switch json {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(symbolic))
        case .object(let members): .object(members.mapValues(symbolic))
        }
    }

    /// Marks a run-time value inside JSON text so it survives parsing as a string; see ``restore(_:_:)``.
    static func sentinel(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    /// Replaces sentinel strings with the placeholders they stand for.
    static func restore(_ value: SymbolicValue, _ placeholders: [Placeholder]) -> SymbolicValue {
        switch value {
        // Bytes first: a Character search of a 20 MB base64 string took seconds.
        case .string(let s) where s.utf8.contains(0xEE) && s.contains("\u{E000}"):
            var parts: [TemplatePart] = []
            var rest = Substring(s)
            while let open = rest.firstIndex(of: "\u{E000}"), let close = rest[open...].firstIndex(of: "\u{E001}") {
                if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
                if let n = Int(rest[rest.index(after: open)..<close]), placeholders.indices.contains(n) {
                    parts.append(.placeholder(placeholders[n]))
                }
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.literal(String(rest))) }
            if parts.count == 1, case .placeholder(let p) = parts[0] { return .placeholder(p) }
            return .template(parts)
        case .array(let items): return .array(items.map { restore($0, placeholders) })
        case .object(let members): return .object(members.mapValues { restore($0, placeholders) })
        default: return value
        }
    }
}
