/// A `\` meant to continue a command on the next line but followed by blanks: the shell reads
/// `\ ` as an escaped space, so the command ends at that line and the next line, an option
/// (`--url …`), runs as a command of its own ("command not found"). Found where the line is not
/// inside a quote and the next non-blank line starts with `-`.
enum EscapedLineEnd {
    /// 1-based line numbers (and the column of the `\`) of such line ends in `code`; of lines in a
    /// row that all end so, the first (the command already ended there).
    static func positions(in code: String) -> [(line: Int, column: Int)] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [(line: Int, column: Int)] = []
        var previous = -2
        var quote: Character?
        for (index, line) in lines.enumerated() {
            quote = ConsolePrompts.quoteState(after: line, open: quote)
            guard quote == nil else { continue }
            var body = line[...]
            var blanks = 0
            while let last = body.last, last == " " || last == "\t" { body = body.dropLast(); blanks += 1 }
            guard blanks > 0, body.hasSuffix("\\") else { continue }
            // An odd run of backslashes: the last one escapes what follows it.
            let run = body.reversed().prefix { $0 == "\\" }.count
            guard run % 2 == 1 else { continue }
            guard let next = lines[(index + 1)...].first(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }),
                  next.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("-") else { continue }
            if previous != index - 1 { found.append((index + 1, body.count)) }
            previous = index
        }
        return found
    }
}
