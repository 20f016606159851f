import Core
import Extraction
import Requests
import Testing
@testable import Runner

/// A function-calling sample: the first call offers a tool, the code reads the tool call if the
/// model made one, and the follow-up sends the tool's result that only the sample's own function
/// computes. The embedded mock answers with text, so that path is not exercised, and the page is
/// not blamed for it.
@Suite struct ToolCallRunTests {
    typealias F = OperationFixtures

    func run(_ extraction: DocumentExtraction) async throws -> RunReport {
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 1)
        config.transport.retry = .none
        let reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        return try #require(reports.first)
    }

    static let chat = "/openai/deployments/{deployment}/chat/completions"
    static let question = SymbolicValue.object(["role": .string("user"), "content": .string("What time is it in Oslo?")])

    /// A value only the sample's code computes skips the scenario, unless that code has a static
    /// error (a name it never defines): then the reader stops there, and the scenario fails.
    @Test func aSkipForTheSamplesOwnValueFailsWhenTheSampleHasAnError() async throws {
        let body: SymbolicValue = .object(["messages": .array([Self.question]), "data_sources": .array([.object([
            "type": .string("azure_search"), "parameters": .object(["key": .placeholder(.unknown("searchKey"))]),
        ])])])
        let request = F.call("POST", Self.chat, line: 12, body: body, deployment: "gpt", version: "2024-10-21")
        let extraction = F.document([SampleExtraction(sampleID: 0, requests: [request], callsAPI: true)])
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 1)
        config.transport.retry = .none
        let clean = try #require(try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)]).first)
        #expect(clean.scenarios.first?.status == .skipped)
        let undefined = Finding(rule: "undefined-name", severity: .error, location: F.at(11), message: "reads `searchKey`, which it never defines")
        let broken = try #require(try await DocumentRunner(configuration: config).run([(extraction, built.findings + [undefined], built.requests)]).first)
        #expect(broken.scenarios.first?.status == .failed)
        #expect(broken.scenarios.first?.reason?.contains("does not run as written") == true)
    }

    @Test func aToolPathTheAnswerDidNotTakeIsNotAFailure() async throws {
        let tools: SymbolicValue = .array([.object(["type": .string("function"), "function": .object([
            "name": .string("clock"), "parameters": .object(["type": .string("object"), "properties": .object([:])]),
        ])])])
        let first = F.call("POST", Self.chat, line: 20, body: .object(["messages": .array([Self.question]), "tools": tools]),
                           deployment: "gpt", version: "2024-10-21")
        let toolResult: SymbolicValue = .object([
            "role": .string("tool"), "tool_call_id": .placeholder(.response(call: 0, path: "choices[0].message.tool_calls[0].id")),
            "content": .placeholder(.unknown("clock(…)")),
        ])
        let second = F.call("POST", Self.chat, line: 40, body: .object(["messages": .array([Self.question, toolResult])]),
                            deployment: "gpt", version: "2024-10-21")
        let reads = [ResponseRead(call: 0, path: "choices[0].message.tool_calls[0].id", location: F.at(30))]
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [first, second], responseReads: reads, callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped, "\(report.findings)")
        #expect(result.calls.count == 1)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
        let read = try #require(report.findings.first { $0.rule == "response-field-missing" })
        #expect(read.severity == .note && read.location.line == 30)
        let unresolved = try #require(report.findings.first { $0.rule == "request-unresolved" })
        #expect(unresolved.severity == .note && unresolved.location.line == 40)
    }

    /// The embedded mock doesn't serve the Responses API: the call is skipped with a reason, not a
    /// 404 blamed on the page. A wrong path next to it is still sent and fails.
    @Test func anOperationTheMockDoesNotModelIsSkipped() async throws {
        let create = F.call("POST", "/openai/responses", line: 20, body: .object(["model": .string("gpt"), "input": .string("Hi")]),
                            version: "2025-03-01-preview")
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [create], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(result.reason?.contains("the Responses API") == true)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")

        let wrong = F.call("GET", "/openai/resp_1", line: 20, version: "2025-03-01-preview")
        let failed = try await run(F.document([SampleExtraction(sampleID: 0, requests: [wrong], callsAPI: true)]))
        #expect(failed.scenarios.first?.status == .failed)
    }

    /// A search index's settings read from the environment, only in the body: the reader sets
    /// them, the embedded mock never looks them up, so a stand-in (listed with the inputs) lets
    /// the request itself be tested; nothing is blamed on the page.
    @Test func anEnvironmentVariableReadOnlyInTheBodyGetsAStandIn() async throws {
        let body: SymbolicValue = .object(["messages": .array([Self.question]), "data_sources": .array([.object([
            "type": .string("azure_search"),
            "parameters": .object(["endpoint": .placeholder(.environment(name: "SEARCH_ENDPOINT", fallback: nil)), "index_name": .string("docs")]),
        ])])])
        let call = F.call("POST", Self.chat, line: 20, body: body, deployment: "gpt", version: "2024-10-21")
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [call], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.inputs.map(\.path).contains("$SEARCH_ENDPOINT"))
        #expect(!report.findings.contains { $0.rule == "request-unresolved" || $0.severity == .error })
    }

    /// A REST step that posts to `thread_abc123` without any call of the run creating a thread
    /// (the page creates it elsewhere): skipped with a note, not a 404 blamed on the page.
    @Test func anExampleIDNoCallOfTheRunGaveOutSkipsTheCall() async throws {
        var post = F.call("POST", "/openai/threads/{thread_id}/messages", line: 20,
                          body: .object(["role": .string("user"), "content": .string("Hi?")]))
        post.pathParameters["thread_id"] = .placeholder(.readerValue(kind: .resourceID, text: "thread_abc123"))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [post], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(result.calls.isEmpty)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
        #expect(report.findings.contains { $0.rule == "request-unresolved" && $0.message.contains("thread_abc123") })
    }

    /// An example id in a body (`"assistant_id": "asst_abc123"`, copied from an answer the page
    /// shows) with no call of the run giving one out: skipped with a note, like one in a path.
    @Test func anExampleIDInTheBodySkipsTheCallWhenNoCallGaveOneOut() async throws {
        let run1 = F.call("POST", "/openai/threads/runs", line: 20, body: .object([
            "assistant_id": .string("asst_example42"),
            "thread": .object(["messages": .array([.object(["role": .string("user"), "content": .string("Hi?")])])]),
        ]))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [run1], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
        #expect(report.findings.contains { $0.rule == "request-unresolved" && $0.message.contains("asst_example42") })
    }

    /// A management call (Azure Resource Manager) on the page is not sent to the embedded mock.
    @Test func aCallToAnotherServiceIsNotSentToTheMock() async throws {
        let list = F.call("GET", "/subscriptions/sub-1/providers/Microsoft.CognitiveServices/locations/eastus/models", line: 20,
                          endpoint: .string("https://management.azure.com"))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [list], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(result.calls.isEmpty)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
    }

    /// `message.parsed` is what `chat.completions.parse(…)` computes from the answer, never a field
    /// of it: reading it is not a missing field. A field the answer should have still is.
    @Test func aMemberTheSDKComputesIsNotAMissingField() async throws {
        let ask = F.call("POST", Self.chat, line: 20, body: .object(["messages": .array([Self.question])]),
                         deployment: "gpt", version: "2024-10-21")
        let reads = [ResponseRead(call: 0, path: "choices[0].message.parsed", location: F.at(30)),
                     ResponseRead(call: 0, path: "choices[0].message.mood", location: F.at(31))]
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [ask], responseReads: reads, callsAPI: true)]))
        let missing = report.findings.filter { $0.rule == "response-field-missing" }
        #expect(missing.map(\.location.line) == [31])
    }

    @Test func aMissingValueFromTheReadersSetUpStillFails() async throws {
        let body: SymbolicValue = .object(["messages": .array([.object([
            "role": .string("user"), "content": .placeholder(.response(call: 0, path: "choices[0].message.content")),
        ])])])
        // A response field that is always there, from a call that doesn't exist: not the sample's own code.
        let lone = F.call("POST", Self.chat, line: 20, body: body, deployment: "gpt", version: "2024-10-21")
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [lone], callsAPI: true)]))
        #expect(report.scenarios.first?.status == .failed)
        #expect(report.findings.contains { $0.rule == "request-unresolved" && $0.severity == .error })
    }
}

extension ToolCallRunTests {
    /// A management call that sets a deployment up, then an inference call: the first isn't sent
    /// to the embedded mock, the second still is.
    @Test func callsAfterAnotherServicesCallStillRun() async throws {
        let setUp = F.call("PUT", "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/deployments/d", line: 20,
                           body: .object(["sku": .object(["name": .string("Standard")])]), endpoint: .string("https://management.azure.com"))
        let ask = F.call("POST", Self.chat, line: 30, body: .object(["messages": .array([Self.question])]),
                         deployment: "gpt", version: "2024-10-21")
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [setUp, ask], callsAPI: true)]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls.map(\.location.line) == [30])
        // Alone, the management call leaves nothing to run: skipped, as before.
        let alone = try await run(F.document([SampleExtraction(sampleID: 0, requests: [setUp], callsAPI: true)]))
        #expect(alone.scenarios.first?.status == .skipped)
    }
}
