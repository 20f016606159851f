import Core
import Foundation

/// A small reader of the PowerShell that REST samples use: assignments, strings and here-strings
/// (with `$var`, `$env:X` and `$($x)` expanded), hashtables, arrays, pipelines into
/// `ConvertTo-Json`, and commands with `-Name value` parameters. It never fails: what it cannot
/// read becomes an unknown value, and PowerShell syntax is never judged by POSIX shell rules.
struct PowerShellReader {
    /// One command line: its name and parameters (`-Uri` → value), positional arguments, and where it is.
    struct Command {
        var name: String
        var parameters: [String: PowerShellValue]
        var arguments: [PowerShellValue]
        var position: JSPosition
    }

    private let chars: [Character]
    private var i = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// How deep values nest before the reader stops (`input-too-deep`).
    static let maxDepth = 48
    /// Where the first value nested past ``maxDepth`` starts, if one did.
    private(set) var tooDeep: JSPosition?
    var variables: [String: PowerShellValue] = [:]
    /// Every `Invoke-RestMethod` / `Invoke-WebRequest` call, in order; the value of call `n` is
    /// `.response(call: n, …)`.
    var invocations: [Command] = []

    static let webCmdlets: Set<String> = ["invoke-restmethod", "invoke-webrequest", "irm", "iwr"]

    init(_ code: String) {
        chars = Array(code)
    }

    var position: JSPosition { JSPosition(line: line, column: column) }

    private var current: Character? { i < chars.count ? chars[i] : nil }
    private func peek(_ n: Int) -> Character? { i + n < chars.count ? chars[i + n] : nil }

    private mutating func advance() {
        guard i < chars.count else { return }
        if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    /// Blanks and comments on the current line; a backtick at a line's end continues it.
    private mutating func skipBlanks(newlines: Bool = false) {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" { advance(); continue }
            if c == "`", peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n") { advance(); while current != "\n" { advance() }; advance(); continue }
            if c == "\n" && newlines { advance(); continue }
            if c == "<", peek(1) == "#" {
                while current != nil, !(current == "#" && peek(1) == ">") { advance() }
                advance(); advance()
                continue
            }
            if c == "#" { while let d = current, d != "\n" { _ = d; advance() }; continue }
            return
        }
    }

    /// Reads every statement of the sample.
    mutating func run() {
        while current != nil {
            skipBlanks(newlines: true)
            guard current != nil else { break }
            let start = i
            _ = statement()
            skipBlanks()
            if current == ";" { advance() }
            if i == start { advance() }
            // Anything left on the line is not understood: skip to its end.
            while let c = current, c != "\n" { _ = c; advance() }
        }
    }

    private mutating func statement() -> PowerShellValue {
        if current == "$", let name = peekAssignment() {
            let value = pipeline()
            if name.lowercased().hasPrefix("env:") { return value }
            variables[name.lowercased()] = value
            return value
        }
        return pipeline()
    }

    /// `$name =` at the cursor: consumes it and returns the name; otherwise leaves the cursor.
    private mutating func peekAssignment() -> String? {
        let saved = (i, line, column)
        advance()
        var name = ""
        while let c = current, c.isLetter || c.isNumber || c == "_" || c == ":" { name.append(c); advance() }
        skipBlanks()
        if !name.isEmpty, current == "=", peek(1) != "=" {
            advance()
            skipBlanks()
            return name
        }
        (i, line, column) = saved
        return nil
    }

    private mutating func pipeline() -> PowerShellValue {
        var value = element()
        skipBlanks()
        while current == "|", peek(1) != "|" {
            advance()
            skipBlanks()
            let command = bareword()
            let c = readCommand(named: command, input: value)
            value = c
            skipBlanks()
        }
        return value
    }

    /// A value or a command.
    private mutating func element() -> PowerShellValue {
        skipBlanks()
        guard let c = current else { return .unknown("") }
        if c.isLetter || c == "." && peek(1) == "/" {
            let name = bareword()
            return readCommand(named: name, input: nil)
        }
        return primary()
    }

