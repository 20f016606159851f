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
            result.findings.append(RESTFrontEnd.jsonInvalid(error, at: at, in: sample, what: "this JSON sample", context: context))
        case .tooDeep(let at):
            result.findings.append(RESTFrontEnd.jsonTooDeep(at: at, in: sample, what: "this JSON sample", context: context))
        }
        return result
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
