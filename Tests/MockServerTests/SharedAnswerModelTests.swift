import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Requests
import Testing

@testable import MockServer

/// The mock's answers decode with the Requests stage's answer models, the ones the Runner judges
/// live answers by: a mock answer that docverify itself could not read would fail every run.
@Suite("Mock answers decode with the shared answer models")
struct SharedAnswerModelTests {
    static let v = "?api-version=2025-01-01-preview"

    static func expectDecodes(_ reply: Reply, _ operationID: String, streamed: Bool = false, textFormat: Bool = false) {
        #expect(reply.status == .ok, "\(operationID): \(reply.text.prefix(300))")
        guard let operation = OperationCatalog.operations.first(where: { $0.id == operationID }) else {
            Issue.record("no operation \(operationID)")
            return
        }
        switch OperationResponseDecoding.decode(Data(reply.bytes), operation: operation, streamed: streamed, textFormat: textFormat) {
        case .success: break
        case .failure(let problem): Issue.record("\(operationID): \(problem)")
        }
    }

    @Test("every operation's answer")
    func everyOperation() async throws {
        try await Fixture.app().test(.router) { client in
            func post(_ path: String, _ json: JSONValue) async throws -> Reply { try await Fixture.call(client, .post, path + Self.v, json: json) }
            let user: JSONValue = .object(["role": .string("user"), "content": .string("Hello")])
            Self.expectDecodes(try await post("/openai/deployments/gpt-4o/chat/completions", .object(["messages": .array([user])])), "chat.completions.create")
            Self.expectDecodes(
                try await post("/openai/deployments/gpt-4o/chat/completions", .object(["messages": .array([user]), "stream": .bool(true)])),
                "chat.completions.create", streamed: true)
            Self.expectDecodes(try await post("/openai/deployments/gpt-35-turbo-instruct/completions", .object(["prompt": .string("Hi")])), "completions.create")
            Self.expectDecodes(try await post("/openai/deployments/text-embedding-ada-002/embeddings", .object(["input": .string("Hi")])), "embeddings.create")
            Self.expectDecodes(
                try await post("/openai/deployments/text-embedding-ada-002/embeddings", .object(["input": .string("Hi"), "encoding_format": .string("base64")])),
                "embeddings.create")
            Self.expectDecodes(try await post("/openai/deployments/dall-e-3/images/generations", .object(["prompt": .string("A panda")])), "images.generate")
            Self.expectDecodes(
                try await post("/openai/deployments/dall-e-3/images/generations", .object(["prompt": .string("A panda"), "response_format": .string("b64_json"), "size": .string("256x256")])),
                "images.generate")
            Self.expectDecodes(
                try await post("/openai/deployments/tts/audio/speech", .object(["input": .string("Hi"), "voice": .string("alloy")])), "audio.speech.create")
            for (format, text) in [("json", false), ("verbose_json", false), ("text", true), ("srt", true), ("vtt", true)] {
                let form = Fixture.form(fields: [("response_format", format)], file: ("file", "a.wav", Fixture.wav(seconds: 1)))
                for op in ["transcriptions", "translations"] {
                    let reply = try await Fixture.call(
                        client, .post, "/openai/deployments/whisper/audio/\(op)" + Self.v, body: form.body, contentType: form.contentType)
                    Self.expectDecodes(reply, "audio.\(op).create", textFormat: text)
                }
            }

            let assistant = try await post(
                "/openai/assistants",
                .object(["model": .string("gpt-4o"), "tools": .array([.object(["type": .string("function"), "function": .object(["name": .string("f")])])])]))
            Self.expectDecodes(assistant, "assistants.create")
            let assistantID = assistant.json?["id"]?.stringValue ?? ""
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/assistants" + Self.v), "assistants.list")
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/assistants/\(assistantID)" + Self.v), "assistants.retrieve")
            Self.expectDecodes(try await post("/openai/assistants/\(assistantID)", .object(["name": .string("Renamed")])), "assistants.update")
            let thread = try await post("/openai/threads", .object([:]))
            Self.expectDecodes(thread, "threads.create")
            let threadID = thread.json?["id"]?.stringValue ?? ""
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/threads/\(threadID)" + Self.v), "threads.retrieve")
            Self.expectDecodes(try await post("/openai/threads/\(threadID)/messages", user), "threads.messages.create")
            let run = try await post("/openai/threads/\(threadID)/runs", .object(["assistant_id": .string(assistantID)]))
            Self.expectDecodes(run, "threads.runs.create")
            let runPath = "/openai/threads/\(threadID)/runs/\(run.json?["id"]?.stringValue ?? "")"
            Self.expectDecodes(try await Fixture.call(client, .get, runPath + Self.v), "threads.runs.retrieve")
            let waiting = try await Fixture.call(client, .get, runPath + Self.v)
            Self.expectDecodes(waiting, "threads.runs.retrieve")
            let callID = waiting.json?["required_action"]?["submit_tool_outputs"]?["tool_calls"]?[0]?["id"]?.stringValue ?? ""
            Self.expectDecodes(
                try await post(runPath + "/submit_tool_outputs", .object(["tool_outputs": .array([.object(["tool_call_id": .string(callID), "output": .string("42")])])])),
                "threads.runs.submitToolOutputs")
            Self.expectDecodes(try await Fixture.call(client, .get, runPath + Self.v), "threads.runs.retrieve")
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/threads/\(threadID)/messages" + Self.v), "threads.messages.list")
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/threads/\(threadID)/runs" + Self.v), "threads.runs.list")
            let second = try await post("/openai/threads/runs", .object(["assistant_id": .string(assistantID)]))
            Self.expectDecodes(second, "threads.runs.createThreadAndRun")
            let secondPath = "/openai/threads/\(second.json?["thread_id"]?.stringValue ?? "")/runs/\(second.json?["id"]?.stringValue ?? "")"
            Self.expectDecodes(try await Fixture.call(client, .post, secondPath + "/cancel" + Self.v), "threads.runs.cancel")

            let form = Fixture.form(fields: [("purpose", "assistants")], file: ("file", "notes.md", Array("# Notes".utf8)))
            let file = try await Fixture.call(client, .post, "/openai/files" + Self.v, body: form.body, contentType: form.contentType)
            Self.expectDecodes(file, "files.create")
            Self.expectDecodes(try await Fixture.call(client, .get, "/openai/files" + Self.v), "files.list")
            Self.expectDecodes(try await Fixture.call(client, .delete, "/openai/files/\(file.json?["id"]?.stringValue ?? "")" + Self.v), "files.delete")
            Self.expectDecodes(try await Fixture.call(client, .delete, "/openai/threads/\(threadID)" + Self.v), "threads.delete")
            Self.expectDecodes(try await Fixture.call(client, .delete, "/openai/assistants/\(assistantID)" + Self.v), "assistants.delete")
        }
    }
}
