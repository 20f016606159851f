import ArgumentParser
import Core
import Drift
import Foundation
import Limits
import MockServer
import Reporting
import Requests
import Runner
import Spec
import Transport

/// `docverify drift PATH...`: where the docs and the API disagree — doc ↔ spec, doc ↔ endpoint
/// (boundary probes of the documented limits), pivot ↔ pivot, doc ↔ golden — in one report.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Report drift between the docs and the API: spec, endpoint probes, pivots, goldens.",
        discussion: """
            Without --endpoint the probes go to an embedded mock (--mock-profile to change what it accepts). \
            With --endpoint the API key is read from $AZURE_OPENAI_API_KEY (or --api-key-env); without one no \
            probe is sent. Probes are sent one at a time, at most --probe-budget of them. \
            Exit status: 0 when no item is an error, 1 when one is, 2 for usage errors.
            """)

    @OptionGroup var documents: DocumentOptions

    @OptionGroup var spec: SpecOptions

    @Option(help: "Output format: text, json, junit, sarif, github, markdown or html.")
    var format: ReportFileFormat = .text

    @Option(help: "Write the output to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var reportFiles: ReportOptions

    @OptionGroup var connection: EndpointOptions<DriftCommand>
    var endpoint: String? { connection.endpoint }
    var apiKeyEnv: String { connection.apiKeyEnv ?? "AZURE_OPENAI_API_KEY" }

    @Option(help: "The deployment to probe (default: the first one the samples name literally).")
    var deployment: String?

    @Option(name: .customLong("probe-budget"), help: "Send at most this many probes (0 sends none).")
    var probeBudget: Int = 16

    @Option(name: .customLong("mock-profile"), help: "Service profile (JSON) of the embedded mock, as for 'mock serve --profile'.")
    var mockProfile: String?

    @Option(name: .customLong("golden-dir"), help: "The golden folder for doc ↔ golden (default: golden/ in the repository root, or golden-dir of .docverify.yml).")
    var goldenDir: String?

    @Flag(name: .customLong("run"), help: "Also run every scenario against the endpoint and report what fails as doc ↔ endpoint drift.")
    var runScenarios = false

    /// Pause between two probes to a live endpoint, so probing never looks like a burst.
    static let liveInterval: Duration = .milliseconds(500)

    func validate() throws {
        guard probeBudget >= 0, probeBudget <= 1_000 else { throw ValidationError("--probe-budget must be between 0 and 1000") }
        try connection.validateEndpoint()
        if let mockProfile, !FileManager.default.isReadableFile(atPath: mockProfile) {
            throw ValidationError("cannot read the mock profile '\(mockProfile)'")
        }
    }

    func run() async throws {
        // SIGINT / SIGTERM abort the probe or scenario in flight; the report covers what finished.
        let command = self
        let ((output, failed), interruption) = try await Interruption.cancelling { try await command.render() }
        print(output, terminator: "")
        try interruption.exitIfInterrupted("the report covers what finished before the signal")
        if failed { throw ExitCode(1) }
    }

    func render() async throws -> (output: String, failed: Bool) {
        var pipeline = try documents.pipeline
        pipeline.specs = try spec.load()
        let specs = pipeline.specs
        let checked = try pipeline.checkDocuments()
        // The limits come from the trees `checkDocuments` loaded, not from a second load.
        var limitsByArticle: [String: [DocumentedLimit]] = [:]
        for doc in checked { limitsByArticle[doc.document.file, default: []] += doc.limits }
        var items: [DriftItem] = []
        var remarks: [String] = []
        for doc in checked {
            items += DriftCollector.staticItems(
                document: doc.document.file, requests: doc.requests.values.flatMap { $0 }, limits: limitsByArticle[doc.document.file] ?? [],
                checkFindings: doc.findings, specs: specs)
        }
        remarks += NotReadRemarks.lines(checked.flatMap(\.findings))
        if specs.isEmpty { remarks.append("No --spec given: doc ↔ spec and docverify's model ↔ spec were not compared.") }
        let goldens = try goldenItems(checked, pipeline: pipeline)
        items += goldens.items
        if goldens.articles == 0 { remarks.append("No goldens are available: doc ↔ golden was not compared.") }

        let allRequests = checked.flatMap { $0.requests.values.flatMap { $0 } }
        let planned = plan(limitsByArticle, specs: specs, documentOrder: checked.map(\.document.file))
        if planned.contains(where: { $0.limit.key == "api-version.minimum" }),
           !planned.contains(where: { $0.limit.key == "api-version.minimum" && $0.expectation == .refuse }) {
            remarks.append("No api-version earlier than the documented minimum is known, so none was probed; pass the earlier specs with --spec.")
        }
        var results: [ProbeResult] = []
        let wantsProbes = !planned.isEmpty && probeBudget > 0
        if wantsProbes || runScenarios {
            let profile = try loadProfile()
            let mock = endpoint == nil ? try await startMock(profile, specs: specs) : nil
            if wantsProbes {
                let (sent, remark) = await probe(planned, requests: allRequests, specs: specs, mock: mock.map { ($0, profile) })
                // Probes the signal aborted say nothing about the endpoint.
                results = Task.isCancelled ? [] : sent
                if let remark { remarks.append(remark) }
                if Task.isCancelled { remarks.append("Interrupted: the endpoint probes were not finished and are not reported.") }
            }
            if runScenarios, !Task.isCancelled {
                items += await runItems(checked, mockURL: mock?.baseURL)
            }
            await mock?.stop()
        }
        items += DriftCollector.endpointItems(results)
        let report = DriftReport(
            items: items, probes: results, probesOverBudget: results.isEmpty ? 0 : max(0, planned.count - probeBudget),
            modelDifferences: ModelSpecDrift.differences(specs, extra: mockSites(try loadProfile())), documents: checked.map(\.document.file), remarks: remarks)
        // Probes and scenarios print the endpoint's answers, which may echo the credentials.
        let redactor = SecretRedactor.command(
            environment: ProcessInfo.processInfo.environment, variables: [apiKeyEnv, "AZURE_OPENAI_AD_TOKEN"], endpoint: endpoint)
        let output = try ReportOptions.emit(
            format: format, output: self.output, reports: reportFiles.parsed(), documents: Self.reportDocuments(report),
            root: documents.root,
            overrides: Self.overrides(report, root: documents.root, sourceRoots: Dictionary(checked.map { ($0.document.file, $0.document.root) }, uniquingKeysWith: { a, _ in a })),
            environment: ProcessInfo.processInfo.environment,
            sourceRoots: Array(Set(checked.map(\.document.root))).sorted(),
            redactor: redactor)
        return (output, report.hasErrors)
    }

    /// Probes for every article's limits; a statement shared through an include is probed once.
    func plan(_ limitsByArticle: [String: [DocumentedLimit]], specs: SpecSet, documentOrder: [String]) -> [Probe] {
        let voiceSite = SpecEnumSites.documentedLists["audio.voices"]!
        let knownVoices = specs.newest?.enumValues(at: voiceSite) ?? Voice.specValues.map(\.rawValue)
        let knownVersions = APIVersionTable.versions.map(\.version) + specs.apiVersions.sorted()
        var seen = Set<String>()
        var probes: [Probe] = []
        for article in documentOrder {
            for probe in ProbePlanner.plan(limitsByArticle[article] ?? [], knownVoices: knownVoices, knownVersions: knownVersions) {
                if seen.insert("\(probe.limit.location)|\(probe.payload)").inserted { probes.append(probe) }
            }
        }
        return probes
    }

    /// Drift's own text, JSON and Markdown (probes, model differences, remarks); every other
    /// format from the items as findings.
    static func overrides(_ report: DriftReport, root: String?, sourceRoots: [String: String]) -> [ReportFileFormat: () -> String] {
        [
            .text: { report.text() },
            .json: { report.json() },
            .markdown: { report.markdown() },
            .html: {
                HTMLReport.render(
                    reportDocuments(report).map { HTMLReportDocument(file: $0.file, findings: $0.findings, sourceRoot: sourceRoots[$0.file] ?? "") },
                    root: root)
            },
        ]
    }

    /// Each article with its drift items as findings, the kind of drift after the message.
    static func reportDocuments(_ report: DriftReport) -> [ReportDocument] {
        var byDocument: [String: [Finding]] = [:]
        for item in report.items {
            var finding = item.finding
            finding.message += " (\(item.kind.title))"
            byDocument[item.document, default: []].append(finding)
        }
        let files = report.documents + byDocument.keys.filter { !report.documents.contains($0) }.sorted()
        return files.map { ReportDocument(file: $0, findings: byDocument[$0] ?? []) }
    }
}

extension DriftCommand: EndpointOptionsHelp {
    // The default is spelled in the text: the option is optional in the shared group.
    static let apiKeyEnv: ArgumentHelp = "Environment variable holding the API key for --endpoint. (default: AZURE_OPENAI_API_KEY)"
}
