import ArgumentParser
import Core
import DocFX
import Foundation
import Limits

/// `docverify limits PATH...`: the limits the pages state (sizes, voices, api-versions, token caps),
/// each with the file and line it was written on.
struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "List the limits the documentation states, with their locations.",
        discussion: "No network. Disagreeing statements of one limit are printed as limit-conflict findings. Exit status: 0, or 2 for usage errors.")

    /// A listing, not a verdict: the test and code-scanning formats have nothing to say about it.
    static let formats: [ReportFileFormat] = [.text, .json, .markdown]

    @OptionGroup var documents: DocumentOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: ReportFileFormat = .text

    @Option(help: "Write the output to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var reportFiles: ReportOptions

    func validate() throws {
        for requested in [format] + (try reportFiles.parsed().map(\.0)) where !Self.formats.contains(requested) {
            throw ValidationError(
                "'limits' lists what the pages state, so the \(requested.rawValue) format does not apply; use text, json or markdown "
                    + "(the limit-conflict and limit-exceeded findings are reported by 'check' in every format)")
        }
    }

    func run() throws {
        // SIGINT / SIGTERM stop at the next article; the listing covers the articles read.
        let interruption = Interruption.install()
        print(try render(), terminator: "")
        try interruption.exitIfInterrupted("the limits listed are those of the articles read before the signal")
    }

    /// The main output (empty when --output took it); --report files are written on the way.
    func render() throws -> String {
        let limits = try documents.pipeline.documentedLimits()
        let conflicts = LimitChecks.conflicts(limits)
        for (format, path) in try reportFiles.parsed() {
            try writeAtomically(try Self.render(format, limits: limits, conflicts: conflicts), to: path)
        }
        let main = try Self.render(format, limits: limits, conflicts: conflicts)
        if let output {
            try writeAtomically(main, to: output)
            return ""
        }
        return main
    }

    static func render(_ format: ReportFileFormat, limits: [DocumentedLimit], conflicts: [Finding]) throws -> String {
        switch format {
        case .text:
            var out = ""
            for limit in limits {
                out += "\(limit.location): \(limit.key) = \(limit.value)\n"
            }
            for finding in conflicts { out += finding.textLine + "\n" }
            return out
        case .json:
            let items: [JSONValue] = limits.map { limit in
                .object([
                    "key": .string(limit.key), "value": .string(limit.value.description),
                    "file": .string(limit.location.file), "line": .int(limit.location.line),
                    "column": .int(limit.location.column), "article": .string(limit.article),
                ])
            }
            struct Output: Encodable { var limits: [JSONValue]; var findings: [Finding] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Output(limits: items, findings: conflicts))
            return String(decoding: data, as: UTF8.self) + "\n"
        case .markdown:
            return LimitsMarkdown.render(limits, conflicts: conflicts)
        case .junit, .sarif, .github, .html:
            throw UsageError(message: "'limits' cannot write \(format.rawValue); use text, json or markdown")
        }
    }
}

/// The limits as a Markdown table (for a pull-request comment), then the conflicts.
enum LimitsMarkdown {
    static func render(_ limits: [DocumentedLimit], conflicts: [Finding]) -> String {
        var out = "## Documented limits\n\n"
        if limits.isEmpty {
            out += "No limits stated.\n"
        } else {
            out += "| Limit | Value | Where | Article |\n|---|---|---|---|\n"
            for limit in limits {
                out += "| `\(cell(limit.key))` | \(cell(limit.value.description)) | \(cell(limit.location.file)):\(limit.location.line) | \(cell(limit.article)) |\n"
            }
        }
        if !conflicts.isEmpty {
            out += "\n### Conflicts\n\n| Where | Message |\n|---|---|\n"
            for finding in conflicts {
                out += "| \(cell(finding.location.file)):\(finding.location.line) | \(cell(finding.message)) |\n"
            }
        }
        return out
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
