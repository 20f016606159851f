import ArgumentParser
import Foundation
import Reporting

/// Findings formats that can go to files next to the terminal's output.
enum ReportFileFormat: String, CaseIterable {
    case text, json, junit, sarif, github, markdown
}

/// `--report FORMAT=FILE`, repeatable: extra reports written atomically beside the main output.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("report"), help: "Also write a report: FORMAT=FILE (formats: text, json, junit, sarif, github, markdown). Repeatable.")
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

    static func render(_ format: ReportFileFormat, _ documents: [ReportDocument], root: String?, json: () -> String) -> String {
        switch format {
        case .text: FindingsReport.text(documents.map { ($0.file, $0.findings) })
        case .json: json()
        case .junit: JUnitReport.render(documents)
        case .sarif: SARIFReport.render(documents, root: root)
        case .github: GitHubReport.render(documents, root: root)
        case .markdown: MarkdownReport.render(documents, root: root)
        }
    }
}

/// Writes through a temporary file in the same folder, then renames, so readers never see half a report.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try Data(text.utf8).write(to: temp)
        if FileManager.default.fileExists(atPath: url.path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temp) }
        else { try FileManager.default.moveItem(at: temp, to: url) }
    } catch {
        try? FileManager.default.removeItem(at: temp)
        throw UsageError(message: "cannot write the report '\(path)': \(error.localizedDescription)")
    }
}
