import ArgumentParser
import Core
import Foundation
import Golden
import MockServer
import Reporting
import Spec
import Runner
import Transport

/// `docverify run PATH...`: runs every scenario (pivot × section × tab) against the embedded mock
/// (default) or a live endpoint, and checks what comes back.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every scenario of quickstarts against the embedded mock endpoint or a live one.",
        discussion: """
            Without --endpoint an embedded Azure OpenAI mock is started on a free loopback port. With \
            --endpoint, the API key is read from $AZURE_OPENAI_API_KEY (or --api-key-env) and the Entra ID \
            token from $AZURE_OPENAI_AD_TOKEN (or --token-env); a tab whose credential is absent is skipped. \
            Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors.
            """)

    @OptionGroup var documents: DocumentOptions

    @OptionGroup var policy: PolicyOptions

    @OptionGroup var spec: SpecOptions

    @Option(help: "Output format: text, json, junit, sarif, github, markdown or html.")
    var format: ReportFileFormat = .text

    @Option(help: "Write the output to FILE (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var reportFiles: ReportOptions

    @OptionGroup var connection: EndpointOptions<RunCommand>
    var endpoint: String? { connection.endpoint }
    var apiKeyEnv: String? { connection.apiKeyEnv }

    @Option(name: .customLong("token-env"), help: "Environment variable holding a Microsoft Entra ID bearer token (default: AZURE_OPENAI_AD_TOKEN).")
    var tokenEnv: String?

    @Option(help: "At most this many requests at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Seconds one request may take, retries excluded (default: 120).")
    var timeout: Double?

    @Option(name: .customLong("max-response-bytes"), help: "Largest answer read, in bytes; a larger one is a response-too-large warning (default: 67108864, 64 MiB).")
    var maxResponseBytes: Int?

    @Option(name: .customLong("max-scenarios"), help: "Most scenarios one run executes; the rest are skipped with one scenario-limit warning (default: 10000).")
    var maxScenarios: Int?

    @Option(help: "Seconds the whole run may take: later calls are not started, calls in flight are cancelled, and the report of what finished is printed with a run-deadline error (default: none).")
    var deadline: Double?

    @Option(help: "A PEM file of CA certificates to trust for the endpoint.")
    var cacert: String?

    @Option(help: "A folder of files the samples upload but no step writes (the audio or image a page tells the reader to download); default: generated stand-ins.")
    var inputs: String?

    @Option(help: "The deployment name to use where a page leaves it to the reader (YOUR-DEPLOYMENT-NAME-HERE).")
    var deployment: String?

    @Flag(help: "Do not verify the endpoint's TLS certificate (testing only).")
    var insecure = false

    @OptionGroup var golden: GoldenRunOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let timeout, !(timeout > 0 && timeout <= 86_400) { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
        if let maxResponseBytes, maxResponseBytes < 1 { throw ValidationError("--max-response-bytes must be at least 1") }
        if let maxScenarios, maxScenarios < 1 { throw ValidationError("--max-scenarios must be at least 1") }
        if let deadline, !(deadline > 0 && deadline <= 604_800) { throw ValidationError("--deadline must be between 0 and 604800 seconds (a week)") }
        try connection.validateEndpoint()
        if let inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--inputs must be a folder; '\(inputs)' is not one")
            }
        }
        if golden.replay, endpoint != nil {
            throw ValidationError("--replay answers from the goldens; it does not go to an --endpoint")
        }
        if let cacert, !FileManager.default.isReadableFile(atPath: cacert) {
            throw ValidationError("cannot read the CA file '\(cacert)'")
        }
    }

    func run() async throws {
        // SIGINT / SIGTERM cancel the work: calls in flight are aborted, the scenarios not finished
        // are reported as not run, and the report of the rest is printed.
        let command = self
        let ((output, failed), interruption) = try await Interruption.cancelling { try await command.render() }
        print(output, terminator: "")
        try interruption.exitIfInterrupted("the report covers what finished; scenarios marked '\(ScenarioResult.interruptedReason)' did not run")
        if failed { throw ExitCode(1) }
    }

    /// The whole output, built before anything is printed, and whether the run failed (an error
    /// finding or a failed scenario).
    func render() async throws -> (output: String, failed: Bool) {
        try await render(goldenRun: GoldenRun(options: golden, pipeline: try documents.pipeline, environment: ProcessInfo.processInfo.environment)).0
    }

    /// The output, and what the run did to the goldens (`golden update` prints that).
    func render(goldenRun: GoldenRun) async throws -> ((output: String, failed: Bool), GoldenChanges) {
        var pipeline = try documents.pipeline
        pipeline.specs = try spec.load()
        let checked = try pipeline.checkDocuments()
        var settings = RunSettings(
            endpoint: endpoint, apiKeyEnv: apiKeyEnv, tokenEnv: tokenEnv, jobs: jobs, timeout: timeout, config: pipeline.config,
            deadline: deadline, maxResponseBytes: maxResponseBytes, maxScenarios: maxScenarios)
        // Replaying answers from the goldens; a configured endpoint is for the other runs.
        if golden.replay { settings.endpoint = Setting(value: nil, source: .flag) }
        var configuration = RunConfiguration(
            endpoint: settings.endpoint.value, apiKeyEnvironmentName: settings.apiKeyEnv.value,
            tokenEnvironmentName: settings.tokenEnv.value, jobs: settings.jobs.value)
        configuration.transport.timeout = settings.timeout.value
        configuration.transport.caCertPath = cacert
        configuration.transport.maxResponseSize = settings.maxResponseBytes.value
        configuration.deadline = settings.deadline.value
        configuration.maxScenarios = settings.maxScenarios.value
        configuration.transport.insecure = insecure
        configuration.inputsDirectory = inputs
        configuration.deployment = deployment
        if let book = try goldenRun.replayBook(checked) {
            configuration.responder = book.responder(recorder: goldenRun.recorder(configuration: configuration))
        }
        configuration.mockFallback = SpecOptions.mockFallback(pipeline.specs)

        let progress = ProgressDisplay(enabled: format == .text && ProgressDisplay.isInteractive)
        var reports: [RunReport]
        do {
            reports = try await DocumentRunner(configuration: configuration).run(
                checked.map { ($0.extraction, $0.findings, $0.requests) },
                progress: { progress.update($0) })
        } catch {
            progress.finish()
            throw EmbeddedMockError(detail: "\(error)")
        }
        progress.finish()
        let changes: GoldenChanges
        (reports, changes) = try goldenRun.apply(reports, documents: checked, configuration: configuration)
        // Before the baseline is read or written: an endpoint may echo the credentials in a message.
        let redactor = SecretRedactor.command(
            environment: ProcessInfo.processInfo.environment,
            variables: [configuration.apiKeyEnvironmentName, configuration.tokenEnvironmentName], endpoint: configuration.endpoint)
        reports = reports.map { $0.redacted(by: redactor) }
        reports = pipeline.rules.apply(try policy.apply(reports, roots: Array(Set(checked.map(\.document.root))).sorted()))
        let output = try emit(
            reports, changes: changes, roots: Dictionary(checked.map { ($0.document.file, $0.document.root) }) { a, _ in a },
            redactor: redactor)
        let failed = reports.flatMap(\.findings).hasErrors || reports.contains { $0.summary.failed > 0 }
        return ((output, failed), changes)
    }
}

