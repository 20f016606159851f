/// A command written over several lines without the `\` that joins them: a line that starts with
/// an option and its value (`--resource-group my-group`) after a line that doesn't continue.
/// The shell runs the command above without its options and this line as a command of its own
/// ("--resource-group: command not found"). A usage synopsis (`[--capacity]`, bare `--name` lines
/// with no value) is shown, not run, and is left alone.
enum MissingContinuation {
    /// 1-based lines where an option line follows a line that ends its command; of a run of
    /// such lines, the first.
    static func lines(in code: String) -> [Int] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        // A synopsis marks optional options with brackets: not meant to be run.
        if lines.contains(where: { $0.contains("[--") }) { return [] }
        var found: [Int] = []
        var quote: Character?
        var previousEnds: Bool? = nil // nil: no command line yet
        var inChain = false
        for (index, line) in lines.enumerated() {
            // A here-document's lines are data: stop looking.
            if quote == nil, line.contains("<<") { break }
            let openAtStart = quote
            quote = quoteState(after: line, open: quote)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || (openAtStart == nil && trimmed.hasPrefix("#")) {
                if trimmed.isEmpty { previousEnds = nil; inChain = false }
                continue
            }
            if openAtStart == nil, previousEnds == true, isOptionWithValue(trimmed) {
                if !inChain { found.append(index + 1) }
                inChain = true
            } else {
                inChain = false
            }
            let continues = quote != nil || trimmed.hasSuffix("\\") || trimmed.hasSuffix("|")
                || trimmed.hasSuffix("&&") || trimmed.hasSuffix("||") || trimmed.hasSuffix("`") || trimmed.hasSuffix("^")
            previousEnds = !continues
        }
        return found
    }

    /// `--name value` or `-g value`: an option and a value for it.
    private static func isOptionWithValue(_ text: String) -> Bool {
        guard text.hasPrefix("-"), !text.hasPrefix("---") else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, let option = words.first, option.count >= 2,
              option.dropFirst(option.hasPrefix("--") ? 2 : 1).first?.isLetter == true else { return false }
        return true
    }

    /// The quote still open at the end of `line` (shell rules: no escapes inside single quotes).
    private static func quoteState(after line: Substring, open: Character?) -> Character? {
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
