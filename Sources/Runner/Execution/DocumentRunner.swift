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
    public func run(
        _ documents: [(extraction: DocumentExtraction, staticFindings: [Finding], built: [Int: [BuiltRequest]])],
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) async throws -> [RunReport] {
        var mock: RunningMockServer?
        let baseURL: String
        if let endpoint = configuration.endpoint {
            baseURL = endpoint
        } else {
            let server = try await MockServer.start()
            mock = server
            baseURL = server.baseURL
        }
        defer { if let mock { Task { await mock.stop() } } }
        var reports: [RunReport] = []
        let client = HTTPClient(jobs: configuration.jobs)
        for document in documents {
            reports.append(await run(document, client: client, baseURL: baseURL, progress: progress))
        }
        if let mock { await mock.stop() }
        mock = nil
        return reports
    }

    func run(
        _ document: (extraction: DocumentExtraction, staticFindings: [Finding], built: [Int: [BuiltRequest]]),
        client: HTTPClient, baseURL: String, progress: @escaping @Sendable (RunProgress) -> Void
    ) async -> RunReport {
        let scenarios = ScenarioPlanner.plan(document.extraction)
        progress(.planned(scenarios: scenarios.count))
        let executor = ScenarioExecutor(
            client: client, configuration: configuration, baseURL: baseURL,
            credentials: Credentials(configuration: configuration, usingMock: configuration.usesMock),
            built: document.built)
        // Requests whose bodies are broken are not sent: the static finding already says why.
        let brokenSamples = Set(document.built.filter { $0.value.contains { $0.request == nil && $0.extracted.body != nil } }.map(\.key))

        var results: [String: ScenarioResult] = [:]
        var written: [String: [String: Data]] = [:]
        for wave in ScenarioPlanner.waves(scenarios) {
            let outcomes = await withTaskGroup(of: (ScenarioResult, [String: Data]).self) { group in
                for scenario in wave {
                    let blocked = scenario.dependencies.first { results[$0]?.status != .passed }
                    let broken = scenario.samples.contains { brokenSamples.contains($0.sample.id) }
                    let inputs = scenario.dependencies.reduce(into: [String: Data]()) { acc, dep in
                        acc.merge(written[dep] ?? [:]) { _, new in new }
                    }
                    group.addTask {
                        if let blocked {
                            return (ScenarioResult(scenario: scenario, status: .skipped,
                                                   reason: "depends on \(blocked), which did not pass", calls: [], findings: [], duration: 0), [:])
                        }
                        if broken {
                            return (ScenarioResult(scenario: scenario, status: .failed,
                                                   reason: "a request body is invalid (see the static findings)", calls: [], findings: [], duration: 0), [:])
                        }
                        progress(.started(scenario))
                        return await executor.run(scenario, inputFiles: inputs)
                    }
                }
                var collected: [(ScenarioResult, [String: Data])] = []
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
        return RunReport(
            file: document.extraction.document.file, title: document.extraction.document.title,
            scenarios: scenarios.compactMap { results[$0.id] }, staticFindings: document.staticFindings)
    }
}
