import ArgumentParser
import Core
import Foundation
import Reporting

/// `docverify report merge A.json B.json… --format FORMAT`: joins the JSON reports of `check`
/// shards (`--shard k/n`) into one report in any findings format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work with saved reports.",
        subcommands: [ReportMergeCommand.self])
}

struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON reports of check shards (--shard k/n) into one report.",
        discussion: "Documents and findings of every input, in path order. Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors.")

    @Argument(help: "JSON reports written by `docverify check --format json` (or --report json=FILE).")
    var reports: [String]

    @Option(help: "Output format: text, json, junit, sarif, github, markdown or html.")
    var format: String = "json"

    @Option(help: "Write the merged report to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Paths in SARIF, GitHub and Markdown output are relative to this root.")
    var root: String?

    func run() throws {
        guard let fileFormat = ReportFileFormat(rawValue: format) else {
            throw UsageError(message: "--format must be one of \(ReportFileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let merged = try Self.merge(reports)
        let html = { HTMLReport.render(merged.documents.map { HTMLReportDocument(file: $0.file, findings: $0.findingsNamingArticles) }, root: root) }
        let text = ReportOptions.render(fileFormat, merged.documents, root: root, overrides: [.json: { merged.json }, .html: html], sourceRoots: root.map { [$0] } ?? [])
        let redactor = SecretRedactor.command(environment: ProcessInfo.processInfo.environment, variables: SecretRedactor.defaultVariables, endpoint: nil)
        if let output { try writeAtomically(redactor.redact(text), to: output) } else { print(redactor.redact(text), terminator: "") }
        if merged.documents.flatMap(\.findings).hasErrors { throw ExitCode(1) }
    }

    /// The merged JSON (the shape `check --format json` writes) and its documents' findings.
    static func merge(_ paths: [String]) throws -> (json: String, documents: [ReportDocument]) {
        var documents: [String: JSONValue] = [:]
        var findings: [Finding] = []
        // `articles` of each finding, joined across shards: an include reached from articles in
        // different shards is one finding reached from all of them, as in an unsharded run.
        var reach: [Finding: Set<String>] = [:]
        var hasArticles = false
        var version: JSONValue = .int(1)
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "cannot read the report '\(path)'") }
            let value: JSONValue
            do { value = try JSONValue.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw UsageError(message: "'\(path)' is not JSON (\(error)); pass reports written by check --format json")
            }
            guard case .array(let docs)? = value["documents"], case .array(let found)? = value["findings"] else {
                throw UsageError(message: "'\(path)' is not a check report: it has no 'documents' and 'findings'")
            }
            version = value["version"] ?? version
            for doc in docs {
                guard case .string(let file)? = doc["file"] else { continue }
                documents[file] = doc
            }
            for item in found {
                guard let finding = try? JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(item)) else {
                    throw UsageError(message: "'\(path)' has a finding docverify can't read: \(item)")
                }
                findings.append(finding)
                if case .array(let articles)? = item["articles"] {
                    hasArticles = true
                    reach[finding, default: []].formUnion(articles.compactMap(\.stringValue))
                }
            }
        }
        var seen = Set<Finding>()
        findings = findings.filter { seen.insert($0).inserted }.sortedForReport()
        let files = documents.keys.sorted()
        let merged: JSONValue = .object([
            "version": version,
            "documents": .array(files.map { documents[$0]! }),
            "findings": .array(findings.compactMap { finding -> JSONValue? in
                guard case .object(var object)? = try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(finding)) else { return nil }
                if hasArticles { object["articles"] = .array((reach[finding] ?? []).sorted().map(JSONValue.string)) }
                return .object(object)
            }),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(merged)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
        // A finding belongs to the document it names, or to its include's own entry.
        var byFile: [String: [Finding]] = [:]
        for finding in findings { byFile[finding.location.file, default: []].append(finding) }
        let reportFiles = (Set(files).union(byFile.keys)).sorted()
        let shared = reach.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        return (json, reportFiles.map { file in
            let own = byFile[file] ?? []
            return ReportDocument(file: file, findings: own, articles: shared.filter { own.contains($0.key) })
        })
    }
}
