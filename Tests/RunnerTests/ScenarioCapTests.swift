import Core
import Extraction
import Foundation
import Requests
import Testing
@testable import Runner

/// `run --max-scenarios`: scenarios past the cap are skipped, with one warning for the whole run.
@Suite struct ScenarioCapTests {
    @Test func theCapIsSharedFirstComeFirstServed() {
        let cap = ScenarioCap(counts: [2, 3, 0, 4], maxScenarios: 4)
        #expect(cap.allowed == [2, 2, 0, 0])
        #expect(cap.skipped == 5)
        #expect(cap.firstCut == 1)
        let roomy = ScenarioCap(counts: [2, 3], maxScenarios: 5)
        #expect(roomy.allowed == [2, 3])
        #expect(roomy.skipped == 0)
        #expect(roomy.firstCut == nil)
        #expect(ScenarioCap.defaultMaxScenarios == 10_000)
    }

    @Test("three documents of two scenarios, cap 3: the third scenario on is skipped, one warning names all three skipped")
    func runSkipsPastTheCap() async throws {
        let extraction = RunnerFixtures.document()
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 2)
        config.maxScenarios = 3
        let documents = Array(repeating: (extraction, built.findings, built.requests), count: 3)
        let reports = try await DocumentRunner(configuration: config).run(documents)
        #expect(reports.map { $0.summary.skipped } == [0, 1, 2])
        #expect(reports.map { $0.summary.passed } == [2, 1, 0])
        let skippedReasons = reports.flatMap(\.scenarios).filter { $0.status == .skipped }.map(\.reason)
        #expect(skippedReasons.allSatisfy { $0 == "not run: the run reached its cap of 3 scenarios (--max-scenarios)" })
        let warnings = reports.flatMap(\.findings).filter { $0.rule == "scenario-limit" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("3 scenario(s) were not run") == true)
        #expect(warnings.first?.message.contains("1 of this article's 2") == true)
        // At the first sample of the first scenario not run.
        #expect(warnings.first?.location.line == reports[1].scenarios[1].scenario.samples.first?.sample.location.line)
    }

    @Test func underTheCapNothingChanges() async throws {
        let extraction = RunnerFixtures.document()
        let built = RequestBuilder().build(extraction)
        let reports = try await DocumentRunner(configuration: RunConfiguration(environment: [:], jobs: 2))
            .run([(extraction, built.findings, built.requests)])
        #expect(reports.first?.summary.skipped == 0)
        #expect(reports.first?.findings.contains { $0.rule == "scenario-limit" } == false)
    }
}
