import Core

/// Console transcripts (`$ curl …` followed by its output): only the prompted lines, and the
/// lines that continue them, are commands. Output lines are blanked, prompts replaced by spaces,
/// so positions stay those of the Markdown.
enum ConsolePrompts {
    static func commandsOnly(_ code: String) -> String {
        // Looked for in slices: code without prompts (nearly all) is returned as it is, and a line
        // holding a 20 MB request is not copied to be looked at.
        guard ASCIIScan.characterLines(code).contains(where: { promptLength($0) != nil }) else {
            return code
        }
        let lines = ASCIIScan.characterLines(code).map(String.init)
        var out: [String] = []
        var continuing = false
        var openQuote: Character?
        for line in lines {
            if !continuing, let n = promptLength(line) {
                out.append(String(repeating: " ", count: n) + line.dropFirst(n))
            } else if continuing {
                out.append(line)
            } else {
                out.append("")
                continue
            }
            openQuote = quoteState(after: line, open: openQuote)
            let trimmed = line.trimmingTrailingBlanks()
            continuing = openQuote != nil || trimmed.hasSuffix("\\") || trimmed.hasSuffix("`") || trimmed.hasSuffix("^")
        }
        return out.joined(separator: "\n")
    }

    /// Characters of the prompt (`$ `, `> `, `PS C:\dir> `, `C:\dir> `), indentation included.
    static func promptLength<Line: StringProtocol>(_ line: Line) -> Int? {
        let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        let rest = line.dropFirst(indent)
        if rest.hasPrefix("$ ") || rest.hasPrefix("> ") || rest.hasPrefix("% ") { return indent + 2 }
        if rest.hasPrefix("PS") || (rest.count > 2 && rest.dropFirst().hasPrefix(":\\")) {
            if let gt = rest.firstIndex(of: ">"), rest[rest.index(after: gt)...].hasPrefix(" ") {
                let prompt = rest[..<gt]
                if !prompt.contains(" ") || prompt.hasPrefix("PS ") { return indent + prompt.count + 2 }
            }
        }
        return nil
    }

    /// The quote still open at the end of `line` (shell rules: no escapes inside single quotes).
    static func quoteState<Line: StringProtocol>(after line: Line, open: Character?) -> Character? {
        var quote = open
        var escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            if let q = quote {
                if q == "\"" && c == "\\" { escaped = true } else if c == q { quote = nil }
            } else if c == "\\" {
                escaped = true
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" {
                break
            }
        }
        return quote
    }
}

private extension String {
    func trimmingTrailingBlanks() -> Substring {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
