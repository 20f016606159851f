/// One `curl -F` argument read as a form part: `name=value`, `name=@path` (a file upload),
/// `name=<path` (a field holding the file's text), with `;type=…` and `;filename=…` options.
struct CurlFormPart {
    var part: MultipartPart
    /// The local file the part reads, if any.
    var file: String?

    /// Nil when the argument has no `=`.
    init?(_ word: ShellWord, literal: Bool) {
        guard let eq = word.chars.firstIndex(where: { if case .char("=", _) = $0 { true } else { false } }) else { return nil }
        let name = ShellWord(chars: Array(word.chars[..<eq]), position: word.position).text
        var rest = Array(word.chars[word.chars.index(after: eq)...])
        var kind: Character = " "
        if !literal, case .char(let c, _)? = rest.first, c == "@" || c == "<" {
            kind = Character(c)
            rest.removeFirst()
        }
        guard kind != " " else {
            // A text field may carry `;type=…` too (curl reads it off the end).
            var contentType: String?
            if !literal, let semi = rest.lastIndex(where: { if case .char(";", _) = $0 { true } else { false } }) {
                let option = ShellWord(chars: Array(rest[rest.index(after: semi)...]), position: word.position).text
                if option.hasPrefix("type=") {
                    contentType = String(option.dropFirst(5))
                    rest = Array(rest[..<semi])
                }
            }
            part = MultipartPart(name: name, value: ShellWord(chars: rest, position: word.position).symbolic, contentType: contentType)
            file = nil
            return
        }
        // `;type=audio/wav;filename=x.wav` follow the path; a quoted `;` stays in the path in
        // curl, but docs never rely on that.
        var segments: [[ShellChar]] = [[]]
        for c in rest {
            if case .char(";", _) = c { segments.append([]) } else { segments[segments.count - 1].append(c) }
        }
        let path = ShellWord(chars: segments[0], position: word.position).text
        var contentType: String?
        var filename: String?
        for option in segments.dropFirst() {
            let text = ShellWord(chars: option, position: word.position).text
            if text.hasPrefix("type=") { contentType = String(text.dropFirst(5)) }
            if text.hasPrefix("filename=") { filename = String(text.dropFirst(9)).trimmingQuotes() }
        }
        file = path
        if kind == "@" {
            part = MultipartPart(
                name: name, value: .placeholder(.file(path: path, encoding: .binary)),
                filename: filename ?? (path.split(separator: "/").last.map(String.init) ?? path), contentType: contentType)
        } else {
            part = MultipartPart(name: name, value: .placeholder(.file(path: path, encoding: .text)), contentType: contentType)
        }
    }
}

private extension String {
    func trimmingQuotes() -> String {
        var s = Substring(self)
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return String(s)
    }
}
