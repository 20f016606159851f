import Core
import Extraction
import Requests
@testable import Spec

/// A small OpenAPI 3 spec of our own: a chat-like operation whose schema uses `$ref`, `allOf`,
/// `oneOf` (told apart by `role`), a discriminator, enums, a closed object and an open one.
enum SpecFixtures {
    static let openAPI3 = #"""
    {
      "openapi": "3.0.1",
      "info": {"title": "Toy", "version": "2031-02-03-preview"},
      "servers": [{"url": "https://{endpoint}/openai"}],
      "paths": {
        "/deployments/{deployment-id}/chat/completions": {
          "post": {
            "operationId": "Chat_Create",
            "parameters": [
              {"in": "path", "name": "deployment-id", "required": true, "schema": {"type": "string"}},
              {"in": "query", "name": "api-version", "required": true, "schema": {"type": "string"}}
            ],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/chatRequest"}}}},
            "responses": {
              "200": {"description": "OK", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/chatResponse"},
                "example": {"id": "x1", "choices": [{"message": {"role": "assistant", "content": "hello"}}]}}}}
            }
          }
        }
      },
      "components": {"schemas": {
        "common": {"type": "object", "properties": {"temperature": {"type": "number"}, "max_tokens": {"type": "integer"}}},
        "chatRequest": {"type": "object", "allOf": [{"$ref": "#/components/schemas/common"}, {
          "required": ["messages"],
          "properties": {
            "messages": {"type": "array", "items": {"$ref": "#/components/schemas/message"}},
            "audio": {"type": "object", "additionalProperties": false, "required": ["voice", "format"], "properties": {
              "voice": {"type": "string", "enum": ["alloy", "echo", "fable", "onyx", "nova", "shimmer"]},
              "format": {"type": "string", "enum": ["wav", "mp3"]}}},
            "tool": {"$ref": "#/components/schemas/tool"}
          }}]},
        "message": {"oneOf": [{"$ref": "#/components/schemas/userMessage"}, {"$ref": "#/components/schemas/assistantMessage"}]},
        "userMessage": {"type": "object", "required": ["role", "content"], "properties": {
          "role": {"type": "string", "enum": ["user"]},
          "content": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "object", "properties": {"type": {"type": "string"}, "text": {"type": "string"}}}}]}}},
        "assistantMessage": {"type": "object", "required": ["role"], "properties": {
          "role": {"type": "string", "enum": ["assistant"]},
          "content": {"type": "string", "nullable": true}}},
        "tool": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}},
          "discriminator": {"propertyName": "type", "mapping": {"search": "#/components/schemas/searchTool"}}},
        "searchTool": {"allOf": [{"$ref": "#/components/schemas/tool"}, {"properties": {"index": {"type": "string"}}, "required": ["index"]}]},
        "chatResponse": {"type": "object", "properties": {"id": {"type": "string"}}}
      }}
    }
    """#

    /// The same operation in OpenAPI 2 YAML, with the api-version enumerated.
    static let openAPI2YAML = """
    swagger: "2.0"
    info:
      title: Toy
      version: 2030-05-01
    basePath: /openai
    paths:
      /deployments/{deployment-id}/chat/completions:
        post:
          parameters:
            - in: query
              name: api-version
              type: string
              enum: [2030-05-01, 2030-06-01-preview]
            - in: body
              name: body
              schema:
                $ref: '#/definitions/chatRequest'
          responses:
            '200':
              description: OK
              schema:
                type: object
    definitions:
      chatRequest:
        type: object
        additionalProperties: false
        required: [messages]
        properties:
          messages:
            type: array
          n:
            type: integer
    """

    static func spec() throws -> SpecDocument { try SpecLoader.parse(openAPI3, file: "toy.json") }

    /// A chat request at line 20 of page.md with `body`, as extraction would hand it over.
    static func request(_ body: SymbolicValue, apiVersion: String = "2031-02-03-preview", path: String = "/openai/deployments/{deployment}/chat/completions") -> BuiltRequest {
        let extracted = ExtractedRequest(
            location: SourceLocation(file: "page.md", line: 20, column: 5), client: .pythonOpenAI,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: path, deployment: .string("m"),
            query: ["api-version": .string(apiVersion)], auth: .apiKey, body: body)
        return RequestBuilder().build(extracted)
    }

    static func user(_ text: String) -> SymbolicValue { .object(["role": .string("user"), "content": .string(text)]) }
}
