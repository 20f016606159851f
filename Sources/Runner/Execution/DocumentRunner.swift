import Core
import Extraction
import Foundation
import MockServer
import Requests
import Transport

/// Progress of a run, for a TTY display.
public enum RunProgress: Sendable {
    case planned(scenarios: Int)
    case started(Scenario)
    case finished(ScenarioResult)
}

/// Runs documents' scenarios against the embedded mock or a live endpoint: dependency order,
/// independent scenarios concurrently (bounded by the transport's `jobs`).
public struct DocumentRunner: Sendable {
    public var configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Runs every document, starting the embedded mock once when no endpoint is configured.
    /// Cancelling the calling task interrupts the run: calls in flight are aborted and the scenarios
    /// not finished are reported skipped with ``ScenarioResult/interruptedReason``.
    public func run(
        _ documents: [(extraction: DocumentExtraction, staticFindings: [Finding], built: [Int: [BuiltRequest]])],
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) async throws -> [RunReport] {
        // Nothing after the start throws: the mock is always stopped below.
        let mock: RunningMockServer? = configuration.endpoint == nil && configuration.responder == nil ? try await MockServer.start(fallback: configuration.mockFallback) : nil
        let baseURL = configuration.endpoint ?? mock?.baseURL ?? Self.replayBaseURL
        let reports: [RunReport]
        let client = HTTPClient(jobs: configuration.jobs)
        let deadline = configuration.deadline.map { RunDeadline(seconds: $0) }
        // Planned up front so the cap's one warning can say how many scenarios the whole run leaves out.
        let plans = documents.map { ScenarioPlanner.plan($0.extraction) }
        let cap = ScenarioCap(counts: plans.map(\.count), maxScenarios: configuration.maxScenarios)
        let runAll: @Sendable () async -> [RunReport] = { [self] in
            var reports: [RunReport] = []
            for (index, document) in documents.enumerated() {
                reports.append(await run(
                    document, client: client, baseURL: baseURL, deadline: deadline, progress: progress,
                    plan: plans[index], cap: (cap, index)))
            }
            return reports
        }
        // The mock is started and stopped outside the race: only the calls are cut short.
        if let deadline { reports = await deadline.race(runAll) } else { reports = await runAll() }
        await mock?.stop()
        return reports
    }

