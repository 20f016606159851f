import Core
import Foundation
import MockServer
import Testing
import Transport
@testable import Spec

@Suite struct SpecAnswererTests {
    static let embeddingsSpec = #"""
    {"openapi": "3.0.0", "info": {"version": "2031-02-03-preview"}, "servers": [{"url": "https://{endpoint}/openai"}],
     "paths": {"/deployments/{deployment-id}/rerank": {"post": {
       "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["input"],
         "properties": {"input": {"type": "string"}, "dimensions": {"type": "integer"}}}}}},
       "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/list"}}}}}}}},
     "components": {"schemas": {"list": {"type": "object", "required": ["object", "data"], "properties": {
       "object": {"type": "string", "enum": ["list"]},
       "data": {"type": "array", "items": {"type": "object", "required": ["embedding", "index"], "properties": {
         "embedding": {"type": "array", "items": {"type": "number"}}, "index": {"type": "integer"}}}},
       "usage": {"type": "object"}}}}}}
    """#

    func answerer() throws -> SpecAnswerer {
        SpecAnswerer(specs: SpecSet([try SpecLoader.parse(Self.embeddingsSpec, file: "e.json")]))
    }

    @Test func buildsAnAnswerFromTheResponseSchema() throws {
        let answer = try #require(try answerer().answer(
            method: "POST", path: "/openai/deployments/d/rerank", apiVersion: "2031-02-03-preview", body: Data(#"{"input": "hi"}"#.utf8)))
        #expect(answer.status == 200)
        #expect(answer.body["object"] == .string("list"))
        #expect(answer.body["data"]?[0]?["embedding"]?[0] == .double(0))
        #expect(answer.body["usage"] == nil)
    }

    @Test func examplesWinAndBadBodiesAreRefused() throws {
        let toy = SpecAnswerer(specs: SpecSet([try SpecFixtures.spec()]))
        let ok = try #require(toy.answer(method: "POST", path: "/openai/deployments/d/chat/completions", apiVersion: "2031-02-03-preview",
                                         body: Data(#"{"messages": [{"role": "user", "content": "hi"}]}"#.utf8)))
        #expect(ok.body["id"] == .string("x1"))
        let bad = try #require(toy.answer(method: "POST", path: "/openai/deployments/d/chat/completions", apiVersion: "2031-02-03-preview",
                                          body: Data(#"{"messages": [], "audio": {"voice": "marin", "format": "wav"}}"#.utf8)))
        #expect(bad.status == 400)
        #expect(bad.body["error"]?["param"] == .string("audio.voice"))
        let version = try #require(toy.answer(method: "POST", path: "/openai/deployments/d/chat/completions", apiVersion: "2020-01-01", body: Data()))
        #expect(version.status == 404)
        #expect(toy.answer(method: "POST", path: "/openai/files", apiVersion: nil, body: Data()) == nil)
    }

    /// `rerank` stands for an operation the mock has no model of.
    @Test func theMockAnswersUnmodelledOperationsThroughTheFallback() async throws {
        let answerer = try answerer()
        let server = try await MockServer.start(fallback: { request in
            answerer.answer(method: request.method, path: request.path, apiVersion: request.query["api-version"], body: request.body)
                .map { FallbackAnswer(status: $0.status, body: $0.body) }
        })
        let client = HTTPClient(jobs: 1)
        let url = server.baseURL + "/openai/deployments/d/rerank?api-version=2031-02-03-preview"
        let ok = try await client.send(HTTPRequest(method: "POST", url: url, headers: ["api-key": "k", "Content-Type": "application/json"], body: Data(#"{"input": "hi"}"#.utf8)))
        let refused = try await client.send(HTTPRequest(method: "POST", url: url, headers: ["api-key": "k"], body: Data(#"{"dimensions": 3}"#.utf8)))
        let unknown = try await client.send(HTTPRequest(method: "GET", url: server.baseURL + "/openai/models", headers: ["api-key": "k"]))
        await server.stop()
        #expect(ok.status == 200)
        #expect((try JSONValue.parse(String(decoding: ok.body, as: UTF8.self)))["object"] == .string("list"))
        #expect(refused.status == 400)
        #expect(unknown.status == 404)
    }
}
