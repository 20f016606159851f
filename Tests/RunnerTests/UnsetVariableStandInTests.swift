import Core
import Extraction
import Foundation
import Requests
import Testing
@testable import Runner

/// Against the embedded mock, an environment variable the reader sets to a value of their own (a
/// deployment name, a search index) and docverify's process lacks is read as a stand-in where the
/// mock never interprets it; where a made-up value would be wrong (the api-version) it stays unresolved.
@Suite struct UnsetVariableStandInTests {
    typealias F = OperationFixtures

    func run(_ request: ExtractedRequest) async throws -> RunReport {
        let extraction = F.document([SampleExtraction(sampleID: 0, requests: [request])])
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 1)
        config.transport.retry = .none
        let reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        return try #require(reports.first)
    }

    private func env(_ name: String) -> SymbolicValue { .placeholder(.environment(name: name, fallback: nil)) }

    @Test func unsetVariablesInTheBodyAndDeploymentGetAStandIn() async throws {
        var request = F.call("POST", "/openai/deployments/{deployment}/chat/completions", line: 20,
                             body: .object(["messages": .array([.object(["role": .string("user"), "content": env("MY_QUESTION")])])]),
                             version: "2024-10-21")
        request.deployment = env("MY_CHAT_DEPLOYMENT")
        let report = try await run(request)
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(!report.findings.contains { $0.rule == "request-unresolved" })
        #expect(Set(result.inputs.map(\.path)) == ["$MY_QUESTION", "$MY_CHAT_DEPLOYMENT"])
    }

    @Test func anUnsetApiVersionVariableStaysUnresolved() async throws {
        var request = F.call("POST", "/openai/deployments/{deployment}/chat/completions", line: 30,
                             body: .object(["messages": .array([.object(["role": .string("user"), "content": .string("Hi")])])]),
                             deployment: "gpt-4o")
        request.query["api-version"] = env("MY_API_VERSION")
        let report = try await run(request)
        // No stand-in for a version: the call is not sent (skipped; env-var-undefined judges the page).
        #expect(report.scenarios.first?.status == .skipped)
        #expect(report.scenarios.first?.inputs.contains { $0.path == "$MY_API_VERSION" } != true)
        let finding = try #require(report.findings.first { $0.rule == "request-unresolved" })
        #expect(finding.message.contains("MY_API_VERSION"))
    }
}

/// A real Azure OpenAI operation docverify has no model of (a fine-tuning job) is noted, not
/// warned about, and its scenario is skipped against the embedded mock instead of failing on the
/// mock's 404; a path that is no operation at all still fails.
@Suite struct UnmodelledOperationRunTests {
    typealias F = OperationFixtures

    func run(_ request: ExtractedRequest) async throws -> (RunReport, [Finding]) {
        let extraction = F.document([SampleExtraction(sampleID: 0, requests: [request])])
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 1)
        config.transport.retry = .none
        let reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        return (try #require(reports.first), built.findings)
    }

    @Test func aFineTuningJobIsSkippedWithANote() async throws {
        let request = F.call("GET", "/openai/fine_tuning/jobs/<MY-JOB>", line: 12, version: "2024-10-21")
        let (report, staticFindings) = try await run(request)
        #expect(staticFindings.map(\.severity) == [.note])
        #expect(staticFindings.first?.message.contains("fine-tuning") == true)
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(result.reason?.contains("--endpoint") == true)
        #expect(!report.findings.contains { $0.severity == .error })
    }

    @Test func theTableMatchesByMethodAndPath() {
        #expect(UnmodeledOperations.family(method: "GET", path: "/openai/deployments") != nil)
        #expect(UnmodeledOperations.family(method: "get", path: "/openai/batches/batch_1") == "batches")
        #expect(UnmodeledOperations.family(method: "POST", path: "/openai/batches/batch_1") == nil)
        #expect(UnmodeledOperations.family(method: "POST", path: "/openai/deployments/d/chat/completions") == nil)
    }

    @Test func videoJobsAndTheOlderAsynchronousImageFormAreKnown() {
        #expect(UnmodeledOperations.family(method: "POST", path: "/openai/v1/video/generations/jobs") == "video generation jobs")
        #expect(UnmodeledOperations.family(method: "GET", path: "/openai/v1/video/generations/gen_1/content/video") == "video generation jobs")
        #expect(UnmodeledOperations.family(method: "POST", path: "/openai/images/generations:submit") == "the older asynchronous image generation")
        #expect(UnmodeledOperations.family(method: "GET", path: "/openai/operations/images/op-1") == "the older asynchronous image generation")
        // A misspelt path stays unknown.
        #expect(UnmodeledOperations.family(method: "POST", path: "/openai/v1/video/generation/jobs") == nil)
    }

    @Test func aPathThatIsNoOperationStillFails() async throws {
        // The events of a job are read with GET: POST is no operation.
        let request = F.call("POST", "/openai/fine_tuning/jobs/{id}/events", line: 14, version: "2024-10-21")
        let (report, staticFindings) = try await run(request)
        #expect(staticFindings.map(\.severity) == [.warning])
        #expect(report.scenarios.first?.status == .failed)
    }
}

/// On Your Data's camelCase `dataSources`, which 2023 previews took: a note (docverify can't be
/// sure; the page's version took it) at such a preview, and its scenario is skipped rather than
/// failed; at a later version, an error.
@Suite struct OlderPreviewFieldTests {
    typealias F = OperationFixtures

    private func call(version: String) -> ExtractedRequest {
        F.call("POST", "/openai/deployments/{deployment}/chat/completions", line: 16,
               body: .object(["messages": .array([.object(["role": .string("user"), "content": .string("Hi")])]),
                              "dataSources": .array([.object(["type": .string("AzureCognitiveSearch")])])]),
               deployment: "gpt-4o", version: version)
    }

    @Test func anOlderPreviewIsANoteAndSkipped() async throws {
        let built = RequestBuilder().build(call(version: "2023-08-01-preview"))
        #expect(built.findings.map(\.severity) == [.note])
        #expect(built.findings.first?.message.contains("could not be sure") == true)
        let extraction = F.document([SampleExtraction(sampleID: 0, requests: [call(version: "2023-08-01-preview")])])
        let document = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 1)
        config.transport.retry = .none
        let report = try #require(try await DocumentRunner(configuration: config).run([(extraction, document.findings, document.requests)]).first)
        #expect(report.scenarios.first?.status == .skipped)
    }

    @Test func aLaterVersionIsStillAnError() {
        #expect(RequestBuilder().build(call(version: "2024-05-01-preview")).findings.map(\.severity) == [.error])
        #expect(RequestBuilder().build(call(version: "2024-02-01")).findings.map(\.severity) == [.error])
    }
}
