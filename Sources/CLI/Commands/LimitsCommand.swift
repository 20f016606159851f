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

    @OptionGroup var documents: DocumentOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        print(try render(), terminator: "")
    }

    func render() throws -> String {
        let limits = try documents.pipeline.documentedLimits()
        let conflicts = LimitChecks.conflicts(limits)
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
        }
    }
}
