import Core
import Extraction
import Foundation
import Requests
import Testing
@testable import Runner

/// Runs hand-built calls of every kind of operation against the embedded mock.
@Suite struct OperationRunTests {
    typealias F = OperationFixtures

    func run(_ extraction: DocumentExtraction, inputs: String? = nil) async throws -> RunReport {
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(environment: [:], jobs: 2)
        config.transport.retry = .none
        config.inputsDirectory = inputs
        let reports = try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)])
        return try #require(reports.first)
    }

    static func transcription(line: Int, file: String, format: String? = nil) -> ExtractedRequest {
        var request = F.call("POST", "/openai/deployments/{deployment}/audio/transcriptions", line: line, deployment: "whisper", version: "2024-10-21")
        var parts = [MultipartPart(name: "file", value: .placeholder(.file(path: file, encoding: .binary)), filename: file)]
        if let format { parts.append(MultipartPart(name: "response_format", value: .string(format))) }
        request.multipart = parts
        return request
    }

    static func speech(line: Int, savesTo: String, format: String) -> ExtractedRequest {
        var request = F.call("POST", "/openai/deployments/{deployment}/audio/speech", line: line,
                             body: .object(["model": .string("tts"), "input": .string("Hello there."), "voice": .string("alloy"),
                                            "response_format": .string(format)]),
                             deployment: "tts", version: "2025-03-01-preview")
        request.savesResponseTo = FileAccess(path: savesTo, location: F.at(line + 5))
        return request
    }

    @Test func anUploadNoStepWroteUsesAStandInAndSaysSo() async throws {
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [Self.transcription(line: 20, file: "meeting.wav")],
                                                                reads: [FileAccess(path: "meeting.wav", location: F.at(21))])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(result.reason ?? "") \(report.findings)")
        #expect(result.inputs == [SuppliedInput(path: "meeting.wav", source: .standIn("a speech-like WAV"))])
        #expect(result.calls.first?.response?["text"]?.stringValue?.isEmpty == false)
    }

    @Test func anUploadComesFromTheInputsFolderWhenItHasTheFile() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = StandInFiles.make(for: "x.wav")!.data
        try wav.write(to: dir.appendingPathComponent("meeting.wav"))
        // The sample names a path with folders: only the file name is looked up in the folder.
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [Self.transcription(line: 20, file: "../audio/meeting.wav")])]),
                                   inputs: dir.path)
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        guard case .inputs(let path)? = result.inputs.first?.source else {
            Issue.record("expected a file from --inputs, got \(result.inputs)")
            return
        }
        #expect(path.hasSuffix("/meeting.wav"))
    }

    @Test func speechIsSavedWhereTheSampleWritesItAndALaterStepUploadsIt() async throws {
        let speak = SampleExtraction(sampleID: 0, requests: [Self.speech(line: 20, savesTo: "hello.wav", format: "wav")],
                                     writes: [FileAccess(path: "hello.wav", location: F.at(25))])
        let listen = SampleExtraction(sampleID: 1, requests: [Self.transcription(line: 120, file: "hello.wav", format: "srt")],
                                      reads: [FileAccess(path: "hello.wav", location: F.at(121))])
        let report = try await run(F.document([speak, listen]))
        #expect(report.summary == RunSummary(scenarios: 2, passed: 2, failed: 0, skipped: 0), "\(report.findings)")
        let second = try #require(report.scenarios.last)
        #expect(second.scenario.dependencies == [report.scenarios[0].scenario.id])
        // The saved speech was uploaded: no stand-in was needed.
        #expect(second.inputs.isEmpty)
        // An SRT answer is text with cue timings.
        #expect(second.calls.first?.response?.stringValue?.contains("-->") == true)
    }

    @Test(arguments: ["mp3", "wav", "flac", "pcm"])
    func speechInEveryRealFormatPassesTheAudioCheck(format: String) async throws {
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [Self.speech(line: 20, savesTo: "out.\(format)", format: format)])]))
        #expect(report.summary.passed == 1, "\(report.findings)")
    }

    @Test func aStreamedChatAnswerIsReadAsEventsAndAssembled() async throws {
        let body = SymbolicValue.object([
            "messages": .array([.object(["role": .string("user"), "content": .string("Name three rivers.")])]),
            "stream": .bool(true),
        ])
        let request = F.call("POST", "/openai/deployments/{deployment}/chat/completions", line: 20, body: body, deployment: "gpt-4o", version: "2024-10-21")
        let report = try await run(F.document([SampleExtraction(
            sampleID: 0, requests: [request],
            responseReads: [ResponseRead(call: 0, path: "choices[0].delta.content", location: F.at(22))])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls.first?.response?["choices"]?[0]?["message"]?["content"]?.stringValue?.isEmpty == false)
    }

    @Test func aPollingLoopRetrievesTheRunUntilItCompletes() async throws {
        let create = F.call("POST", "/openai/assistants", line: 20, body: .object(["model": .string("gpt-4o"), "instructions": .string("Be brief.")]))
        let thread = F.call("POST", "/openai/threads", line: 21, body: .object([:]))
        var message = F.call("POST", "/openai/threads/{thread_id}/messages", line: 22,
                             body: .object(["role": .string("user"), "content": .string("Hi?")]))
        message.pathParameters = ["thread_id": .placeholder(.response(call: 1, path: "id"))]
        var runCall = F.call("POST", "/openai/threads/{thread_id}/runs", line: 23,
                             body: .object(["assistant_id": .placeholder(.response(call: 0, path: "id"))]))
        runCall.pathParameters = ["thread_id": .placeholder(.response(call: 1, path: "id"))]
        var retrieve = F.call("GET", "/openai/threads/{thread_id}/runs/{run_id}", line: 25)
        retrieve.pathParameters = ["thread_id": .placeholder(.response(call: 1, path: "id")), "run_id": .placeholder(.response(call: 3, path: "id"))]
        var list = F.call("GET", "/openai/threads/{thread_id}/messages", line: 27)
        list.pathParameters = ["thread_id": .placeholder(.response(call: 1, path: "id"))]
        let report = try await run(F.document([SampleExtraction(
            sampleID: 0, requests: [create, thread, message, runCall, retrieve, list],
            responseReads: [ResponseRead(call: 5, path: "data[0].content[0].text.value", location: F.at(28))])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls[4].response?["status"]?.stringValue == "completed")
        #expect(result.calls[5].response?["data"]?[0]?["role"]?.stringValue == "assistant")
    }

    @Test func aRunStartedWithoutALaterRetrieveIsPolledLikeCreateAndPoll() async throws {
        let create = F.call("POST", "/openai/assistants", line: 20, body: .object(["model": .string("gpt-4o")]))
        let start = F.call("POST", "/openai/threads/runs", line: 21, body: .object([
            "assistant_id": .placeholder(.response(call: 0, path: "id")),
            "thread": .object(["messages": .array([.object(["role": .string("user"), "content": .string("Hi?")])])]),
        ]))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [create, start])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls[1].response?["status"]?.stringValue == "completed")
    }

    @Test func exampleIdsInRESTStepsBecomeTheIdsTheServiceGaveOut() async throws {
        let create = F.call("POST", "/openai/assistants", line: 20, body: .object(["model": .string("gpt-4o")]))
        let thread = F.call("POST", "/openai/threads", line: 21, body: .object([:]))
        let message = F.call("POST", "/openai/threads/thread_abc123/messages", line: 22,
                             body: .object(["role": .string("user"), "content": .string("Hi?")]))
        let start = F.call("POST", "/openai/threads/thread_abc123/runs", line: 23, body: .object(["assistant_id": .string("asst_abc123")]))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [create, thread, message, start])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        let threadID = try #require(result.calls[1].response?["id"]?.stringValue)
        #expect(result.calls[2].url.contains("/threads/\(threadID)/messages"))
        #expect(result.calls[3].response?["assistant_id"] == result.calls[0].response?["id"])
    }

    @Test func restStepsInSectionsOfTheirOwnCarryTheIdsForward() async throws {
        let steps = [
            F.call("POST", "/openai/assistants", line: 20, body: .object(["model": .string("gpt-4o")])),
            F.call("POST", "/openai/threads", line: 21, body: .object([:])),
            F.call("POST", "/openai/threads/thread_abc123/messages", line: 22, body: .object(["role": .string("user"), "content": .string("Hi?")])),
            F.call("POST", "/openai/threads/thread_abc123/runs", line: 23, body: .object(["assistant_id": .string("asst_abc123")])),
            F.call("GET", "/openai/threads/thread_abc123/runs/run_abc123", line: 24),
            F.call("GET", "/openai/threads/thread_abc123/messages", line: 25),
        ]
        let report = try await run(F.document(steps.enumerated().map { SampleExtraction(sampleID: $0.offset, requests: [$0.element]) }))
        #expect(report.summary == RunSummary(scenarios: 6, passed: 6, failed: 0, skipped: 0), "\(report.findings)")
        let ids = report.scenarios.map(\.scenario.id)
        // The message step follows both creating steps; the read follows every creating step.
        #expect(report.scenarios[2].scenario.dependencies == [ids[0], ids[1]])
        #expect(report.scenarios[5].scenario.dependencies == [ids[0], ids[1], ids[2], ids[3]])
        #expect(report.scenarios[4].calls.first?.response?["status"]?.stringValue == "completed")
        #expect(report.scenarios[5].calls.first?.response?["data"]?[0]?["role"]?.stringValue == "assistant")
    }

    @Test func anImageURLFromTheAnswerIsDownloadedAndMustBeAnImage() async throws {
        let generate = F.call("POST", "/openai/deployments/{deployment}/images/generations", line: 20,
                              body: .object(["prompt": .string("A red kite"), "n": .int(1), "size": .string("1024x1024")]),
                              deployment: "dall-e-3", version: "2024-10-21")
        var download = ExtractedRequest(location: F.at(24), client: .pythonRequests, method: "GET",
                                        endpoint: .placeholder(.response(call: 0, path: "data[0].url")), path: "",
                                        deployment: nil, auth: nil, body: nil)
        download.purpose = .download
        download.savesResponseTo = FileAccess(path: "kite.png", location: F.at(26))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [generate, download])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls.count == 2)
        #expect(result.calls[1].method == "GET" && result.calls[1].status == 200)
    }

    @Test func readerValuesInTheEndpointAndKeyAreTheRunsOwn() async throws {
        var request = F.call("POST", "/openai/deployments/{deployment}/embeddings", line: 20,
                             body: .object(["input": .string("hello")]), version: "2024-10-21",
                             endpoint: .placeholder(.readerValue(kind: .endpoint, text: "https://YOUR_RESOURCE_NAME.openai.azure.com/")))
        // As extraction marks them.
        request.deployment = .placeholder(.readerValue(kind: .deployment, text: "YOUR-DEPLOYMENT-NAME-HERE"))
        request.headers["api-key"] = .placeholder(.readerValue(kind: .apiKey, text: "REPLACE_WITH_YOUR_KEY_VALUE_HERE"))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [request])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .passed, "\(report.findings)")
        #expect(result.calls.first?.url.hasPrefix("http://127.0.0.1:") == true)
    }

    @Test func aDeploymentNameTheMockDoesNotKnowIsTheReadersOwnChoice() async throws {
        let request = F.call("POST", "/openai/deployments/{deployment}/embeddings", line: 20,
                             body: .object(["input": .string("hello")]), deployment: "contoso-embeddings", version: "2024-10-21")
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [request])]))
        #expect(report.scenarios.first?.status == .passed, "\(report.findings)")
        #expect(report.scenarios.first?.calls.first?.url.contains("/deployments/text-embedding-3-small/") == true)
    }

    @Test func anEndpointDocverifyCannotEvaluateIsUnresolvedNotTheMock() async throws {
        let request = F.call("POST", "/openai/deployments/{deployment}/embeddings", line: 20,
                             body: .object(["input": .string("hello")]), deployment: "emb", version: "2024-10-21",
                             endpoint: .placeholder(.unknown("get_endpoint()")))
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [request])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .failed)
        #expect(result.calls.isEmpty)
        let finding = try #require(report.findings.first { $0.rule == "request-unresolved" })
        #expect(finding.location.line == 20)
        #expect(finding.message.contains("get_endpoint()"))
    }

    @Test func anUploadWithNoStandInKindIsSkippedWithAReason() async throws {
        var request = F.call("POST", "/openai/files", line: 20)
        request.multipart = [MultipartPart(name: "purpose", value: .string("assistants")),
                             MultipartPart(name: "file", value: .placeholder(.file(path: "handbook.pptx", encoding: .binary)), filename: "handbook.pptx")]
        let report = try await run(F.document([SampleExtraction(sampleID: 0, requests: [request])]))
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped)
        #expect(result.reason?.contains("--inputs") == true)
        #expect(!report.findings.contains { $0.severity == .error })
    }
}
