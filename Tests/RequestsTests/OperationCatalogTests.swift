import Testing
import Core
import Extraction
@testable import Requests

@Suite("Operation catalog: URL → operation, each body judged by its own model")
struct OperationCatalogTests {
    static let location = SourceLocation(file: "docs/ops.md", line: 12, column: 1)

    static func call(_ path: String, body: SymbolicValue?) -> ExtractedRequest { call("POST", path, body: body) }

    static func call(_ method: String, _ path: String, body: SymbolicValue?) -> ExtractedRequest {
        ExtractedRequest(
            location: location, client: .curl, method: method,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: path, deployment: .string("my-model"),
            query: ["api-version": .string("2024-10-21")], headers: [:], auth: .apiKey, body: body)
    }

    @Test("both URL forms of each operation match it", arguments: [
        ("POST", "/openai/deployments/{deployment}/chat/completions", "chat.completions.create"),
        ("POST", "/openai/v1/chat/completions", "chat.completions.create"),
        ("POST", "/openai/deployments/{deployment}/completions", "completions.create"),
        ("POST", "/openai/deployments/{deployment}/embeddings", "embeddings.create"),
        ("POST", "/openai/v1/embeddings", "embeddings.create"),
        ("POST", "/openai/deployments/{deployment}/images/generations", "images.generate"),
        ("POST", "/openai/deployments/{deployment}/audio/speech", "audio.speech.create"),
        ("POST", "/openai/v1/audio/transcriptions", "audio.transcriptions.create"),
        ("POST", "/openai/deployments/{deployment}/audio/translations", "audio.translations.create"),
        ("GET", "/openai/assistants", "assistants.list"),
        ("POST", "/openai/assistants", "assistants.create"),
        ("DELETE", "/openai/assistants/{assistant_id}", "assistants.delete"),
        ("POST", "/openai/threads/runs", "threads.runs.createThreadAndRun"),
        ("POST", "/openai/threads/{thread_id}/messages", "threads.messages.create"),
        ("GET", "/openai/v1/threads/thread_abc/runs/run_1", "threads.runs.retrieve"),
        ("POST", "/openai/threads/{thread_id}/runs/{run_id}/submit_tool_outputs", "threads.runs.submitToolOutputs"),
        ("POST", "/openai/files", "files.create"),
        ("get", "/openai/files", "files.list"),
    ])
    func matches(method: String, path: String, id: String) {
        #expect(OperationCatalog.match(method: method, path: path)?.id == id)
    }

