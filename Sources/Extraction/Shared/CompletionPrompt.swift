import Foundation

/// Code shown as a prompt for a code-completion model ("start the function, the model writes the
/// rest"): pages about Codex-style completions end a fence mid-statement on purpose (`query =`,
/// `def counter`, an open `/* Explain …`). Such a fence calls no API; a reader pastes it into a
/// playground rather than running it, so its syntax error is the page's intent, not a bug.
enum CompletionPrompt {
    /// True when the syntax error sits on the last non-blank line of `code` (the fence stops
    /// mid-construct there) after a comment or docstring that says what to write, or is a comment
    /// left open that runs to the fence's end, in code that imports nothing. Callers also
    /// check that the sample calls no API: a program cut short is still an error.
    static func isOpenEnded(_ code: String, errorLine: Int, errorMessage: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        // A prompt loads nothing; a snippet that imports a library is code meant to run.
        guard !lines.contains(where: { line in
            let text = line.drop { $0 == " " || $0 == "\t" }
            return text.hasPrefix("import ") || (text.hasPrefix("from ") && text.contains(" import ")) || text.contains("require(")
        }) else { return false }
        if errorMessage.contains("unterminated comment") { return true }
        guard let last = lines.lastIndex(where: { $0.contains { !$0.isWhitespace } }),
              errorLine == last + 1 else { return false }
        // A prompt tells the model what to write before the open line: a comment or docstring.
        return lines[..<last].contains { line in
            let text = line.drop { $0 == " " || $0 == "\t" }
            return ["#", "//", "/*", "\"\"\"", "'''"].contains { text.hasPrefix($0) }
        }
    }

    /// True when line `errorLine` is only prose in square brackets (`[ Python code ]`): a stand-in
    /// for code the reader pastes there, not a list.
    static func isBracketedProse(_ code: String, errorLine: Int) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard errorLine >= 1, errorLine <= lines.count else { return false }
        let text = lines[errorLine - 1].trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 else { return false }
        let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        let words = inner.split(separator: " ")
        return words.count >= 2 && inner.allSatisfy { $0.isLetter || $0 == " " }
    }

    /// The message for such a fence.
    static let message = "this sample stops mid-statement and calls no API: docverify reads it as a prompt left open for a code-completion model to continue, not as a program to run; if readers are meant to run it, complete the code"
    static let placeholderMessage = "this line is prose in square brackets in a sample that calls no API: docverify reads it as a stand-in for code the reader pastes there"
}
