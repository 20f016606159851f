import Testing
import TestSupport
import Core
@testable import Requests

/// Every field the 2025-01-01-preview spec defines for an operation's body is accepted by its
/// model; what the model accepts beyond the spec is a short, named list (what the OpenAI SDKs
/// send, or fields of other model families the service takes).
@Suite("Operation models follow the 2025-01-01-preview spec", .enabled(if: SpecFile.isAvailable, "shared corpus spec not found"))
struct OperationSpecConformanceTests {
    @Test("request models accept every spec field; extras are the named ones", arguments: [
        ("createCompletionRequest", CompletionsSchema.fields, Set(["model", "stream_options"])),
        ("imageGenerationsRequest", ImagesSchema.fields, Set(["model", "output_format", "output_compression", "background", "moderation"])),
        ("createSpeechRequest", SpeechSchema.fields, Set(["model", "instructions", "stream_format"])),
        ("createTranscriptionRequest", AudioTranscriptionForm.transcriptionFields, Set(["model", "timestamp_granularities", "chunking_strategy", "include[]", "stream"])),
        ("createTranslationRequest", AudioTranscriptionForm.translationFields, Set(["model"])),
        ("createAssistantRequest", AssistantsSchema.assistantFields, Set(["file_ids"])),
        ("createThreadRequest", AssistantsSchema.threadFields, Set<String>()),
        ("createMessageRequest", AssistantsSchema.messageFields, Set(["file_ids"])),
        ("createRunRequest", AssistantsSchema.runFields.subtracting(RunRequest.threadAndRunOnly), Set<String>()),
        ("createThreadAndRunRequest", AssistantsSchema.runFields.subtracting(RunRequest.runOnly), Set<String>()),
        ("submitToolOutputsRunRequest", AssistantsSchema.submitFields, Set<String>()),
    ])
    func requestFields(schema: String, fields: Set<String>, extras: Set<String>) throws {
        let spec = SpecFile.properties(schema, in: try SpecFile.schemas())
        #expect(!spec.isEmpty)
        #expect(spec.subtracting(fields).isEmpty, "not accepted: \(spec.subtracting(fields))")
        #expect(fields.subtracting(spec) == extras)
    }

    @Test("enumerations the forms and speech check include the spec's values")
    func enumerations() throws {
        let schemas = try SpecFile.schemas()
        let speech = try #require(schemas["createSpeechRequest"]?["properties"])
        let voices = Set(SpecFile.strings(speech["voice"]?["enum"]))
        let speechFormats = Set(SpecFile.strings(speech["response_format"]?["enum"]))
        #expect(!voices.isEmpty && voices.isSubset(of: Set(SpeechRequest.voices)))
        #expect(!speechFormats.isEmpty && speechFormats.isSubset(of: Set(SpeechRequest.responseFormats)))
        let formats = SpecFile.strings(schemas["audioResponseFormat"]?["enum"])
        #expect(Set(formats) == Set(AudioResponseFormat.allCases.map(\.rawValue)))
        let images = try #require(schemas["imageGenerationsRequest"]?["properties"])
        for key in ["size", "quality", "style", "response_format"] {
            let values = SpecFile.strings(images[key]?["enum"]) + SpecFile.strings(schemas[images[key]?["$ref"]?.stringValue?.split(separator: "/").last.map(String.init) ?? ""]?["enum"])
            let ours: [String] = ["size": ImageGenerationRequest.sizes, "quality": ImageGenerationRequest.qualities,
                                  "style": ImageGenerationRequest.styles, "response_format": ImageGenerationRequest.responseFormats][key]!
            #expect(Set(values).isSubset(of: Set(ours)), "\(key): \(values)")
        }
    }

    @Test("answer models have every field the spec requires")
    func answerFields() throws {
        let schemas = try SpecFile.schemas()
        func required(_ name: String) -> Set<String> { Set(SpecFile.strings(schemas[name]?["required"])) }
        #expect(required("createChatCompletionStreamResponse").isSubset(of: ["id", "object", "created", "model", "choices", "system_fingerprint"]))
        #expect(required("runObject").isSuperset(of: ["id", "object", "created_at", "thread_id", "assistant_id", "status"]))
        // OpenAI's `incomplete` is not in this spec; a run of a newer service may still report it.
        let statuses = Set(SpecFile.strings(schemas["runObject"]?["properties"]?["status"]?["enum"]))
        #expect(!statuses.isEmpty && statuses.isSubset(of: Set(RunObject.statuses)))
    }
}