    @Test("every operation id is listed once")
    func uniqueIDs() {
        let ids = OperationCatalog.operations.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("an embeddings body is never reported against the chat schema")
    func embeddingsNotChat() {
        let body = SymbolicValue.object(["input": .string("The quick fox"), "model": .string("text-embedding-3-small"), "dimensions": .int(256)])
        let built = RequestBuilder().build(Self.call("/openai/deployments/{deployment}/embeddings", body: body))
        #expect(built.findings.isEmpty)
        #expect(built.operation?.id == "embeddings.create")
        #expect(built.embeddings == EmbeddingsRequest(input: .text("The quick fox"), model: "text-embedding-3-small", dimensions: 256))
        #expect(built.request == nil)
    }

    @Test("an embeddings body is checked by the embeddings model, with JSON paths")
    func embeddingsIssues() {
        let body = SymbolicValue.object([
            "messages": .array([]), "input": .array([.string("a"), .int(3)]),
            "dimensions": .int(0), "encoding_format": .string("int8"),
        ])
        let built = RequestBuilder().build(Self.call("/openai/v1/embeddings", body: body))
        let messages = built.findings.map(\.message)
        #expect(built.findings.map(\.rule).sorted() == ["request-invalid", "request-invalid", "request-invalid", "request-unknown-field"])
        #expect(messages.contains { $0.contains("'messages'") && $0.contains("embeddings API") })
        // The spec lets the embeddings body have extra members: a doubt, not an error.
        #expect(built.findings.first { $0.rule == "request-unknown-field" }?.severity == .warning)
        #expect(messages.contains { $0.contains("'input[0]'") })
        #expect(messages.contains { $0.contains("'dimensions'") })
        #expect(messages.contains { $0.contains("'encoding_format'") && $0.contains("int8") })
        #expect(built.embeddings == nil)
    }

    @Test("an embeddings body without input misses its required field")
    func embeddingsRequired() {
        let built = RequestBuilder().build(Self.call("/openai/v1/embeddings", body: .object(["model": .string("m")])))
        #expect(built.findings.map(\.message) == ["request body field 'input': missing required field 'input'"])
    }

    @Test("token-id inputs and run-time inputs decode")
    func embeddingsInputs() {
        let tokens = RequestBuilder().build(Self.call("/openai/v1/embeddings", body: .object(["input": .array([.array([.int(1), .int(2)])])])))
        #expect(tokens.embeddings?.input == .tokenArrays([[1, 2]]))
        let runtime = RequestBuilder().build(Self.call("/openai/v1/embeddings", body: .object([
            "input": .placeholder(.environment(name: "TEXT", fallback: nil)),
        ])))
        #expect(runtime.findings.isEmpty)
        #expect(runtime.bindings["input"] == .environment(name: "TEXT", fallback: nil))
    }

    @Test("a chat body is still checked by the chat model")
    func chatStillChecked() {
        let body = SymbolicValue.object(["input": .string("x")])
        let built = RequestBuilder().build(Self.call("/openai/deployments/{deployment}/chat/completions", body: body))
        #expect(built.findings.contains { $0.rule == "request-unknown-field" && $0.message.contains("chat completions API") })
        #expect(built.operation?.id == "chat.completions.create")
    }

    @Test("an images body is judged by the images model, not by chat's")
    func unmodelledNotChat() {
        let body = SymbolicValue.object(["prompt": .string("a red kite"), "size": .string("1024x1024")])
        let built = RequestBuilder().build(Self.call("/openai/deployments/{deployment}/images/generations", body: body))
        #expect(built.findings.isEmpty)
        #expect(built.operation?.id == "images.generate")
        #expect(built.typedBody == .imageGeneration(ImageGenerationRequest(prompt: "a red kite", size: "1024x1024")))
    }

    @Test("a URL matching no operation is request-unknown-operation, a warning naming the URL")
    func unknownOperation() {
        let built = RequestBuilder().build(Self.call("/openai/deployments/{deployment}/chat/complete", body: .object([:])))
        #expect(built.findings.count == 1)
        #expect(built.findings.first?.rule == "request-unknown-operation")
        #expect(built.findings.first?.severity == .warning)
        #expect(built.findings.first?.message.contains("{endpoint}/openai/deployments/{deployment}/chat/complete") == true)
    }

    @Test("a real operation docverify doesn't model is a note naming its API; a wrong path near it stays a warning", arguments: [
        ("POST", "/openai/responses", "the Responses API"), ("GET", "/openai/v1/responses/{response_id}", "the Responses API"),
        ("GET", "/openai/responses/resp_1/input_items", "the Responses API"), ("POST", "/openai/batches", "batches"),
        ("GET", "/openai/vector_stores/vs_1/files", "vector stores"),
        ("POST", "/openai/v1/dashboard/webhook_endpoints", "webhook endpoints"),
        ("DELETE", "/openai/v1/dashboard/webhook_endpoints/{webhook_id}", "webhook endpoints"),
        ("POST", "/openai/v1/evals/{eval_id}/runs", "evaluations"),
        ("GET", "/openai/v1/evals/eval_1/runs/evalrun_2/output_items", "evaluations"),
        ("GET", "/openai/evals/{eval-id}/runs/{run_id}/output_items/{output-item-id}", "evaluations"),
        ("POST", "/openai/v1/fine_tuning/alpha/graders/run", "fine-tuning graders and checkpoint copies"),
        ("POST", "/openai/v1/realtime/calls/{env:CALL_ID}/accept", "Realtime calls"),
        ("POST", "/openai/v1/realtime/calls/rtc_1/hangup", "Realtime calls"),
        ("POST", "/openai/v1/realtime/client_secrets", "Realtime calls"),
    ])
    func unmodeledOperation(method: String, path: String, family: String) {
        let built = RequestBuilder().build(Self.call(method, path, body: method == "POST" ? .object([:]) : nil))
        #expect(built.findings.map(\.rule) == ["request-unknown-operation"])
        #expect(built.findings.first?.severity == .note)
        #expect(built.findings.first?.message.contains(family) == true)
        // The id in place of the collection's name is no operation at all.
        let wrong = RequestBuilder().build(Self.call("GET", "/openai/{response_id}", body: nil))
        #expect(wrong.findings.map(\.severity) == [.warning])
    }

    @Test("calls to other services (search, resource manager) are left alone", arguments: [
        "/indexes/my-index/docs/search", "/subscriptions/{env:SUB}/resourceGroups/{env:RG}/providers/Microsoft.CognitiveServices/accounts",
    ])
    func otherServices(path: String) {
        let built = RequestBuilder().build(Self.call(path, body: .object([:])))
        #expect(built.findings.isEmpty)
        #expect(built.operation == nil)
    }

    @Test("a known path with the wrong method says which methods it takes")
    func wrongMethod() {
        let built = RequestBuilder().build(Self.call("GET", "/openai/deployments/{deployment}/audio/transcriptions", body: nil))
        #expect(built.findings.map(\.rule) == ["request-unknown-operation"])
        #expect(built.findings.first?.message.contains("takes POST, not GET") == true)
    }
}

/// The byte split of ASCII paths gives the Character split's segments.
@Suite("Operation catalog: path segments")
struct OperationCatalogSegmentTests {
    @Test func segmentsAsTheCharacterSplit() {
        for path in ["", "/", "//", "?", "/openai/v1/chat/completions", "/openai/deployments/{deployment}/chat/completions?api-version=1",
                     "openai//files/", "/a?b/c", "/a/b?", "/é/x", "/openai/threads/{id}/runs\r\n", "/x\u{301}?y/z", "?/a"] {
            let noQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            #expect(OperationCatalog.segments(path) == noQuery.split(separator: "/"), "\(path)")
        }
        #expect(OperationCatalog.templateSegments.count == OperationCatalog.operations.count)
        for (index, op) in OperationCatalog.operations.enumerated() {
            #expect(OperationCatalog.templateSegments[index] == op.pathTemplates.map(OperationCatalog.segments))
            for template in op.pathTemplates { #expect(OperationCatalog.matchPath(template).contains { $0.id == op.id }) }
        }
    }
}
