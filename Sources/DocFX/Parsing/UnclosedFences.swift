import Core
import Markup

/// `code-fence-unclosed`: a fenced code block with no closing fence runs to the end of its container
/// (CommonMark), and when Markdown follows it — headings, another fence — the reader sees the rest of
/// the page as code. A block that merely ends the file unclosed changes nothing a reader sees and is
/// not reported.
enum UnclosedFences {
    /// Fence languages whose comments start with `#`, where a `# word` line is code, not a heading.
    static let hashCommentLanguages: Set<String> = [
        "python", "py", "bash", "sh", "shell", "console", "azurecli", "azurecli-interactive", "powershell",
        "pwsh", "azurepowershell", "ps1", "yaml", "yml", "toml", "ini", "dockerfile", "ruby", "r", "perl",
        "makefile", "text", "plaintext", "output", "dotenv", "env",
    ]

    /// The finding for `code` when it is unclosed and swallows Markdown, nil otherwise.
    static func finding(_ code: CodeBlock, in file: SourceFile) -> Finding? {
        guard code.isFenced, let opening = fence(atLine: code.fenceLine, in: file),
              !isClosingFence(line: code.span.endLine, opening: opening, in: file) || code.span.endLine == code.fenceLine,
              let swallowed = swallowedMarkdown(code) else { return nil }
        let line = code.codeStartLine + swallowed.offset
        return Finding(
            rule: "code-fence-unclosed", severity: .error, location: file.location(code.fenceLine, code.column),
            message: "this code fence (\(opening.marker)\(code.infoString)) is never closed, so it runs to the end of its container and swallows the Markdown after it ('\(swallowed.text)' at \(file.relative):\(line)); readers see the rest as code: add a closing \(opening.marker) line after the code")
    }

    /// The line with container prefixes (indentation, `>`) removed.
    static func stripped(_ line: String) -> Substring {
        Substring(line).drop { $0 == " " || $0 == ">" || $0 == "\t" }
    }

    static func fence(atLine number: Int, in file: SourceFile) -> CodeFence? {
        guard number >= 1, number <= file.lines.count else { return nil }
        return CodeFence(opening: stripped(file.lines[number - 1]))
    }

    static func isClosingFence(line number: Int, opening: CodeFence, in file: SourceFile) -> Bool {
        guard number >= 1, number <= file.lines.count else { return false }
        return opening.isClosed(by: stripped(file.lines[number - 1]))
    }

    /// The first line of the literal that is Markdown rather than code: a heading (`#` headings only
    /// where `#` doesn't start a comment), a fence opening with a language, a DocFX directive or include.
    static func swallowedMarkdown(_ code: CodeBlock) -> (offset: Int, text: String)? {
        let language = code.infoString.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let hashIsComment = hashCommentLanguages.contains(language)
        for (offset, raw) in code.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " }
            guard raw.count - line.count <= 3 else { continue }
            let hashes = line.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                if hashes >= 2 || !hashIsComment { return (offset, String(line)) }
                continue
            }
            if let fence = CodeFence(opening: line), fence.info.contains(where: { $0.isLetter }) {
                return (offset, String(line))
            }
            if line.hasPrefix(":::") || line.hasPrefix("[!INCLUDE") || line.hasPrefix("[!include") {
                return (offset, String(line))
            }
        }
        return nil
    }
}
