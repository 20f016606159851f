import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MockServer

@Suite("Assistants, threads, runs and files")
struct AssistantsTests {
    static let v = "?api-version=2024-05-01-preview"

    static func id(_ reply: Reply) throws -> String { try #require(reply.json?["id"]?.stringValue) }

    @Test("a run moves queued → in_progress → completed over retrieves, then the thread holds the reply")
    func runStateMachine() async throws {
        var profile = MockProfile.default
        profile.runSteps = 3
        try await Fixture.app(profile: profile).test(.router) { client in
            let assistant = try await Fixture.call(
                client, .post, "/openai/assistants" + Self.v, json: .object(["model": .string("gpt-4o"), "name": .string("Tutor")]))
            let assistantID = try Self.id(assistant)
            #expect(assistantID.hasPrefix("asst_"))
            let thread = try await Fixture.call(client, .post, "/openai/threads" + Self.v, body: [])
            let threadID = try Self.id(thread)
            #expect(threadID.hasPrefix("thread_"))
            let message = try await Fixture.call(
                client, .post, "/openai/threads/\(threadID)/messages" + Self.v,
                json: .object(["role": .string("user"), "content": .string("Where do red pandas live?")]))
            #expect(try Self.id(message).hasPrefix("msg_"))
            let run = try await Fixture.call(
                client, .post, "/openai/threads/\(threadID)/runs" + Self.v, json: .object(["assistant_id": .string(assistantID)]))
            let runID = try Self.id(run)
            #expect(run.json?["status"]?.stringValue == "queued")
            var statuses: [String] = []
            for _ in 0..<4 {
                let r = try await Fixture.call(client, .get, "/openai/threads/\(threadID)/runs/\(runID)" + Self.v)
                statuses.append(r.json?["status"]?.stringValue ?? "?")
            }
            #expect(statuses == ["in_progress", "in_progress", "completed", "completed"])
            let list = try await Fixture.call(client, .get, "/openai/threads/\(threadID)/messages" + Self.v)
            let data = try #require(list.json?["data"]?.arrayValue)
            #expect(data.count == 2)
            #expect(data[0]["role"]?.stringValue == "assistant")  // newest first
            #expect(data[0]["content"]?[0]?["text"]?["value"]?.stringValue?.contains("Where do red pandas live?") == true)
            #expect(data[0]["run_id"]?.stringValue == runID)
            #expect(list.json?["first_id"]?.stringValue == data[0]["id"]?.stringValue)
            #expect(list.json?["has_more"] == .bool(false))
            let runs = try await Fixture.call(client, .get, "/openai/threads/\(threadID)/runs" + Self.v)
            #expect(runs.json?["data"]?.arrayValue?.count == 1)
        }
    }

    @Test("function tools: requires_action with a tool call, submit_tool_outputs, then completed")
    func toolOutputs() async throws {
        try await Fixture.app().test(.router) { client in
            let tools: JSONValue = .array([.object(["type": .string("function"), "function": .object(["name": .string("get_weather")])])])
            let assistant = try await Fixture.call(
                client, .post, "/openai/assistants" + Self.v, json: .object(["model": .string("gpt-4o"), "tools": tools]))
            let run = try await Fixture.call(
                client, .post, "/openai/threads/runs" + Self.v,
                json: .object([
                    "assistant_id": .string(try Self.id(assistant)),
                    "thread": .object(["messages": .array([.object(["role": .string("user"), "content": .string("Weather?")])])]),
                ]))
            let threadID = try #require(run.json?["thread_id"]?.stringValue)
            let runPath = "/openai/threads/\(threadID)/runs/\(try Self.id(run))"
            _ = try await Fixture.call(client, .get, runPath + Self.v)
            let waiting = try await Fixture.call(client, .get, runPath + Self.v)
            #expect(waiting.json?["status"]?.stringValue == "requires_action")
            let call = try #require(waiting.json?["required_action"]?["submit_tool_outputs"]?["tool_calls"]?[0])
            #expect(call["function"]?["name"]?.stringValue == "get_weather")
            let callID = try #require(call["id"]?.stringValue)
            let wrong = try await Fixture.call(
                client, .post, runPath + "/submit_tool_outputs" + Self.v,
                json: .object(["tool_outputs": .array([.object(["tool_call_id": .string("call_x"), "output": .string("sunny")])])]))
            #expect(wrong.status == .badRequest)
            let submitted = try await Fixture.call(
                client, .post, runPath + "/submit_tool_outputs" + Self.v,
                json: .object(["tool_outputs": .array([.object(["tool_call_id": .string(callID), "output": .string("sunny")])])]))
            #expect(submitted.json?["status"]?.stringValue == "in_progress")
            let done = try await Fixture.call(client, .get, runPath + Self.v)
            #expect(done.json?["status"]?.stringValue == "completed")
        }
    }

    @Test("cancel, unknown ids → 404, list paging, delete")
    func lifecycle() async throws {
        try await Fixture.app().test(.router) { client in
            var ids: [String] = []
            for name in ["a", "b", "c"] {
                ids.append(try Self.id(try await Fixture.call(
                    client, .post, "/openai/assistants" + Self.v, json: .object(["model": .string("gpt-4o"), "name": .string(name)]))))
            }
            let page = try await Fixture.call(client, .get, "/openai/assistants" + Self.v + "&limit=2&order=asc")
            #expect(page.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids.prefix(2)))
            #expect(page.json?["has_more"] == .bool(true) && page.json?["last_id"]?.stringValue == ids[1])
            let next = try await Fixture.call(client, .get, "/openai/assistants" + Self.v + "&order=asc&after=\(ids[1])")
            #expect(next.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[2]])

            let thread = try Self.id(try await Fixture.call(client, .post, "/openai/threads" + Self.v, json: .object([:])))
            let run = try Self.id(try await Fixture.call(
                client, .post, "/openai/threads/\(thread)/runs" + Self.v, json: .object(["assistant_id": .string(ids[0])])))
            let cancelling = try await Fixture.call(client, .post, "/openai/threads/\(thread)/runs/\(run)/cancel" + Self.v)
            #expect(cancelling.json?["status"]?.stringValue == "cancelling")
            let cancelled = try await Fixture.call(client, .get, "/openai/threads/\(thread)/runs/\(run)" + Self.v)
            #expect(cancelled.json?["status"]?.stringValue == "cancelled")
            let again = try await Fixture.call(client, .post, "/openai/threads/\(thread)/runs/\(run)/cancel" + Self.v)
            #expect(again.status == .badRequest)

            let missing = try await Fixture.call(client, .get, "/openai/assistants/asst_nope" + Self.v)
            #expect(missing.status == .notFound && missing.error?["message"]?.stringValue?.contains("asst_nope") == true)
            let noRun = try await Fixture.call(
                client, .post, "/openai/threads/thread_nope/runs" + Self.v, json: .object(["assistant_id": .string(ids[0])]))
            #expect(noRun.status == .notFound)
            let deleted = try await Fixture.call(client, .delete, "/openai/assistants/\(ids[2])" + Self.v)
            #expect(deleted.json?["deleted"] == .bool(true) && deleted.json?["object"]?.stringValue == "assistant.deleted")
            #expect(try await Fixture.call(client, .get, "/openai/assistants/\(ids[2])" + Self.v).status == .notFound)
            let noModel = try await Fixture.call(client, .post, "/openai/assistants" + Self.v, json: .object(["name": .string("x")]))
            #expect(noModel.status == .badRequest && noModel.error?["param"]?.stringValue == "model")
        }
    }

    @Test("files: multipart upload, list, delete; purpose required")
    func files() async throws {
        try await Fixture.app().test(.router) { client in
            let form = Fixture.form(fields: [("purpose", "assistants")], file: ("file", "notes.md", Array("# Notes".utf8)))
            let uploaded = try await Fixture.call(client, .post, "/openai/files" + Self.v, body: form.body, contentType: form.contentType)
            let id = try Self.id(uploaded)
            #expect(id.hasPrefix("file-"))
            #expect(uploaded.json?["bytes"] == .int(7) && uploaded.json?["filename"]?.stringValue == "notes.md")
            // The service's file object has `expires_at` (null without an expiry): code reads it.
            #expect(uploaded.json?["expires_at"] == .null)
            let list = try await Fixture.call(client, .get, "/openai/files" + Self.v)
            #expect(list.json?["data"]?.arrayValue?.count == 1)
            let deleted = try await Fixture.call(client, .delete, "/openai/files/\(id)" + Self.v)
            #expect(deleted.json?["deleted"] == .bool(true))
            #expect(try await Fixture.call(client, .delete, "/openai/files/\(id)" + Self.v).status == .notFound)
            let noPurpose = Fixture.form(fields: [], file: ("file", "notes.md", Array("# Notes".utf8)))
            let bad = try await Fixture.call(client, .post, "/openai/files" + Self.v, body: noPurpose.body, contentType: noPurpose.contentType)
            #expect(bad.status == .badRequest && bad.error?["param"]?.stringValue == "purpose")
        }
    }
}
