import Foundation
import Testing
import TestSupport
import Core
@testable import Requests

/// Checks our hand-written models against the facts of the inference spec in the shared corpus.
enum SpecFile {
    static let relative = "specs/azure-openai-inference-2025-01-01-preview.json"

    static var url: URL? { SharedCorpus.url(relative) }

    static var isAvailable: Bool { url != nil }

    static func schemas() throws -> [String: JSONValue] {
        let text = try String(contentsOf: try #require(url), encoding: .utf8)
        return try #require(JSONValue.parse(text)["components"]?["schemas"]?.objectValue)
    }

    /// Property names of a schema, following `allOf` and `$ref`.
    static func properties(_ name: String, in schemas: [String: JSONValue]) -> Set<String> {
        guard let schema = schemas[name] else { return [] }
        return properties(of: schema, in: schemas)
    }

    static func properties(of schema: JSONValue, in schemas: [String: JSONValue]) -> Set<String> {
        var out = Set(schema["properties"]?.objectValue?.keys.map { $0 } ?? [])
        for part in schema["allOf"]?.arrayValue ?? [] {
            if let ref = part["$ref"]?.stringValue {
                out.formUnion(properties(String(ref.split(separator: "/").last!), in: schemas))
            } else {
                out.formUnion(properties(of: part, in: schemas))
            }
        }
        return out
    }

    static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

@Suite("Models follow the 2025-01-01-preview spec", .enabled(if: SpecFile.isAvailable, "shared corpus spec not found"))
struct SpecConformanceTests {
    @Test func requestFieldsAreExactlyTheSpecsPlusModel() throws {
        let schemas = try SpecFile.schemas()
        let spec = SpecFile.properties("createChatCompletionRequest", in: schemas)
        #expect(spec.count > 20)
        // `model` is the one documented addition (see ChatCompletionRequest).
        #expect(RequestSchema.topLevelFields == spec.union(["model"]))
    }

    @Test func enumerationsMatchTheSpec() throws {
        let schemas = try SpecFile.schemas()
        let request = try #require(schemas["createChatCompletionRequest"]?["allOf"]?[1]?["properties"])
        #expect(SpecFile.strings(request["audio"]?["properties"]?["voice"]?["enum"]) == Voice.specValues.map(\.rawValue))
        #expect(SpecFile.strings(request["audio"]?["properties"]?["format"]?["enum"]) == AudioOutputFormat.specValues.map(\.rawValue))
        #expect(SpecFile.strings(schemas["ChatCompletionModalities"]?["items"]?["enum"]) == Modality.specValues.map(\.rawValue))
        let inputAudio = schemas["chatCompletionRequestMessageContentPartAudio"]?["properties"]?["input_audio"]?["properties"]?["format"]?["enum"]
        #expect(SpecFile.strings(inputAudio) == InputAudioFormat.specValues.map(\.rawValue))
        #expect(Set(SpecFile.strings(request["reasoning_effort"]?["enum"])) == Set(ReasoningEffort.specValues.map(\.rawValue)))
        #expect(Set(SpecFile.strings(schemas["azureChatExtensionType"]?["enum"])) == Set(DataSourceType.specValues.map(\.rawValue)))
    }

    @Test func messageFieldsPerRoleMatchTheSpec() throws {
        let schemas = try SpecFile.schemas()
        let byRole: [ChatRole: String] = [
            .system: "chatCompletionRequestSystemMessage", .developer: "ChatCompletionRequestDeveloperMessage",
            .user: "chatCompletionRequestUserMessage", .assistant: "chatCompletionRequestAssistantMessage",
            .tool: "chatCompletionRequestToolMessage", .function: "chatCompletionRequestFunctionMessage",
        ]
        for (role, schema) in byRole {
            var expected = SpecFile.properties(schema, in: schemas)
            // The assistant's audio reference is the one documented addition (see AssistantMessage).
            if role == .assistant { expected.insert("audio") }
            // The On Your Data context sent back with an earlier answer (see AssistantMessage).
            if role == .assistant { expected.insert("context") }
            // A tool message's `name`, which the service accepts and ignores (see ToolMessage).
            if role == .tool { expected.insert("name") }
            #expect(RequestSchema.messageFields[role] == expected, "role \(role.rawValue)")
        }
    }

    @Test func responseMessageAndUsageFieldsAreModelled() throws {
        let schemas = try SpecFile.schemas()
        let message = SpecFile.properties("chatCompletionResponseMessage", in: schemas)
        #expect(message == Set(ResponseMessage.CodingKeys.allCases.map(\.rawValue)))
        let audio = Set(schemas["chatCompletionResponseMessage"]?["properties"]?["audio"]?["properties"]?.objectValue?.keys.map { $0 } ?? [])
        #expect(audio == Set(ResponseAudio.CodingKeys.allCases.map(\.rawValue)))
        let usage = SpecFile.properties("completionUsage", in: schemas)
        #expect(usage == Set(CompletionUsage.CodingKeys.allCases.map(\.rawValue)))
        let response = SpecFile.properties("createChatCompletionResponse", in: schemas)
        #expect(response == Set(ChatCompletionResponse.CodingKeys.allCases.map(\.rawValue)))
    }

    @Test func errorFieldsAreModelled() throws {
        let schemas = try SpecFile.schemas()
        #expect(SpecFile.properties("error", in: schemas) == Set(AzureError.CodingKeys.allCases.map(\.rawValue)))
    }
}
