import Foundation
import Core
import Quickstart

/// Validates `json` / `jsonc` fences. JSON-with-comments files (`tsconfig.json`, `jsconfig.json`,
/// `.vscode/*.json`, `devcontainer.json`, `jsonc` fences) accept comments and trailing commas,
/// as the tools that read them do. A fence that is the body of the HTTP block before it is
/// checked by that block, not twice.
struct JSONFenceFrontEnd: LanguageFrontEnd {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        var result = SampleExtraction(sampleID: sample.id)
        if let previous = context.previous, RESTFrontEnd.takesBodyFromNextFence(previous), RESTFrontEnd.isBodyFence(sample) { return result }
        let json = PositionedJSON(code: sample.code)
        guard !json.isEmpty else { return result }
        let allowComments = sample.language == .jsonc || Self.isJSONWithComments(sample)
            || ARMTemplateJSON.isTemplate(sample.code)
        switch json.parse(allowComments: allowComments) {
        case .value: break
        case .invalid(let error, let at):
            switch Self.reading(sample, error: error, at: at, allowComments: allowComments, next: context.next) {
            case .judged:
                result.findings.append(RESTFrontEnd.jsonInvalid(error, at: at, in: sample, what: "this JSON sample", context: context))
            case .notJudged:
                break
            case .softened(let severity, let line, let column, let message):
                result.findings.append(Finding(
                    rule: "json-invalid", severity: severity,
                    location: sample.markdownLocation(codeLine: line, codeColumn: column), message: message,
                    pivot: context.pivot, tab: context.tab))
            }
        case .tooDeep(let at):
            result.findings.append(RESTFrontEnd.jsonTooDeep(at: at, in: sample, what: "this JSON sample", context: context))
        }
        return result
    }

    /// How an invalid `json` fence is read: judged (`json-invalid`, an error), not judged at all, or
    /// reported at a lower severity with its own message.
    enum Reading: Equatable {
        case judged
        case notJudged
        case softened(Severity, line: Int, column: Int, message: String)
    }

    /// The reading of a fence that does not parse, tried in order. Only a fence no step saves as a
    /// file is read leniently, except JSON Lines, which is never one JSON document.
    static func reading(_ sample: CodeSample, error: String, at: JSPosition, allowComments: Bool, next: CodeSample?) -> Reading {
        // A training or batch file shown in a `json` fence: one JSON value a line.
        if isJSONLines(sample.code) { return .notJudged }
        guard sample.fileName == nil else { return .judged }
        // What a program printed is whatever it printed: not a file the reader saves.
        if OutputIntroduction.introduces(sample.stepText) { return .notJudged }
        if isFragment(sample.code, allowComments: allowComments) { return .notJudged }
        if let line = jsonAfterPrintedText(sample.code, allowComments: allowComments) {
            // Text lines and then a JSON document: what a program printed (`print(obj)` then
            // its JSON), shown as its output. Nobody runs it; the fence's language is off.
            return .softened(.note, line: 1, column: 1,
                message: "this JSON fence holds \(line - 1) line(s) of other text before its JSON (printed output?); mark it ```output, or keep only the JSON")
        }
        if let next, isValidJSONLinesFence(next) {
            // "Artificially expanded for readability; the actual entry is a single line": the
            // reader saves the JSON Lines fence after this one, which parses. The slip is the
            // expanded copy's, worth fixing, but nobody's file breaks: a warning.
            return .softened(.warning, line: at.line, column: at.column,
                message: "this expanded JSON example is not valid JSON (\(error)); the JSON Lines entry after it, which the reader saves, parses, so only the expanded copy needs the fix")
        }
        if let why = illustration(sample.code, at: at) {
            return .softened(.note, line: at.line, column: at.column,
                message: "this JSON sample is not valid JSON (\(error)), but it reads as an illustration (\(why)) rather than a file or body the reader sends, so docverify did not judge it")
        }
        return .judged
    }

    /// True when `code` is a piece of a larger JSON document shown for one part of it: members of
    /// an object (`"location": {…},`), or one value followed by the comma of its list, with
    /// `...` lines where the page left the rest out. Pages show
    /// such pieces beside prose about one field; nobody saves or sends them alone, so they are not
    /// `json-invalid` unless the steps save them as a file.
    static func isFragment(_ code: String, allowComments: Bool) -> Bool {
        // Lines that are only an ellipsis mark what the page left out.
        let shown = code.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return !(t == "..." || t == "…" || t == "...," || t == "…,")
        }
        // `"choices": [...]`: a value the page left out, in place.
        var piece = shown.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        for (elided, empty) in [("[...]", "[]"), ("{...}", "{}"), ("[…]", "[]"), ("{…}", "{}")] {
            piece = piece.replacingOccurrences(of: elided, with: empty)
        }
        if piece.hasSuffix(",") { piece.removeLast() }
        guard !piece.isEmpty else { return false }
        // A member piece may also stop before its object's end (an excerpt of an answer): its
        // brackets are closed for it, so only what it does show must be valid.
        // Elements of a list (`{…},\n{…},`) to paste inside an array the page shows elsewhere
        // ("after the `[`"): valid as that array's items.
        let candidates = piece.hasPrefix("\"") ? ["{" + piece + "}", "{" + piece + closers(piece), piece]
            : piece.hasPrefix("{") || piece.hasPrefix("[") ? [piece, "[" + piece + "]"] : [piece]
        return candidates.contains {
            if case .value = PositionedJSON(code: $0).parse(allowComments: allowComments) { return true }
            return false
        }
    }

    /// A `jsonl` fence (or a `json` one holding JSON Lines) whose every line parses.
    static func isValidJSONLinesFence(_ sample: CodeSample) -> Bool {
        let info = sample.infoString.lowercased()
        guard info.hasPrefix("jsonl") || info.hasPrefix("json") else { return false }
        let lines = sample.code.split(separator: "\n").filter { !ASCIIScan.trimmingWhitespace($0).isEmpty }
        return !lines.isEmpty && lines.allSatisfy { line in
            if case .value = PositionedJSON(code: String(line)).parse(allowComments: false) { return true }
            return false
        }
    }

    /// Two or more non-blank lines, each a JSON value of its own (JSON Lines).
    static func isJSONLines(_ code: String) -> Bool {
        let lines = code.split(separator: "\n").filter { !ASCIIScan.trimmingWhitespace($0).isEmpty }
        guard lines.count >= 2 else { return false }
        return lines.allSatisfy { line in
            if case .value = PositionedJSON(code: String(line)).parse(allowComments: false) { return true }
            return false
        }
    }

    /// The brackets `text` leaves open, closed in order (strings skipped); "" when it closes more
    /// than it opens.
    static func closers(_ text: String) -> String {
        var open: [Character] = ["}"]
        var inString = false, escaped = false
        for c in text {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{": open.append("}")
            case "[": open.append("]")
            case "}", "]":
                guard open.last == c else { return "" }
                open.removeLast()
            default: break
            }
        }
        return String(open.reversed())
    }

    /// The 1-based line where a JSON document starts that runs to the end of `code`, when lines of
    /// other text come before it; nil otherwise.
    static func jsonAfterPrintedText(_ code: String, allowComments: Bool) -> Int? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated().dropFirst().prefix(20) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed == "{" || trimmed == "[" || trimmed.hasPrefix("{\"") || trimmed.hasPrefix("[{") else { continue }
            let rest = lines[index...].joined(separator: "\n")
            if case .value = PositionedJSON(code: rest).parse(allowComments: allowComments) { return index + 1 }
            return nil
        }
        return nil
    }

    /// Why invalid JSON reads as an illustration of a shape rather than text to send: values
    /// elided with `...` / `…` where the parser stopped, or a fragment that starts at a member
    /// (`"errors": {…}`) instead of a whole document. Nil for anything else.
    static func illustration(_ code: String, at position: JSPosition) -> String? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if position.line >= 1, position.line <= lines.count {
            let rest = lines[position.line - 1].dropFirst(max(0, position.column - 1))
            if rest.hasPrefix("...") || rest.hasPrefix("…") { return "values elided with ..." }
        }
        if isServiceAnswer(code) { return "an answer the service returns, shown as an example" }
        if position.line >= 1, position.line <= lines.count, startsWithTypeName(lines[position.line - 1].dropFirst(max(0, position.column - 1))) {
            return "a specification of the shape, with type names where values go"
        }
        let text = code.drop { $0.isWhitespace }
        if text.first == "\"", let colon = text.dropFirst().firstIndex(of: "\""),
           text[text.index(after: colon)...].drop(while: { $0 == " " }).first == ":" {
            return "a fragment that starts at a member, not a whole document"
        }
        return nil
    }

    /// Members only the service's answers carry (a request never sends them): an answer's
    /// `object` kind, its creation time, a finished `status`, or an id the service hands out;
    /// for Azure Resource Manager, the resource's full id, its state, etag and system data.
    static let answerMarkers = [
        "\"object\": \"", "\"created_at\":", "\"created\":", "\"status\": \"completed\"",
        "\"id\": \"resp_", "\"id\": \"msg_", "\"id\": \"chatcmpl-", "\"id\": \"ws_",
        "\"id\": \"/subscriptions/", "\"provisioningState\": \"", "\"etag\": \"", "\"systemData\":",
    ]

    /// True when `code` shows an answer of the service (two of ``answerMarkers``): an example of
    /// what comes back, which nobody sends or saves.
    static func isServiceAnswer(_ code: String) -> Bool {
        let compact = code.replacingOccurrences(of: "\":\"", with: "\": \"")
        return answerMarkers.filter { compact.contains($0) }.count >= 2
    }

    /// Words a reference writes in place of a value to give its type (`"name": string`).
    static let typeNames: Set<String> = [
        "string", "number", "integer", "int", "float", "boolean", "bool", "object", "array", "any", "str",
    ]

    /// True when `text` starts with a type in place of a value: a word of ``typeNames``, a
    /// capitalized name with `[]` (`Message[]`), or a generic (`dict[str, Grader]`, `Array<T>`).
    static func startsWithTypeName(_ text: Substring) -> Bool {
        let word = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !word.isEmpty, !["true", "false", "null"].contains(word) else { return false }
        let after = text.dropFirst(word.count)
        let next = after.first
        if typeNames.contains(String(word)) { return next == nil || ",}] |[\n\r".contains(next!) }
        if after.hasPrefix("[]") { return word.first!.isUppercase || typeNames.contains(String(word)) }
        return ["dict", "list", "Dict", "List", "Array", "Record", "Map"].contains(String(word)) && (next == "[" || next == "<")
    }

    /// The step names a file that its tools read as JSON with comments.
    static func isJSONWithComments(_ sample: CodeSample) -> Bool {
        if let name = sample.fileName, isJSONWithCommentsFile(name) { return true }
        guard let step = sample.stepText else { return false }
        return step.split(whereSeparator: { $0 == " " || $0 == "`" || $0 == "\"" || $0 == "'" || $0 == "*" })
            .contains { isJSONWithCommentsFile(String($0).trimmingCharacters(in: .punctuationCharacters.subtracting(.init(charactersIn: "._/")))) }
    }

    static func isJSONWithCommentsFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        if lower.hasSuffix(".jsonc") { return true }
        if lower.hasPrefix(".vscode/") || lower.contains("/.vscode/") { return lower.hasSuffix(".json") }
        if (name.hasPrefix("tsconfig") || name.hasPrefix("jsconfig")) && name.hasSuffix(".json") { return true }
        return ["devcontainer.json", ".devcontainer.json", ".eslintrc.json", "launch.json", "tasks.json", "settings.json", "extensions.json"].contains(name)
    }
}
