import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Requests
import Testing

@testable import MockServer

@Suite("Routing by the operation catalog and api-versions")
struct RoutingAndVersionTests {
    @Test("both URL forms and the assistants paths resolve to their operations, with ids")
    func resolve() {
        func id(_ method: String, _ path: String) -> String? {
            if case .found(let route) = MockRoute.resolve(method: method, path: path) { return route.operation.id }
            return nil
        }
        #expect(id("POST", "/openai/deployments/whisper/audio/transcriptions") == "audio.transcriptions.create")
        #expect(id("POST", "/openai/v1/audio/transcriptions") == "audio.transcriptions.create")
        #expect(id("POST", "/openai/threads/runs") == "threads.runs.createThreadAndRun")
        #expect(id("GET", "/openai/threads/thread_1/runs/run_2") == "threads.runs.retrieve")
        #expect(id("POST", "/openai/threads/thread_1/runs/run_2/submit_tool_outputs") == "threads.runs.submitToolOutputs")
        #expect(id("DELETE", "/openai/files/file-1") == "files.delete")
        guard case .found(let run) = MockRoute.resolve(method: "GET", path: "/openai/threads/thread_1/runs/run_2") else {
            Issue.record("no route")
            return
        }
        #expect(run.ids == ["thread_1", "run_2"])
        #expect(run.form == .resource)
        guard case .found(let v1) = MockRoute.resolve(method: "POST", path: "/openai/v1/embeddings") else { return }
        #expect(v1.form == .v1 && v1.deployment == nil)
        #expect(MockRoute.resolve(method: "GET", path: "/openai/deployments/x/embeddings") == .wrongMethod(allowed: ["POST"]))
        #expect(MockRoute.resolve(method: "POST", path: "/openai/deployments/x/fine_tunes") == .unknown)
    }

    @Test("every published version is served for the operations it has; others get Azure's 404 body")
    func versions() async throws {
        try await Fixture.app().test(.router) { client in
            let embed = JSONValue.object(["input": .string("hello")])
            for info in APIVersionTable.versions where info.operations.contains("embeddings.create") {
                let reply = try await Fixture.call(
                    client, .post, Fixture.deploymentPath("text-embedding-ada-002", "/embeddings", apiVersion: info.version), json: embed)
                #expect(reply.status == .ok, "\(info.version)")
            }
            // Assistants arrived in a preview; the GA 2024-10-21 does not have them.
            let ga = try await Fixture.call(client, .get, "/openai/assistants?api-version=2024-10-21")
            #expect(ga.status == .notFound)
            #expect(ga.error?["code"]?.stringValue == "404")
            #expect(ga.error?["message"]?.stringValue?.hasPrefix("Resource not found") == true)
            let preview = try await Fixture.call(client, .get, "/openai/assistants?api-version=2024-05-01-preview")
            #expect(preview.status == .ok)
            let unknown = try await Fixture.call(
                client, .post, Fixture.deploymentPath("text-embedding-ada-002", "/embeddings", apiVersion: "2024-13-45"), json: embed)
            #expect(unknown.status == .notFound && unknown.error?["code"]?.stringValue == "404")
            let missing = try await Fixture.call(client, .post, "/openai/deployments/text-embedding-ada-002/embeddings", json: embed)
            #expect(missing.status == .notFound)
        }
    }

    @Test("the v1 form needs no api-version, takes preview/latest, refuses a dated one")
    func v1() async throws {
        try await Fixture.app().test(.router) { client in
            let embed = JSONValue.object(["input": .string("hello"), "model": .string("text-embedding-3-small")])
            #expect(try await Fixture.call(client, .post, "/openai/v1/embeddings", json: embed).status == .ok)
            #expect(try await Fixture.call(client, .post, "/openai/v1/embeddings?api-version=preview", json: embed).status == .ok)
            let dated = try await Fixture.call(client, .post, "/openai/v1/embeddings?api-version=2024-10-21", json: embed)
            #expect(dated.status == .badRequest)
            #expect(dated.error?["message"]?.stringValue?.contains("API version not supported") == true)
        }
    }

    @Test("a profile narrows the accepted versions (drift tests)")
    func narrowed() async throws {
        var profile = MockProfile.default
        profile.apiVersions = ["2024-10-21"]
        try await Fixture.app(profile: profile).test(.router) { client in
            let body = Fixture.textRequest("hi")
            #expect(try await Fixture.call(client, .post, Fixture.chatPath(deployment: "gpt-4o", apiVersion: "2024-10-21"), json: body).status == .ok)
            let other = try await Fixture.call(client, .post, Fixture.chatPath(deployment: "gpt-4o", apiVersion: "2025-01-01-preview"), json: body)
            #expect(other.status == .notFound)
            #expect(other.error?["message"]?.stringValue?.contains("2024-10-21") == true)
        }
    }

