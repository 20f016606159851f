import Core

/// Two ways a `python` fence fails that deserve a plainer message than the parser's: code indented
/// as a whole (an `IndentationError` for whoever copies it) and shell commands fenced as Python.
enum PythonSyntaxHints {
    /// First words of the commands quickstarts show (`pip install openai`, `python app.py`,
    /// `export AZURE_OPENAI_API_KEY=…`): one table, the place to add one.
    static let commandWords: Set<String> = [
        "pip", "pip3", "python", "python3", "py", "export", "setx", "npm", "npx", "node", "az", "curl",
        "cd", "source", "conda", "mkdir", "uv", "poetry", "pipenv", "venv", "dotnet",
    ]

    /// True when the dedented `statements` parse and import nothing at their top level: a piece of
    /// a program shown earlier rather than a program of its own (nil, unparseable: false).
    static func isFragment(_ statements: [PythonStmt]?) -> Bool {
        guard let statements, !statements.isEmpty else { return false }
        return !statements.contains {
            switch $0.kind {
            case .importModules, .importFrom: return true
            default: return false
            }
        }
    }

    /// The `<…>` stand-in (`<base64_string>`, `<your key>`, `<"model_name">`) that starts at 1-based `column` of
    /// 1-based `line`, and whether it sits alone in braces (`{<name>}` of an f-string, where the
    /// reader's own variable goes); nil when the code there is anything else.
    static func standIn(in code: String, line: Int, column: Int) -> (text: String, inBraces: Bool, quoted: Bool)? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        let text = Array(lines[line - 1])
        guard column <= text.count, text[column - 1] == "<" else { return nil }
        var end = column
        // `<"fine_tuned_model">`: the stand-in's name may be quoted inside the brackets.
        let quoted = column < text.count && text[column] == "\""
        if quoted { end += 1 }
        while end < text.count, end - column <= 60, text[end].isLetter || text[end].isNumber || "_- .".contains(text[end]) { end += 1 }
        if quoted { guard end < text.count, text[end] == "\"" else { return nil }; end += 1 }
        let nameStart = column + (quoted ? 1 : 0)
        guard end < text.count, text[end] == ">", end > nameStart, nameStart < text.count, text[nameStart].isLetter else { return nil }
        let inBraces = column >= 2 && text[column - 2] == "{" && end + 1 < text.count && text[end + 1] == "}"
        return (String(text[(column - 1)...end]), inBraces, quoted)
    }

    /// True when the sample's first code line is indented, its first error is the unexpected
    /// indent there, and it imports nothing: the body of a function shown without its `def` line
    /// (a walk-through's piece), not a program that was saved with a stray indent.
    static func startsInsideFunction(_ code: String, firstError: PythonSyntaxError) -> Bool {
        guard firstError.message == "unexpected indent" else { return false }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { line in
            let text = line.drop { $0 == " " || $0 == "\t" }
            return !text.isEmpty && !text.hasPrefix("#")
        }), first + 1 == firstError.line, lines[first].first == " " else { return false }
        // A program's imports sit at the left margin or open it (an `import` inside the body is
        // the body's own).
        func imports<S: StringProtocol>(_ text: S) -> Bool {
            text.hasPrefix("import ") || (text.hasPrefix("from ") && text.contains(" import "))
        }
        return !imports(lines[first].drop { $0 == " " || $0 == "\t" }) && !lines.contains { imports($0) }
    }

    /// The indentation every non-blank line shares, in spaces; 0 when a line starts with a tab or
    /// isn't indented.
    static func commonIndent(_ code: String) -> Int {
        var common: Int?
        for line in ASCIIScan.characterLines(code) {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let spaces = line.prefix { $0 == " " }.count
            if line.dropFirst(spaces).first == "\t" { return 0 }
            common = min(common ?? spaces, spaces)
            if common == 0 { return 0 }
        }
        return common ?? 0
    }

    /// `code` with the first `count` characters of every non-blank line removed.
    static func dedent(_ code: String, by count: Int) -> String {
        ASCIIScan.characterLines(code)
            .map { $0.count >= count ? String($0.dropFirst(count)) : String($0.drop { $0 == " " }) }
            .joined(separator: "\n")
    }

    /// True for a line that reads as a shell command: a command word followed by an argument, not
    /// by something Python would accept after a name (`python = 3`, `node.value`, `cd(x)`).
    static func isCommand<S: StringProtocol>(_ line: S) -> Bool {
        var text = line.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("$ ") || text.hasPrefix("> ") { text = text.dropFirst(2) }
        let word = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard commandWords.contains(String(word)) else { return false }
        let rest = text.dropFirst(word.count)
        guard rest.first == " " else { return false }
        let argument = rest.drop { $0 == " " }
        guard let next = argument.first else { return false }
        if "=([.:,+*/%<>!&|^@".contains(next) { return false }
        // `python -m pip`, `pip install x`, `export NAME=value`, `python app.py`
        let secondWord = String(argument.prefix { !$0.isWhitespace })
        let pythonKeywords: Set<String> = ["and", "or", "in", "is", "not", "if", "else", "for"]
        return !pythonKeywords.contains(secondWord)
    }

    /// 1-based lines of `code` that read as shell commands.
    static func commandLines(_ code: String) -> [Int] {
        ASCIIScan.characterLines(code).enumerated()
            .filter { isCommand($0.element) }.map { $0.offset + 1 }
    }

    /// True when every line is a command, a comment or blank.
    static func isAllCommands(_ code: String) -> Bool {
        var any = false
        for line in ASCIIScan.characterLines(code) {
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard isCommand(text) else { return false }
            any = true
        }
        return any
    }
}
