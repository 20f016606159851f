import Core
import Extraction
import Foundation
import Requests
import Testing
import Transport
@testable import Runner

/// `run --deadline` and `run --max-response-bytes` against a local endpoint that misbehaves: the
/// run always ends, in bounded time and memory, with the report of what finished.
@Suite struct RunBoundsTests {
    func run(
        endpoint: String?, deadline: TimeInterval?, maxResponse: Int? = TransportOptions.defaultMaxResponseSize,
        extraction: DocumentExtraction = RunnerFixtures.document()
    ) async throws -> (RunReport, Duration) {
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(endpoint: endpoint, environment: ["AZURE_OPENAI_API_KEY": "bounds-test-key"], jobs: 2)
        config.transport.retry = .none
        config.transport.connectTimeout = 10
        config.transport.timeout = 600  // far beyond the deadlines below: only the deadline can end the wait
        config.transport.maxResponseSize = maxResponse
        config.deadline = deadline
        let clock = ContinuousClock()
        var reports: [RunReport] = []
        let elapsed = try await clock.measure {
            reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        }
        return (try #require(reports.first), elapsed)
    }

    @Test func theDeadlineCancelsACallInFlightAndSkipsTheRest() async throws {
        let server = try MisbehavingEndpoint(.neverAnswers)
        defer { server.stop() }
        let (report, elapsed) = try await run(endpoint: server.baseURL, deadline: 3)

        // Far under the 600 s timeout, far over the 3 s deadline: the full suite starves the
        // concurrency pool for tens of seconds on two cores, which delays the deadline's task too.
        #expect(elapsed < .seconds(300), "the deadline, not the 600 s timeout, ended the wait")
        // Every scenario was cut short: the second never started; the first was cancelled in flight
        // (or, on a machine too busy to send it within the deadline, never started either).
        #expect(report.scenarios.map(\.status) == [.skipped, .skipped])
        #expect(report.scenarios.allSatisfy { $0.cutByDeadline })
        #expect(report.scenarios[1].reason?.contains("not started") == true)
        if server.connections == 1 {
            let call = try #require(report.scenarios[0].calls.first)
            #expect(call.status == nil)
            #expect(report.scenarios[0].reason?.contains("cancelled in flight") == true)
        }
        let finding = try #require(report.findings.first { $0.rule == "run-deadline" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains(report.scenarios[0].scenario.id) && finding.message.contains(report.scenarios[1].scenario.id))
        #expect(finding.location.file == RunnerFixtures.file)
        // A cancelled call is the run's doing, not the endpoint's.
        #expect(!report.findings.contains { $0.rule == "endpoint-unreachable" })
    }

    @Test func aTabWithoutItsCredentialIsSkippedForThatNotForTheDeadline() async throws {
        // Keyless tabs, no token in the environment, a deadline already past when scenarios start.
        let (report, _) = try await run(endpoint: "http://127.0.0.1:1", deadline: 0.001, extraction: RunnerFixtures.document(auth: .bearer))
        #expect(report.scenarios.map(\.status) == [.skipped, .skipped])
        #expect(report.scenarios[0].reason?.contains("AZURE_OPENAI_AD_TOKEN") == true)
        #expect(!report.scenarios.contains { $0.cutByDeadline })
        #expect(!report.findings.contains { $0.rule == "run-deadline" })
    }

    @Test func aDeadlineThatIsNotReachedChangesNothing() async throws {
        let (report, _) = try await run(endpoint: nil, deadline: 120)
        #expect(report.summary == RunSummary(scenarios: 2, passed: 2, failed: 0, skipped: 0))
        #expect(report.findings.isEmpty)
        #expect(!report.scenarios.contains { $0.cutByDeadline })
    }

    @Test func anEndlessAnswerStopsAtTheCapWithAWarning() async throws {
        let server = try MisbehavingEndpoint(.endlessBody)
        defer { server.stop() }
        let cap = 1 << 20
        let (report, elapsed) = try await run(endpoint: server.baseURL, deadline: nil, maxResponse: cap)

        // Far under the 600 s transfer timeout: the cap, not the timeout, ended it (a loaded test
        // machine has taken 36 s to stream the first MiB).
        #expect(elapsed < .seconds(300))
        let finding = try #require(report.findings.first { $0.rule == "response-too-large" })
        #expect(finding.severity == .warning, "docverify's own bound, not the page's fault")
        #expect(finding.message.contains("\(cap) bytes") && finding.message.contains("--max-response-bytes"))
        #expect(finding.location == report.scenarios[0].calls.first?.location)
        #expect(report.scenarios[0].status == .skipped)
        #expect(!report.findings.contains { $0.rule == "endpoint-unreachable" })
    }

    @Test func theDefaultCapIs64MiB() {
        #expect(TransportOptions().maxResponseSize == 64 * 1024 * 1024)
        #expect(RunConfiguration().transport.maxResponseSize == 64 * 1024 * 1024)
    }

    @Test func theRaceReturnsTheWorkWhenItFinishesFirst() async {
        // A long timer, so a busy cooperative pool (the full suite on 2 cores has delayed a task by
        // 36 s) cannot pass for waiting it out.
        let deadline = RunDeadline(seconds: 600)
        let clock = ContinuousClock()
        var value = 0
        let elapsed = await clock.measure { value = await deadline.race { 42 } }
        #expect(value == 42)
        #expect(elapsed < .seconds(300), "the timer task (600 s) is cancelled, not waited for")
        #expect(!deadline.hasPassed)
        #expect(RunDeadline(seconds: 0).hasPassed)
        // Out-of-range values are clamped, never a trap.
        #expect(!RunDeadline(seconds: .infinity).hasPassed)
        #expect(!RunDeadline(seconds: 1e300).hasPassed)
    }
}