    @Test("a wrong method is 405; a body is judged by its own operation's model, never chat's")
    func ownModel() async throws {
        try await Fixture.app().test(.router) { client in
            let get = try await Fixture.call(client, .get, Fixture.deploymentPath("text-embedding-ada-002", "/embeddings"))
            #expect(get.status == .methodNotAllowed)
            // A chat body sent to embeddings: the embeddings model names what is wrong (its required
            // input), never a chat rule.
            let chat = try await Fixture.call(client, .post, Fixture.deploymentPath("text-embedding-ada-002", "/embeddings"), json: Fixture.textRequest("hi"))
            #expect(chat.status == .badRequest)
            #expect(chat.error?["param"]?.stringValue == "input")
            #expect(chat.error?["message"]?.stringValue?.contains("messages[0]") != true)
        }
    }
}

@Suite("Request features by api-version")
struct FeatureVersionTests {
    @Test("a field newer than the called version → 400 'Unrecognized request argument supplied', naming a version that has it")
    func unrecognized() async throws {
        try await Fixture.app().test(.router) { client in
            let audio = Fixture.audioRequest()
            let old = try await Fixture.call(client, .post, Fixture.chatPath(apiVersion: "2024-06-01"), json: audio)
            #expect(old.status == .badRequest)
            #expect(old.error?["param"]?.stringValue == "modalities")
            let message = old.error?["message"]?.stringValue ?? ""
            #expect(message.hasPrefix("Unrecognized request argument supplied: modalities"))
            #expect(message.contains("2025-01-01-preview"))
            #expect(try await Fixture.call(client, .post, Fixture.chatPath(apiVersion: "2025-01-01-preview"), json: audio).status == .ok)
            // Plain text chat works on every version that has chat.
            #expect(try await Fixture.call(client, .post, Fixture.chatPath(apiVersion: "2023-05-15"), json: Fixture.textRequest("hi")).status == .ok)
            let tokens = JSONValue.object([
                "messages": .array([.object(["role": .string("user"), "content": .string("hi")])]), "max_completion_tokens": .int(5),
            ])
            let early = try await Fixture.call(client, .post, Fixture.chatPath(deployment: "o1", apiVersion: "2024-06-01"), json: tokens)
            #expect(early.status == .badRequest && early.error?["param"]?.stringValue == "max_completion_tokens")
        }
    }
}

@Suite("Every operation: unknown version and bad bodies")
struct EveryOperationTests {
    /// A concrete path for a template: deployment and ids filled in.
    static func path(_ template: String) -> String {
        template.replacingOccurrences(of: "{deployment}", with: "gpt-4o").replacingOccurrences(of: "{id}", with: "x1")
    }

    @Test("each catalog operation, in its dated form, answers an unpublished api-version with Azure's 404")
    func unknownVersion() async throws {
        try await Fixture.app().test(.router) { client in
            for operation in OperationCatalog.operations {
                guard let template = operation.deploymentPath else { continue }
                let method = HTTPRequest.Method(rawValue: operation.method)!
                let reply = try await Fixture.call(client, method, Self.path(template) + "?api-version=2019-01-01", json: .object([:]))
                #expect(reply.status == .notFound, "\(operation.id)")
                #expect(reply.error?["code"]?.stringValue == "404", "\(operation.id)")
            }
        }
    }

    @Test("bad JSON bodies → 400 naming the field, for each operation's own model")
    func badBodies() async throws {
        try await Fixture.app().test(.router) { client in
            let v = "?api-version=2025-01-01-preview"
            let assistant = try await Fixture.call(client, .post, "/openai/assistants" + v, json: .object(["model": .string("gpt-4o")]))
            let assistantID = assistant.json?["id"]?.stringValue ?? ""
            let thread = try await Fixture.call(client, .post, "/openai/threads" + v, json: .object([:]))
            let threadID = thread.json?["id"]?.stringValue ?? ""
            let cases: [(String, JSONValue, String)] = [
                (Fixture.deploymentPath("gpt-35-turbo-instruct", "/completions"), .object(["prompt": .string("x"), "max_tokens": .string("ten")]), "max_tokens"),
                (Fixture.deploymentPath("dall-e-3", "/images/generations"), .object(["prompt": .string("x"), "n": .string("2")]), "n"),
                (Fixture.deploymentPath("tts", "/audio/speech"), .object(["input": .string("x"), "voice": .string("alloy"), "speed": .int(9)]), "speed"),
                ("/openai/assistants" + v, .object(["model": .string("gpt-4o"), "temperature": .string("hot")]), "temperature"),
                ("/openai/threads/\(threadID)/messages" + v, .object(["role": .string("system"), "content": .string("x")]), "role"),
                ("/openai/threads/\(threadID)/runs" + v, .object(["instructions": .string("x")]), "assistant_id"),
                ("/openai/threads/runs" + v, .object(["assistant_id": .string(assistantID), "thread": .string("t")]), "thread"),
            ]
            for (path, body, param) in cases {
                let reply = try await Fixture.call(client, .post, path, json: body)
                #expect(reply.status == .badRequest, "\(path): \(reply.text)")
                #expect(reply.error?["param"]?.stringValue == param, "\(path): \(reply.text)")
            }
        }
    }
}