    func run(
        _ document: (extraction: DocumentExtraction, staticFindings: [Finding], built: [Int: [BuiltRequest]]),
        client: HTTPClient, baseURL: String, deadline: RunDeadline? = nil, progress: @escaping @Sendable (RunProgress) -> Void,
        plan: [Scenario]? = nil, cap: (ScenarioCap, index: Int)? = nil
    ) async -> RunReport {
        let scenarios = plan ?? ScenarioPlanner.plan(document.extraction)
        let allowed = cap.map { $0.0.allowed[$0.index] } ?? scenarios.count
        progress(.planned(scenarios: allowed))
        let executor = ScenarioExecutor(
            client: client, configuration: configuration, baseURL: baseURL,
            credentials: Credentials(configuration: configuration, usingMock: configuration.usesMock),
            built: document.built, inputs: InputFiles(directory: configuration.inputsDirectory), deadline: deadline)
        // Requests whose bodies are broken are not sent: the static finding already says why.
        let brokenSamples = Set(document.built.filter { $0.value.contains { !$0.issues.isEmpty } }.map(\.key))
        // Bodies whose only problems docverify could not be sure of (notes, warnings): not sent, not failed.
        let uncertainSamples = Set(document.built.filter { entry in
            entry.value.contains { !$0.issues.isEmpty } && !entry.value.contains { $0.findings.contains { $0.severity == .error } }
        }.map(\.key))

        var results: [String: ScenarioResult] = [:]
        var written: [String: ScenarioState] = [:]
        // Dependencies point backwards, so the scenarios within the cap never wait on one past it.
        for scenario in scenarios.dropFirst(allowed) {
            results[scenario.id] = ScenarioResult(
                scenario: scenario, status: .skipped, reason: cap?.0.reason ?? "", calls: [], findings: [], duration: 0)
        }
        for wave in ScenarioPlanner.waves(Array(scenarios.prefix(allowed))) {
            let outcomes = await withTaskGroup(of: (ScenarioResult, ScenarioState).self) { group in
                for scenario in wave {
                    // A dependency that failed only on its sample's static errors still wrote its files.
                    let blocked = scenario.dependencies.first { id in
                        guard let dep = results[id] else { return true }
                        return dep.status == .skipped || dep.calls.isEmpty
                            || !dep.calls.allSatisfy { ($0.status.map { (200..<300).contains($0) }) ?? false }
                    }
                    let broken = scenario.samples.contains { brokenSamples.contains($0.sample.id) }
                    let uncertain = broken && scenario.samples.allSatisfy { !brokenSamples.contains($0.sample.id) || uncertainSamples.contains($0.sample.id) }
                    let inputs = scenario.dependencies.reduce(into: ScenarioState()) { acc, dep in
                        if let state = written[dep] { acc.merge(state) }
                    }
                    group.addTask {
                        // A tab that lacks its credential is skipped for that, deadline or not.
                        if let deadline, deadline.hasPassed, executor.missingCredential(scenario) == nil {
                            var result = ScenarioResult(scenario: scenario, status: .skipped, reason: "not started: " + deadline.reason,
                                                        calls: [], findings: [], duration: 0)
                            result.cutByDeadline = true
                            return (result, ScenarioState())
                        }
                        // Cancelled without the deadline passing: SIGINT / SIGTERM.
                        if Task.isCancelled, !(deadline?.hasPassed ?? false) {
                            return (ScenarioResult(scenario: scenario, status: .skipped, reason: ScenarioResult.interruptedReason,
                                                   calls: [], findings: [], duration: 0), ScenarioState())
                        }
                        if let blocked {
                            return (ScenarioResult(scenario: scenario, status: .skipped,
                                                   reason: "depends on \(blocked), which did not pass", calls: [], findings: [], duration: 0), ScenarioState())
                        }
                        if uncertain {
                            return (ScenarioResult(scenario: scenario, status: .skipped,
                                                   reason: "a request body holds a field docverify could not judge at its api-version (see the finding); not sent",
                                                   calls: [], findings: [], duration: 0), ScenarioState())
                        }
                        if broken {
                            return (ScenarioResult(scenario: scenario, status: .failed,
                                                   reason: "a request body is invalid (see the static findings)", calls: [], findings: [], duration: 0), ScenarioState())
                        }
                        progress(.started(scenario))
                        var (result, files) = await executor.run(scenario, carried: inputs)
                        // The calls may go through, but a reader running the sample as written would not
                        // get that far: the scenario fails on the sample's own errors.
                        // So does one skipped for a value only the sample's own code computes
                        // (`request-unresolved`): when that code stops first (a name it never
                        // defines), the skip's reason would blame docverify for the page's error.
                        let skippedUnresolved = result.status == .skipped && result.findings.contains { $0.rule == "request-unresolved" }
                        if result.status == .passed || skippedUnresolved, let error = Self.staticError(in: scenario, document.staticFindings) {
                            result.status = .failed
                            result.reason = "the sample does not run as written: \(error.rule) at \(error.location.file):\(error.location.line)"
                        }
                        return (result, files)
                    }
                }
                var collected: [(ScenarioResult, ScenarioState)] = []
                for await outcome in group {
                    progress(.finished(outcome.0))
                    collected.append(outcome)
                }
                return collected
            }
            for (result, files) in outcomes {
                results[result.scenario.id] = result
                written[result.scenario.id] = files
            }
        }
        let ordered = scenarios.compactMap { results[$0.id] }
        let file = document.extraction.document.file
        var capFinding: [Finding] = []
        if let (cap, index) = cap, cap.firstCut == index {
            let location = scenarios[allowed].samples.first?.sample.location ?? SourceLocation(file: file, line: 1)
            capFinding = [cap.finding(at: location, inDocument: scenarios.count, run: allowed)]
        }
        return RunReport(
            file: file, title: document.extraction.document.title, scenarios: ordered,
            staticFindings: document.staticFindings + (deadline?.finding(file: file, results: ordered).map { [$0] } ?? []) + capFinding)
    }

    /// The base URL requests carry when a responder answers them: never connected to.
    public static let replayBaseURL = "http://127.0.0.1:9"

    /// The first error finding inside one of the scenario's samples (syntax, module mismatch…).
    static func staticError(in scenario: Scenario, _ findings: [Finding]) -> Finding? {
        findings.first { finding in
            finding.severity == .error && scenario.samples.contains { entry in
                let sample = entry.sample
                let lines = sample.code.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                let file = sample.sourceFile ?? sample.location.file
                return finding.location.file == file
                    && finding.location.line >= min(sample.location.line, sample.codeStartLine)
                    && finding.location.line <= sample.codeStartLine + lines
            }
        }
    }
}
