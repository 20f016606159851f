import Core
import Foundation

/// One command of a shell, console, PowerShell or cmd sample: its words (quotes removed) and the
/// 1-based code line it starts on.
public struct ShellCommandLine: Hashable, Sendable {
    public var words: [String]
    public var line: Int
    /// The command as written (continuations joined).
    public var text: String

    public init(words: [String], line: Int, text: String) {
        self.words = words
        self.line = line
        self.text = text
    }
}

/// Splits a command sample into commands, loosely enough for every shell a page may show: prompts
/// (`$ `, `> `, `PS C:\> `) are dropped and, when present, only prompted lines count; `\`, `` ` ``
/// and `^` continue a line; `&&`, `||`, `;` and `|` separate commands; comments are dropped.
public enum CommandLines {
    public static func commands(in code: String) -> [ShellCommandLine] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let prompted = lines.contains { promptLength($0) != nil }
        var result: [ShellCommandLine] = []
        var pending = ""
        var pendingLine = 0
        var continuing = false
        for (index, raw) in lines.enumerated() {
            var line = raw.replacingOccurrences(of: "\r", with: "")
            if !continuing {
                if let n = promptLength(line) {
                    line = String(line.dropFirst(n))
                } else if prompted {
                    continue
                }
                pendingLine = index + 1
                pending = ""
            }
            let trimmed = ASCIIScan.trimmingWhitespace(line)
            if !continuing, trimmed.hasPrefix("#") || trimmed.lowercased().hasPrefix("rem ") || trimmed.hasPrefix("::") { continue }
            if let last = trimmed.last, last == "\\" || last == "`" || last == "^" {
                pending += String(trimmed.dropLast()) + " "
                continuing = true
                continue
            }
            pending += trimmed
            continuing = false
            for part in split(pending) where !part.isEmpty {
                result.append(ShellCommandLine(words: part, line: pendingLine, text: pending))
            }
        }
        return result
    }

    /// Characters of a prompt at the start of `line`, indentation included.
    static func promptLength(_ line: String) -> Int? {
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

    /// Words of one logical line, split into commands at `&&`, `||`, `;`, `|`; quotes removed,
    /// a trailing `#` comment dropped.
    static func split(_ line: String) -> [[String]] {
        var commands: [[String]] = [[]]
        var word = ""
        var inWord = false
        var quote: Character?
        let chars = Array(line)
        var i = 0
        func endWord() {
            if inWord { commands[commands.count - 1].append(word) }
            word = ""
            inWord = false
        }
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                i += 1
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                inWord = true
            case " ", "\t":
                endWord()
            case "#" where !inWord:
                i = chars.count
                continue
            case ";", "|", "&":
                endWord()
                if commands[commands.count - 1].isEmpty == false { commands.append([]) }
                if i + 1 < chars.count, chars[i + 1] == c { i += 1 }
            default:
                word.append(c)
                inWord = true
            }
            i += 1
        }
        endWord()
        return commands.filter { !$0.isEmpty }
    }
}