extension RunCommand {
    /// Every report the options ask for; returns what goes to the terminal.
    func emit(_ reports: [RunReport], changes: GoldenChanges, roots: [String: String], redactor: SecretRedactor) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let colour = output == nil && isatty(STDOUT_FILENO) != 0
        let final = reports
        // A shared include's finding once, naming the articles (HTML and the generic formats).
        let collapsed = SharedFindings.collapse(final.map { ReportDocument(file: $0.file, findings: $0.findings) })
        let overrides: [ReportFileFormat: () -> String] = [
            .json: { RunReportFormat.json(final) },
            .text: { RunReportFormat.text(final) + GoldenRun.diffs(changes, colour: colour) },
            .junit: { RunJUnitReport.render(final) },
            .html: {
                HTMLReport.render(
                    zip(final, collapsed).map { report, shown in
                        HTMLReportDocument(
                            file: report.file, title: report.title, findings: shown.findingsNamingArticles, scenarios: report.scenarios,
                            sourceRoot: roots[report.file] ?? "")
                    },
                    root: documents.root,
                    goldenDiffs: changes.mismatches.map {
                        HTMLGoldenDiff(name: $0.file, diff: UnifiedDiff.render(old: $0.old, new: $0.new, name: $0.file, colour: false))
                    },
                    redactor: redactor)
            },
        ]
        let total = final.map(\.summary).reduce(RunSummary(scenarios: 0, passed: 0, failed: 0, skipped: 0), +)
        return try ReportOptions.emit(
            format: format, output: output, reports: reportFiles.parsed(),
            documents: collapsed, root: documents.root, overrides: overrides,
            summaryExtra: "\n\(total.scenarios) scenarios: \(total.passed) passed, \(total.failed) failed, \(total.skipped) skipped\n",
            environment: environment, sourceRoots: Array(Set(roots.values)).sorted(), redactor: redactor)
    }
}

/// The embedded mock could not start (no loopback port, for instance): nothing was run.
struct EmbeddedMockError: Error, CustomStringConvertible {
    var detail: String
    var description: String {
        "could not start the embedded mock endpoint on 127.0.0.1: \(detail); check that loopback networking is available, or pass --endpoint"
    }
}

extension RunCommand: EndpointOptionsHelp {
    static let apiKeyEnv: ArgumentHelp = "Environment variable holding the API key (default: AZURE_OPENAI_API_KEY)."
}
