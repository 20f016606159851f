import Core
import Extraction
import Requests
import Testing
@testable import Runner

@Suite struct DocumentRunnerTests {
    func run(_ extraction: DocumentExtraction, environment: [String: String] = [:], endpoint: String? = nil) async throws -> RunReport {
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(endpoint: endpoint, environment: environment, jobs: 2)
        config.transport.retry = .none
        config.transport.connectTimeout = 2
        let reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        return try #require(reports.first)
    }

    @Test func chainsFilesAndAudioIdsAgainstTheEmbeddedMock() async throws {
        let report = try await run(RunnerFixtures.document())
        #expect(report.summary == RunSummary(scenarios: 2, passed: 2, failed: 0, skipped: 0))
        #expect(report.findings.isEmpty)
        let listen = try #require(report.scenarios.last)
        #expect(listen.calls.map(\.status) == [200, 200])
        // The second turn is text: the mock resolved the first turn's audio id.
        #expect(listen.calls[1].response?["choices"]?[0]?["message"]?["content"]?.stringValue?.isEmpty == false)
    }

    @Test func keylessTabsUseAMockTokenWithoutConfiguration() async throws {
        let report = try await run(RunnerFixtures.document(auth: .bearer))
        #expect(report.summary.passed == 2)
    }

    @Test func liveKeylessTabWithoutTokenIsSkippedNotFailed() async throws {
        let report = try await run(RunnerFixtures.document(auth: .bearer), endpoint: "http://127.0.0.1:1")
        #expect(report.summary == RunSummary(scenarios: 2, passed: 0, failed: 0, skipped: 2))
        #expect(report.scenarios[0].reason?.contains("AZURE_OPENAI_AD_TOKEN") == true)
    }

    @Test func unreachableEndpointIsAFindingAtTheCall() async throws {
        let report = try await run(RunnerFixtures.document(), environment: ["AZURE_OPENAI_API_KEY": "k"], endpoint: "http://127.0.0.1:1")
        let finding = try #require(report.findings.first { $0.rule == "endpoint-unreachable" })
        #expect(finding.location.line == 20)
        #expect(finding.pivot == "programming-language-python")
        // The reader of the file the failed scenario should have written is skipped, not run.
        #expect(report.scenarios[1].status == .skipped)
    }

    @Test func refusedVoiceIsAResponseStatusFindingNamingTheField() async throws {
        let report = try await run(RunnerFixtures.document(voice: "nova-x"))
        // The static check refuses the voice too; the run does not send a body known to be invalid.
        #expect(report.findings.contains { $0.rule == "request-invalid" && $0.message.contains("audio.voice") })
        #expect(report.summary.failed >= 1)
    }

    @Test(arguments: ["mp3", "flac", "opus", "pcm16"])
    func everyOutputFormatOfTheMockPassesTheAudioCheck(format: String) async throws {
        let a = RunnerFixtures.sample(0, line: 10)
        var extraction = RunnerFixtures.document()
        extraction.document.pivots[0].sections.removeLast()
        extraction.samples = [0: SampleExtraction(
            sampleID: a.id, requests: [RunnerFixtures.request(line: 20, messages: .array([RunnerFixtures.userText("Hi.")]), format: format)],
            callsAPI: true)]
        let report = try await run(extraction)
        #expect(report.summary.passed == 1, "\(report.findings)")
        #expect(!report.findings.contains { $0.rule == "response-audio-invalid" })
    }

    @Test func missingResponseFieldIsReportedWhereTheCodeReadsIt() async throws {
        let report = try await run(RunnerFixtures.document(readsMissingField: true))
        let finding = try #require(report.findings.first { $0.rule == "response-field-missing" })
        #expect(finding.location.line == 65)
        #expect(finding.message.contains("choices[0].message.audio.transcript"))
    }
}
@Suite struct StaticErrorTests {
    @Test func aSyntaxErrorInsideTheSampleFailsItsScenario() async throws {
        let extraction = RunnerFixtures.document()
        let built = RequestBuilder().build(extraction)
        // Line 12 is inside sample 0 (fence at line 10, code from line 11).
        let syntax = Finding(rule: "python-syntax", severity: .error,
                             location: SourceLocation(file: RunnerFixtures.file, line: 12, column: 3), message: "bad")
        var config = RunConfiguration(environment: [:], jobs: 2)
        config.transport.retry = .none
        let report = try #require(try await DocumentRunner(configuration: config).run([(extraction, built.findings + [syntax], built.requests)]).first)
        #expect(report.scenarios[0].status == .failed)
        #expect(report.scenarios[0].reason?.contains("python-syntax") == true)
        // Its calls still ran, so the reader of its file can go on.
        #expect(report.scenarios[0].calls.count == 1)
    }
}