    private mutating func bareword() -> String {
        var word = ""
        while let c = current, !c.isWhitespace, !"|;(){}=,".contains(c) { word.append(c); advance() }
        return word
    }

    /// A command's parameters and arguments to the end of its line (or pipeline stage).
    private mutating func readCommand(named name: String, input: PowerShellValue?) -> PowerShellValue {
        let start = JSPosition(line: line, column: max(1, column - name.count))
        var parameters: [String: PowerShellValue] = [:]
        var arguments: [PowerShellValue] = []
        while true {
            skipBlanks()
            guard let c = current, c != "\n", c != "|", c != ";", c != ")", c != "}" else { break }
            if c == "-", let n = peek(1), n.isLetter {
                advance()
                let parameter = bareword().lowercased()
                var value: PowerShellValue = .value(.bool(true))
                if parameter.hasSuffix(":") {
                    value = argument()
                    parameters[String(parameter.dropLast())] = value
                    continue
                }
                skipBlanks()
                if let n = current, n != "\n", n != "|", n != ";", n != ")", !(n == "-" && (peek(1)?.isLetter ?? false)) {
                    value = argument()
                }
                parameters[parameter] = value
            } else {
                let before = i
                arguments.append(argument())
                if i == before { advance() }
            }
        }
        let command = Command(name: name, parameters: parameters, arguments: arguments, position: start)
        return cmdlet(command, input: input)
    }

    private mutating func argument() -> PowerShellValue {
        guard let c = current else { return .unknown("") }
        if c.isLetter || c == "." || c == "/" {
            return .value(.string(bareword()))
        }
        return primary()
    }

    /// The cmdlets that build values; any other command goes to ``onCommand``.
    private mutating func cmdlet(_ command: Command, input: PowerShellValue?) -> PowerShellValue {
        switch command.name.lowercased() {
        case "convertto-json":
            let value = input ?? command.parameters["inputobject"] ?? command.arguments.first ?? .unknown("ConvertTo-Json")
            return .json(value.symbolic)
        case "convertfrom-json":
            return input ?? .unknown("ConvertFrom-Json")
        case "get-item", "get-childitem", "gi":
            if case .value(.string(let path))? = command.parameters["path"] ?? command.parameters["literalpath"] ?? command.arguments.first {
                return .file(path)
            }
            return .unknown(command.name)
        case "get-content", "gc":
            if case .value(.string(let path))? = command.parameters["path"] ?? command.arguments.first {
                return .value(.placeholder(.file(path: path, encoding: .text)))
            }
            return .unknown(command.name)
        case "join-path":
            let parent = command.parameters["path"] ?? command.arguments.first
            let child = command.parameters["childpath"] ?? command.arguments.dropFirst().first
            guard case .value(.string(let name))? = child else { return .unknown(command.name) }
            if case .value(.string(let dir))? = parent { return .value(.string(dir + "/" + name)) }
            return .value(.string(name))
        case "write-host", "write-output", "echo", "start-sleep", "sleep", "out-file", "set-content":
            return .value(.null)
        default:
            guard Self.webCmdlets.contains(command.name.lowercased()) else { return .unknown(command.name) }
            var command = command
            if let input, command.parameters["body"] == nil { command.parameters["body"] = input }
            invocations.append(command)
            return .response(call: invocations.count - 1, path: [])
        }
    }

    // MARK: Values

