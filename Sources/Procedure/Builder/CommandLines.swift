import Core
import Foundation

/// One command of a shell, console, PowerShell or cmd sample: its words (quotes removed) and the
/// 1-based code line it starts on.
public struct ShellCommandLine: Hashable, Sendable {
    public var words: [String]
    public var line: Int
    /// The command as written (continuations joined); past ``CommandLines/wordLimit`` characters
    /// only its start, as with its words.
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
        // Lines stay slices of `code`: a sample can be one 20 MB curl line, and every String made
        // of it on the way (the line, without "\r", trimmed, lower-cased) was another copy.
        let lines = ASCIIScan.characterLines(code)
        let prompted = lines.contains { promptLength($0) != nil }
        var result: [ShellCommandLine] = []
        // The lines of one command, joined with a space when read: joined into a String, a 20 MB
        // curl line continued from the line before was copied whole.
        var pending: [Substring] = []
        var pendingLine = 0
        var continuing = false
        var quote: Character?
        for (index, raw) in lines.enumerated() {
            var line = raw.unicodeScalars.contains("\r") ? Substring(raw.replacingOccurrences(of: "\r", with: "")) : raw
            if !continuing {
                if let n = promptLength(line) {
                    line = line.dropFirst(n)
                } else if prompted {
                    continue
                }
                pendingLine = index + 1
                pending = []
            }
            let trimmed = trimmingBlanks(line)
            if !continuing, trimmed.hasPrefix("#") || trimmed.prefix(4).lowercased() == "rem " || trimmed.hasPrefix("::") { continue }
            if let last = trimmed.last, last == "\\" || last == "`" || last == "^" {
                quote = openQuote(after: trimmed.dropLast(), from: quote)
                pending.append(trimmed.dropLast())
                continuing = true
                continue
            }
            pending.append(trimmed)
            // A quote left open (`-d '{` before a JSON body over several lines) continues the
            // command until a later line closes it: the body's lines are not commands.
            quote = openQuote(after: trimmed, from: quote)
            if let q = quote, lines[(index + 1)...].contains(where: { $0.contains(q) }) {
                continuing = true
                continue
            }
            quote = nil
            continuing = false
            // A lazy join (of Characters): `joined(separator: " ")` of slices would make a String.
            let joined = pending.joined(separator: CollectionOfOne<Character>(" "))
            let text = joinedText(pending) ?? String(joined.prefix(wordLimit))
            for part in split(joined) where !part.isEmpty {
                result.append(ShellCommandLine(words: part, line: pendingLine, text: text))
            }
        }
        return result
    }

    /// `pieces` joined with spaces when the join is at most ``wordLimit`` bytes, so at most that
    /// many Characters and whole: appended as slices, the same bytes as the Character-wise
    /// `String(joined.prefix(wordLimit))`, which cost more than the rest of this reader. Nil for a
    /// longer join (that call cuts it).
    static func joinedText(_ pieces: [Substring]) -> String? {
        var bytes = max(0, pieces.count - 1)
        for piece in pieces { bytes += piece.utf8.count }
        guard bytes <= wordLimit else { return nil }
        var text = ""
        if bytes > 15 { text.reserveCapacity(bytes) }
        for (index, piece) in pieces.enumerated() {
            if index > 0 { text.append(" ") }
            text.append(contentsOf: piece)
        }
        return text
    }

    /// The quote still open after `line`, read from `open` (the quote open before it): `'` takes
    /// no escapes, `"` and bare text take a backslash.
    static func openQuote(after line: Substring, from open: Character?) -> Character? {
        var quote = open
        var escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            switch quote {
            case "'"?:
                if c == "'" { quote = nil }
            case "\""?:
                if c == "\\" { escaped = true } else if c == "\"" { quote = nil }
            default:
                if c == "\\" { escaped = true } else if c == "'" || c == "\"" { quote = c } else if c == "#" { return nil }
            }
        }
        return quote
    }

    /// Characters of a prompt at the start of `line`, indentation included.
    /// `line` without the blanks (`CharacterSet.whitespaces`) at either end, as a slice.
    static func trimmingBlanks(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, CharacterSet.whitespaces.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, CharacterSet.whitespaces.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    static func promptLength<Line: StringProtocol>(_ line: Line) -> Int? {
        let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        let rest = line.dropFirst(indent)
        if rest.hasPrefix("$ ") || rest.hasPrefix("> ") || rest.hasPrefix("% ") { return indent + 2 }
        // (No `count` here: it walks the whole line, and a line can be a 20 MB request.)
        if rest.hasPrefix("PS") || rest.dropFirst().hasPrefix(":\\") {
            if let gt = rest.firstIndex(of: ">"), rest[rest.index(after: gt)...].hasPrefix(" ") {
                let prompt = rest[..<gt]
                if !prompt.contains(" ") || prompt.hasPrefix("PS ") { return indent + prompt.count + 2 }
            }
        }
        return nil
    }

    /// Words of one logical line, split into commands at `&&`, `||`, `;`, `|`; quotes removed,
    /// a trailing `#` comment dropped.
    static func split<Line: Sequence>(_ line: Line) -> [[String]] where Line.Element == Character {
        var commands: [[String]] = [[]]
        var word = ""
        var wordLength = 0
        var inWord = false
        var quote: Character?
        func endWord() {
            if inWord { commands[commands.count - 1].append(wordLength > wordLimit ? shortened(word) : word) }
            word = ""
            wordLength = 0
            inWord = false
        }
        // A word past the limit (a request body) is kept as its start: the steps read commands,
        // file names and variables, and a second whole copy of a 20 MB body only costs memory.
        func add(_ c: Character) {
            wordLength += 1
            if wordLength <= wordLimit { word.append(c) }
        }
        // Read once, with one character of look-ahead (for `&&` and `||`): the line can be joined
        // lines read in place, and it can hold a whole request body.
        var characters = line.makeIterator()
        var next = characters.next()
        while let c = next {
            next = characters.next()
            if let q = quote {
                if c == q { quote = nil } else { add(c) }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                inWord = true
            case " ", "\t":
                endWord()
            case "#" where !inWord:
                next = nil
            case ";", "|", "&":
                endWord()
                if commands[commands.count - 1].isEmpty == false { commands.append([]) }
                if next == c { next = characters.next() }
            default:
                add(c)
                inWord = true
            }
        }
        endWord()
        return commands.filter { !$0.isEmpty }
    }

    /// Characters of a word kept whole; longer words are shortened (``shortened(_:)``).
    static let wordLimit = 65_536

    /// A word cut at ``wordLimit``, marked with "…"; a variable reference the cut split (`$AZURE_OPE`,
    /// `${AZ`, `$env:AZ`, `%AZ`) is dropped, so it is never read as a variable of its own.
    static func shortened(_ word: String) -> String {
        var end = word.endIndex
        var start = end
        while start > word.startIndex {
            let c = word[word.index(before: start)]
            guard c.isASCII, c.isLetter || c.isNumber || c == "_" else { break }
            start = word.index(before: start)
        }
        let head = word[..<start]
        for opener in ["$env:", "${", "$", "%"] where head.hasSuffix(opener) {
            end = word.index(start, offsetBy: -opener.count)
            break
        }
        return word[..<end] + "…"
    }
}
