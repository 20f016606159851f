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
        if let previous = context.previous, RESTFrontEnd.takesBodyFromNextFence(previous) { return result }
        let json = PositionedJSON(code: sample.code)
        guard !json.isEmpty else { return result }
        let allowComments = sample.language == .jsonc || Self.isJSONWithComments(sample)
        switch json.parse(allowComments: allowComments) {
        case .value: break
        case .invalid(let error, let at):
            // What a program printed is whatever it printed: not a file the reader saves.
            if sample.fileName == nil, OutputIntroduction.introduces(sample.stepText) { break }
            // A training or batch file shown in a `json` fence: one JSON value a line.
            if Self.isJSONLines(sample.code) { break }
            if sample.fileName == nil, let why = Self.illustration(sample.code, at: at) {
                result.findings.append(Finding(
                    rule: "json-invalid", severity: .note,
                    location: sample.markdownLocation(codeLine: at.line, codeColumn: at.column),
                    message: "this JSON sample is not valid JSON (\(error)), but it reads as an illustration (\(why)) rather than a file or body the reader sends, so docverify did not judge it",
                    pivot: context.pivot, tab: context.tab))
                break
            }
            result.findings.append(RESTFrontEnd.jsonInvalid(error, at: at, in: sample, what: "this JSON sample", context: context))
        case .tooDeep(let at):
            result.findings.append(RESTFrontEnd.jsonTooDeep(at: at, in: sample, what: "this JSON sample", context: context))
        }
        return result
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

    /// Why invalid JSON reads as an illustration of a shape rather than text to send: values
    /// elided with `...` / `…` where the parser stopped, or a fragment that starts at a member
    /// (`"errors": {…}`) instead of a whole document. Nil for anything else.
    static func illustration(_ code: String, at position: JSPosition) -> String? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if position.line >= 1, position.line <= lines.count {
            let rest = lines[position.line - 1].dropFirst(max(0, position.column - 1))
            if rest.hasPrefix("...") || rest.hasPrefix("…") { return "values elided with ..." }
        }
        let text = code.drop { $0.isWhitespace }
        if text.first == "\"", let colon = text.dropFirst().firstIndex(of: "\""),
           text[text.index(after: colon)...].drop(while: { $0 == " " }).first == ":" {
            return "a fragment that starts at a member, not a whole document"
        }
        return nil
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