    private mutating func primary() -> PowerShellValue {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else {
            if tooDeep == nil { tooDeep = position }
            return .unknown("nested too deep")
        }
        guard let c = current else { return .unknown("nested too deep") }
        switch c {
        case "\"", "'":
            return .value(string())
        case "@":
            if peek(1) == "{" { return hashtable() }
            if peek(1) == "(" { advance(); return arrayExpression() }
            if peek(1) == "\"" || peek(1) == "'" { return .value(hereString()) }
        case "(":
            advance()
            skipBlanks(newlines: true)
            let value = pipeline()
            skipBlanks(newlines: true)
            if current == ")" { advance() }
            return value
        case "$":
            return variable()
        case "[":
            // A type cast or static call (`[int]5`, `[IO.File]::ReadAllBytes(p)`): skip the type.
            while let d = current, d != "]" { _ = d; advance() }
            advance()
            if current == ":" {
                advance(); advance()
                let member = bareword()
                if current == "(" {
                    advance()
                    skipBlanks()
                    let arg = primary()
                    while let d = current, d != ")", d != "\n" { _ = d; advance() }
                    if current == ")" { advance() }
                    if member.lowercased() == "readallbytes", case .value(.string(let path)) = arg { return .file(path) }
                }
                return .unknown(member)
            }
            return primary()
        default:
            if c.isNumber || (c == "-" && (peek(1)?.isNumber ?? false)) { return .value(number()) }
        }
        let word = bareword()
        return word.isEmpty ? .unknown(String(c)) : .value(.string(word))
    }

    private mutating func number() -> SymbolicValue {
        var text = ""
        if current == "-" { text.append("-"); advance() }
        while let c = current, c.isNumber || c == "." { text.append(c); advance() }
        if let n = Int(text) { return .int(n) }
        if let d = Double(text) { return .double(d) }
        return .string(text)
    }

