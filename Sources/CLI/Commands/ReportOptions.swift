import ArgumentParser
import Core
import Foundation
import Reporting

/// Report formats of `check` and `run`, for `--format`, `--output` and `--report FORMAT=FILE`.
enum ReportFileFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, junit, sarif, github, markdown, html
}

/// `--report FORMAT=FILE`, repeatable: extra reports written atomically beside the main output.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("report"), help: "Also write a report: FORMAT=FILE (formats: text, json, junit, sarif, github, markdown, html). Repeatable.")
    var reports: [String] = []

    func parsed() throws -> [(ReportFileFormat, String)] {
        try reports.map { spec in
            guard let eq = spec.firstIndex(of: "="), let format = ReportFileFormat(rawValue: String(spec[..<eq])),
                  !spec[spec.index(after: eq)...].isEmpty else {
                throw UsageError(message: "--report '\(spec)' is not FORMAT=FILE with FORMAT one of \(ReportFileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (format, String(spec[spec.index(after: eq)...]))
        }
    }

    /// `format` rendered from the documents' findings, unless the command renders it its own way
    /// (`overrides`: JSON and HTML always, text and JUnit for `run`).
    static func render(
        _ format: ReportFileFormat, _ documents: [ReportDocument], root: String?, overrides: [ReportFileFormat: () -> String],
        sourceRoots: [String] = []
    ) -> String {
        if let own = overrides[format] { return own() }
        return switch format {
        case .text: FindingsReport.text(documents)
        case .junit: JUnitReport.render(documents)
        case .sarif: SARIFReport.render(documents, root: root, lines: .workingFolderFirst(roots: sourceRoots))
        case .github: GitHubReport.render(documents, root: root)
        case .markdown: MarkdownReport.render(documents, root: root)
        case .json, .html: ""  // always overridden: only the command knows its JSON and HTML
        }
    }

    /// Writes every `--report` file, `--output` (or returns the text for the terminal), and the job
    /// summary when the main format is `github` and `$GITHUB_STEP_SUMMARY` names a file. Every text
    /// goes through `redactor` last, whatever the format, so no renderer can leak a credential.
    static func emit(
        format: ReportFileFormat, output: String?, reports: [(ReportFileFormat, String)], documents: [ReportDocument], root: String?,
        overrides: [ReportFileFormat: () -> String], summaryExtra: String = "", environment: [String: String],
        sourceRoots: [String] = [], redactor: SecretRedactor = .names
    ) throws -> String {
        for (fileFormat, path) in reports {
            try writeAtomically(redactor.redact(render(fileFormat, documents, root: root, overrides: overrides, sourceRoots: sourceRoots)), to: path)
        }
        if format == .github, let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try appendJobSummary(redactor.redact(MarkdownReport.render(documents, root: root) + summaryExtra), to: summary)
        }
        let main = redactor.redact(render(format, documents, root: root, overrides: overrides, sourceRoots: sourceRoots))
        if let output {
            try writeAtomically(main, to: output)
            return ""
        }
        return main
    }
}

/// GitHub's job summary file is shared by every step of the job: append, never replace.
func appendJobSummary(_ markdown: String, to path: String) throws {
    do {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((markdown + "\n").utf8))
    } catch {
        throw UsageError(message: "cannot append the job summary to '\(path)' ($GITHUB_STEP_SUMMARY): \(error.localizedDescription)")
    }
}

/// Writes through a temporary file in the same folder, then renames, so readers never see half a report.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try Data(text.utf8).write(to: temp)
        // rename(2) replaces an existing file atomically (Foundation's replaceItemAt fails on Linux
        // when the target exists in some setups).
        guard rename(temp.path, url.path) == 0 else {
            throw UsageError(message: String(cString: strerror(errno)))
        }
    } catch {
        try? FileManager.default.removeItem(at: temp)
        throw UsageError(message: "cannot write the report '\(path)': \(error.localizedDescription)")
    }
}
