/// Angle-bracket stand-ins written where Python expects a value (`"name": <"fine_tuned_model">`,
/// `api_key=<your-key>`): the page tells the reader to put their own value there, so the file
/// doesn't parse as written, but the reader who follows the page never runs it so. docverify reads
/// each one as a string of the same width (positions stay those of the page) and says so in a
/// warning, instead of an error that would also hide the sample's requests.
enum PythonStandIns {
    /// At most this many stand-ins are read per sample (each one costs a parse).
    static let maxStandIns = 8

    /// `code` with the stand-in at (`line`, `column`) (1-based) turned into a string literal, its
    /// text, the name inside it, and whether it sits alone in braces (`f"…{<encoded>}"`, where the
    /// reader puts a variable); nil when no stand-in starts there.
    static func quoting(_ code: String, line: Int, column: Int) -> (code: String, text: String, name: String, inBraces: Bool)? {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard line >= 1, line <= lines.count else { return nil }
        let chars = lines[line - 1]
        let start = column - 1
        guard start >= 0, start < chars.count, chars[start] == "<",
              let close = chars[(start + 1)...].firstIndex(of: ">"), close > start + 1 else { return nil }
        let inner = chars[(start + 1)..<close]
        let quoted = inner.first == "\"" && inner.last == "\"" && inner.count >= 3
        let name = quoted ? inner.dropFirst().dropLast() : inner[...]
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || "_- .".contains($0) }) else { return nil }
        var patched = chars
        if quoted {
            patched[start] = " "
            patched[close] = " "
        } else {
            patched[start] = "\""
            patched[close] = "\""
        }
        lines[line - 1] = patched
        let inBraces = start > 0 && chars[start - 1] == "{" && close + 1 < chars.count && chars[close + 1] == "}"
        return (lines.map { String($0) }.joined(separator: "\n"), String(chars[start...close]), String(name), inBraces)
    }
}
