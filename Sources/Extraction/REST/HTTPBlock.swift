import Foundation

/// An HTTP-style request block (`POST https://…/chat/completions?api-version=…` followed by
/// header lines, then optionally a blank line and the body).
struct HTTPBlock {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    var method: String
    var url: [TemplatePart]
    var position: JSPosition
    var headers: [String: SymbolicValue]
    /// The inline body's lines and the code line of its first line, if the block has one.
    var body: (text: String, startLine: Int)?

    init?(code: String) {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\r", with: "") }
        var n = 0
        while n < lines.count, Self.isSkippable(lines[n]) { n += 1 }
        guard n < lines.count else { return nil }
        let requestLine = lines[n]
        let indent = requestLine.prefix(while: { $0 == " " || $0 == "\t" }).count
        let fields = requestLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2, Self.methods.contains(String(fields[0]).uppercased()) else { return nil }
        method = String(fields[0]).uppercased()
        url = Self.templateParts(String(fields[1]))
        position = JSPosition(line: n + 1, column: indent + 1)
        headers = [:]
        n += 1
        while n < lines.count, !lines[n].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = lines[n]
            n += 1
            if line.hasPrefix("#") || line.hasPrefix("//") { continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = Self.value(Self.templateParts(value))
        }
        let rest = lines.dropFirst(n)
        if let first = rest.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            body = (lines[first...].joined(separator: "\n"), first + 1)
        }
    }

    private static func isSkippable(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t.hasPrefix("#") || t.hasPrefix("//")
    }

    /// Placeholders as docs write them in request lines: `$VAR`, `${VAR}`, `{{$processEnv VAR}}`
    /// (environment), `{{name}}` and `{name}` (values the reader substitutes).
    static func templateParts(_ text: String) -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var literal = ""
        var rest = Substring(text)
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
        }
        while let c = rest.first {
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                let inner = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                flush()
                let words = inner.split(separator: " ")
                if words.count == 2, words[0] == "$processEnv" || words[0] == "$dotenv" {
                    parts.append(.placeholder(.environment(name: String(words[1]), fallback: nil)))
                } else {
                    parts.append(.placeholder(.unknown("{{\(inner)}}")))
                }
                rest = rest[close.upperBound...]
            } else if c == "{", let close = rest.firstIndex(of: "}") {
                flush()
                parts.append(.placeholder(.unknown(String(rest[...close]))))
                rest = rest[rest.index(after: close)...]
            } else if c == "$", rest.dropFirst().first.map({ $0 == "{" || $0 == "_" || $0.isLetter }) == true {
                flush()
                var name = ""
                rest = rest.dropFirst()
                if rest.first == "{" {
                    rest = rest.dropFirst()
                    name = String(rest.prefix(while: { $0 != "}" }))
                    rest = rest.dropFirst(name.count + 1)
                } else {
                    name = String(rest.prefix(while: { $0 == "_" || $0.isLetter || $0.isNumber }))
                    rest = rest.dropFirst(name.count)
                }
                parts.append(.placeholder(.environment(name: name, fallback: nil)))
            } else {
                literal.append(c)
                rest = rest.dropFirst()
            }
        }
        flush()
        return parts
    }

    static func value(_ parts: [TemplatePart]) -> SymbolicValue {
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .literal(let l) = parts[0] { return .string(l) }
        if parts.count == 1, case .placeholder(let p) = parts[0] { return .placeholder(p) }
        return .template(parts)
    }
}
