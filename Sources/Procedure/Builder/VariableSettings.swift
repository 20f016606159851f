import Core
import Foundation

/// Environment variables a step sets: `export X=…`, `setx X …`, `set X=…`, `$env:X = …`,
/// `[Environment]::SetEnvironmentVariable('X', …)`, `echo X=… >> .env`, and `.env` file samples.
public enum VariableSettings {
    /// The variables one command sets, as a `setVariables` step; nil when it sets none.
    static func fromCommand(_ words: [String], location: SourceLocation) -> ProcedureStep? {
        guard let first = words.first else { return nil }
        var names: [String] = []
        switch first.lowercased() {
        case "export":
            names = words.dropFirst().filter { !$0.hasPrefix("-") }.compactMap { name(beforeEquals: $0, allowBare: true) }
        case "setx":
            if words.count >= 2, !words[1].hasPrefix("/") { names = [words[1]] }
        case "set":
            names = words.dropFirst().filter { !$0.hasPrefix("/") }.compactMap { name(beforeEquals: $0, allowBare: false) }
        case "echo", "printf", "write-output", "add-content", "set-content", "out-file":
            // `echo X=value >> .env`
            guard words.contains(where: { $0.hasSuffix(".env") }) else { return nil }
            names = words.dropFirst().compactMap { name(beforeEquals: $0, allowBare: false) }
        default:
            if first.lowercased().hasPrefix("$env:") {
                let rest = first.dropFirst(5)
                names = [String(rest.prefix(while: { $0 != "=" }))]
            } else if first.contains("SetEnvironmentVariable(") {
                let after = first.components(separatedBy: "SetEnvironmentVariable(").last ?? ""
                names = [String(after.prefix(while: { $0 != "," && $0 != ")" }))]
            } else if let bare = name(beforeEquals: first, allowBare: false) {
                // `X=value` (also `X=value python app.py`): set in the shell.
                names = [bare]
                for word in words.dropFirst() {
                    guard let more = name(beforeEquals: word, allowBare: false) else { break }
                    names.append(more)
                }
            }
        }
        names = names.filter(isVariableName)
        guard !names.isEmpty else { return nil }
        var step = ProcedureStep(kind: .setVariables, location: location)
        step.variables = names
        return step
    }

    /// `X=value` → X; with `allowBare`, `X` alone (`export X`) → X.
    static func name(beforeEquals word: String, allowBare: Bool) -> String? {
        if let eq = word.firstIndex(of: "=") {
            let name = String(word[..<eq])
            return isVariableName(name) ? name : nil
        }
        return allowBare && isVariableName(word) ? word : nil
    }

    /// Environment variable names as pages write them: letters, digits, `_`, not starting with a digit.
    public static func isVariableName(_ text: String) -> Bool {
        // Every code span and table cell is asked: ASCII text is judged on its bytes (an ASCII
        // letter, digit or `_` byte is that Character; any other ASCII byte fails either way).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = text.utf8.first, isASCIILetter(first) || first == UInt8(ascii: "_") else { return false }
            return text.utf8.allSatisfy { isASCIILetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") }
        }
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The names a `.env` file sample defines (`X=value`, `export X=value`, `X = value`).
    static func fromDotEnv(_ code: String) -> [String] {
        code.split(separator: "\n").compactMap { raw -> String? in
            var line = ASCIIScan.trimmingWhitespace(raw)
            if line.hasPrefix("#") || line.isEmpty { return nil }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let eq = line.firstIndex(of: "=") else { return nil }
            let name = ASCIIScan.trimmingWhitespace(line[..<eq])
            return isVariableName(name) ? name : nil
        }
    }

    /// A name in prose that reads as an environment variable: upper case with an underscore
    /// (`AZURE_OPENAI_ENDPOINT`), as a code span or a table cell.
    static func looksLikeVariable(_ text: String) -> Bool {
        let t = ASCIIScan.trimming(text, asciiCharacters: " `$%")
        // `isVariableName` first: it admits only ASCII, where a byte search for `_` is exact.
        return t.count >= 4 && isVariableName(t) && t.utf8.contains(UInt8(ascii: "_")) && t == t.uppercased()
    }
}