    private mutating func variable() -> PowerShellValue {
        advance()
        if current == "(" {
            // `$(expr)` subexpression.
            advance()
            skipBlanks()
            let v = pipeline()
            skipBlanks()
            if current == ")" { advance() }
            return v
        }
        var name = ""
        if current == "{" {
            advance()
            while let c = current, c != "}" { name.append(c); advance() }
            advance()
        } else {
            while let c = current, c.isLetter || c.isNumber || c == "_" || c == ":" { name.append(c); advance() }
        }
        var value = resolve(name)
        while current == "." || current == "[" {
            if current == ".", let n = peek(1), n.isLetter || n == "_" {
                advance()
                var member = ""
                while let c = current, c.isLetter || c.isNumber || c == "_" { member.append(c); advance() }
                value = self.member(value, .key(member))
            } else if current == "[" {
                advance()
                var index = ""
                while let c = current, c != "]" { index.append(c); advance() }
                advance()
                let trimmed = index.trimmingCharacters(in: .whitespaces)
                if let n = Int(trimmed) { value = self.member(value, .index(n)) }
                else { value = self.member(value, .key(trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))) }
            } else {
                break
            }
        }
        return value
    }

    private func member(_ value: PowerShellValue, _ component: ResponsePathComponent) -> PowerShellValue {
        switch (value, component) {
        case (.response(let call, let path), _): return .response(call: call, path: path + [component])
        case (.value(.object(let members)), .key(let k)): return members[k].map(PowerShellValue.value) ?? .unknown(k)
        case (.value(.array(let items)), .index(let n)) where items.indices.contains(n): return .value(items[n])
        default: return .unknown("member")
        }
    }

    func resolve(_ name: String) -> PowerShellValue {
        let lower = name.lowercased()
        if lower.hasPrefix("env:") {
            return .value(.placeholder(.environment(name: String(name.dropFirst(4)), fallback: nil)))
        }
        switch lower {
        case "true": return .value(.bool(true))
        case "false": return .value(.bool(false))
        case "null": return .value(.null)
        default: return variables[lower] ?? .unknown("$" + name)
        }
    }

    /// `"…"` (expanding) or `'…'` (literal, `''` is a quote).
    private mutating func string() -> SymbolicValue {
        let quote = current!
        advance()
        var parts: [TemplatePart] = []
        var text = ""
        while let c = current {
            if c == quote {
                if peek(1) == quote { text.append(c); advance(); advance(); continue }
                advance()
                break
            }
            if quote == "\"", c == "`", let n = peek(1) {
                advance(); advance()
                switch n {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                default: text.append(n)
                }
                continue
            }
            if quote == "\"", c == "$", let n = peek(1), n.isLetter || n == "{" || n == "(" || n == "_" {
                if !text.isEmpty { parts.append(.literal(text)); text = "" }
                parts += interpolated()
                continue
            }
            text.append(c)
            advance()
        }
        if !text.isEmpty { parts.append(.literal(text)) }
        return Self.value(parts)
    }

    /// `@"` … `"@` and `@'` … `'@`: the lines between, expanded for `@"`.
    private mutating func hereString() -> SymbolicValue {
        advance()
        let quote = current!
        advance()
        while let c = current, c != "\n" { _ = c; advance() }
        advance()
        var parts: [TemplatePart] = []
        var text = ""
        var atLineStart = true
        while let c = current {
            if atLineStart, c == quote, peek(1) == "@" {
                advance(); advance()
                break
            }
            if quote == "\"", c == "$", let n = peek(1), n.isLetter || n == "{" || n == "(" || n == "_" {
                if !text.isEmpty { parts.append(.literal(text)); text = "" }
                parts += interpolated()
                atLineStart = false
                continue
            }
            atLineStart = c == "\n"
            text.append(c)
            advance()
        }
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        if !text.isEmpty { parts.append(.literal(text)) }
        return Self.value(parts)
    }

    private mutating func interpolated() -> [TemplatePart] {
        let value: PowerShellValue
        if peek(1) == "(" {
            value = variable()
        } else {
            advance()
            var name = ""
            if current == "{" {
                advance()
                while let c = current, c != "}" { name.append(c); advance() }
                advance()
            } else {
                while let c = current, c.isLetter || c.isNumber || c == "_" || c == ":" { name.append(c); advance() }
            }
            value = resolve(name)
        }
        switch value.symbolic {
        case .string(let s): return [.literal(s)]
        case .int(let n): return [.literal(String(n))]
        case .template(let parts): return parts
        case .placeholder(let p): return [.placeholder(p)]
        default: return [.placeholder(.unknown("expression"))]
        }
    }

    /// `@{ a = 1; b = "x" }`, entries separated by `;` or new lines.
    private mutating func hashtable() -> PowerShellValue {
        advance(); advance()
        var members: [String: SymbolicValue] = [:]
        while true {
            skipBlanks(newlines: true)
            guard let c = current else { break }
            if c == "}" { advance(); break }
            if c == ";" { advance(); continue }
            var key: String
            if c == "\"" || c == "'" {
                key = string().jsonValue.flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            } else {
                key = ""
                while let d = current, !d.isWhitespace, d != "=" { key.append(d); advance() }
            }
            skipBlanks()
            guard current == "=" else { break }
            advance()
            skipBlanks()
            let value = listOrPipeline()
            members[key] = value.symbolic
        }
        return .value(.object(members))
    }

    /// A value, or `a, b, c` (an array without `@(`).
    private mutating func listOrPipeline() -> PowerShellValue {
        let first = pipeline()
        skipBlanks()
        guard current == "," else { return first }
        var items = [first.symbolic]
        while current == "," {
            advance()
            skipBlanks(newlines: true)
            items.append(pipeline().symbolic)
            skipBlanks()
        }
        return .value(.array(items))
    }

    /// `@( a, b )` or `@( a \n b )`.
    private mutating func arrayExpression() -> PowerShellValue {
        advance()
        var items: [SymbolicValue] = []
        while true {
            skipBlanks(newlines: true)
            guard let c = current else { break }
            if c == ")" { advance(); break }
            if c == "," || c == ";" { advance(); continue }
            let before = i
            let value = pipeline()
            if case .value(.array(let inner)) = value, items.isEmpty, current == ")" { items = inner } else { items.append(value.symbolic) }
            if i == before { advance() }
        }
        return .value(.array(items))
    }

    static func value(_ parts: [TemplatePart]) -> SymbolicValue {
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .literal(let s) = parts[0] { return .string(s) }
        if parts.count == 1, case .placeholder(let p) = parts[0] { return .placeholder(p) }
        return .template(parts)
    }
}
