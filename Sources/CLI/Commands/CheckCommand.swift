import ArgumentParser
import Core
import Foundation
import Reporting
import Spec

/// `docverify check PATH...`: parse, extract every sample's requests, build them as typed
/// requests and check them across pivots — no network.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Statically check quickstarts: code syntax, request bodies against the API, drift between pivots.",
        discussion: "No network. Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors.")

    @OptionGroup var documents: DocumentOptions

    @OptionGroup var spec: SpecOptions

    @Option(help: "Output format: text, json, junit, sarif, github, markdown or html.")
    var format: ReportFileFormat = .text

    @Option(help: "Write the output to FILE (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Exit 1 on warnings too (for docs that must stay clean).")
    var strict = false

    @OptionGroup var reportFiles: ReportOptions

    @OptionGroup var policy: PolicyOptions

    func run() throws {
        // SIGINT / SIGTERM stop at the next article; the report covers the articles checked.
        let interruption = Interruption.install()
        let (output, hasErrors, checked) = try renderKeepingResults(exitsAfter: true)
        ExitTeardown.skip(checked)
        print(output, terminator: "")
        if let status = interruption.exitStatus {
            fflush(nil)
            throw ExitCode(status)
        }
        if hasErrors { throw ExitCode(1) }
    }

    func render() throws -> (output: String, hasErrors: Bool) {
        let (output, hasErrors, _) = try renderKeepingResults(exitsAfter: false)
        return (output, hasErrors)
    }

    /// The report, and the checked documents it was made from (for ``run()`` to keep until exit).
    /// `exitsAfter`: the process ends after this report, so its caches need not be freed.
    private func renderKeepingResults(exitsAfter: Bool) throws -> (output: String, hasErrors: Bool, checked: [CheckedDocument]) {
        var pipeline = try documents.pipeline
        pipeline.keepCachesUntilExit = exitsAfter
        pipeline.specs = try spec.load()
        let checked = pipeline.rules.apply(try policy.apply(pipeline.checkDocuments()))
        // A shared include's finding is reported once, with every article that reaches it.
        let reported = checked.map { ReportDocument(file: $0.document.file, findings: $0.findings) }
        let docs = SharedFindings.collapse(reported)
        let articles = SharedFindings.articles(reported)
        let overrides: [ReportFileFormat: () -> String] = [
            .json: { json(checked, articles: articles) },
            .text: { FindingsReport.text(docs) },
            .html: {
                HTMLReport.render(
                    zip(checked, docs).map { doc, report in
                        HTMLReportDocument(
                            file: doc.document.file, title: doc.document.title,
                            findings: report.findingsNamingArticles,
                            sourceRoot: doc.document.root)
                    },
                    root: documents.root)
            },
        ]
        let output = try ReportOptions.emit(
            format: format, output: self.output, reports: reportFiles.parsed(), documents: docs, root: documents.root,
            overrides: overrides, environment: ProcessInfo.processInfo.environment,
            sourceRoots: Array(Set(checked.map(\.document.root))).sorted(),
            redactor: .command(environment: ProcessInfo.processInfo.environment, variables: SecretRedactor.defaultVariables, endpoint: nil))
        let findings = checked.flatMap(\.findings)
        return (output, strict ? findings.contains { $0.severity >= .warning } : findings.hasErrors, checked)
    }

    private func json(_ checked: [CheckedDocument], articles: [Finding: [String]]) -> String {
        // Per-document findings go in `findings`; the document's own are already in it.
        let requests = Dictionary(checked.map { ($0.document.file, $0.requests) }, uniquingKeysWith: { a, _ in a })
        let extra = checked.flatMap { doc in doc.findings.filter { !doc.document.findings.contains($0) } }
        return ListReport.json(checked.map(\.document), extraFindings: extra, findingArticles: articles) { document, sample in
            let built = requests[document.file]?[sample.id] ?? []
            return ["requests": .array(built.map(RequestJSON.object))]
        }
    }
}
