import Foundation
import Testing
import Core
@testable import Requests

@Suite("Typed models encode and decode the API's JSON")
struct ModelCodingTests {
    private func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func requestRoundTripsThroughJSON() throws {
        let request = ChatCompletionRequest(
            messages: [
                .system(SystemMessage(content: .text("Be brief."))),
                .user(UserMessage(content: .parts([
                    .text("What is said here?"),
                    .inputAudio(InputAudio(data: "UklGRg==", format: .wav)),
                    .imageURL(ImageURL(url: "https://example.test/cat.png", detail: .low)),
                ]))),
                .assistant(AssistantMessage(audio: AssistantAudioReference(id: "audio_1"))),
                .tool(ToolMessage(content: .text("42"), toolCallID: "call_1")),
            ],
            model: "audio-model", modalities: [.text, .audio], audio: AudioOutputOptions(voice: .alloy, format: .wav),
            maxCompletionTokens: 100, toolChoice: .function(name: "lookup"), responseFormat: .jsonObject)
        let data = try JSONEncoder().encode(request)
        let decoded = try JSONDecoder().decode(ChatCompletionRequest.self, from: data)
        #expect(decoded == request)

        let value = try json(request)
        #expect(value["max_completion_tokens"] == .int(100))
        #expect(value["messages"]?[1]?["content"]?[1]?["input_audio"]?["format"] == .string("wav"))
        #expect(value["messages"]?[2]?["audio"]?["id"] == .string("audio_1"))
        #expect(value["messages"]?[3]?["tool_call_id"] == .string("call_1"))
        #expect(value["tool_choice"]?["function"]?["name"] == .string("lookup"))
        #expect(value["response_format"]?["type"] == .string("json_object"))
    }

    @Test func responseEncodesRequiredNullsAndDecodes() throws {
        let response = ChatCompletionResponse(
            id: "chatcmpl-1", created: 1_700_000_000, model: "audio-model",
            choices: [ChatChoice(index: 0, message: ResponseMessage(content: nil, audio: ResponseAudio(
                id: "audio_ab", expiresAt: 1_700_003_600, data: "AAAA", transcript: "Hello.")), finishReason: .stop)],
            usage: CompletionUsage(promptTokens: 10, completionTokens: 20, totalTokens: 30,
                                   completionTokensDetails: CompletionTokensDetails(audioTokens: 15)))
        let value = try json(response)
        #expect(value["choices"]?[0]?["message"]?["content"] == .null)
        #expect(value["choices"]?[0]?["message"]?["refusal"] == .null)
        #expect(value["choices"]?[0]?["logprobs"] == .null)
        #expect(value["choices"]?[0]?["message"]?["audio"]?["expires_at"] == .int(1_700_003_600))
        #expect(value["usage"]?["completion_tokens_details"]?["audio_tokens"] == .int(15))
        let back = try JSONDecoder().decode(ChatCompletionResponse.self, from: JSONEncoder().encode(response))
        #expect(back == response)
    }

    @Test func responseMissingRequiredFieldFailsToDecode() {
        let text = #"{"id": "x", "object": "chat.completion", "model": "m", "choices": []}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(text.utf8))
        }
    }

    @Test func errorBodyHasAzureShape() throws {
        let body = AzureErrorResponse(error: AzureError(
            code: "invalid_request_error", message: "bad voice", param: "audio.voice"))
        let value = try json(body)
        #expect(value["error"]?["param"] == .string("audio.voice"))
        #expect(value["error"]?["type"] == .null)
        let decoded = try JSONDecoder().decode(
            AzureErrorResponse.self, from: Data(#"{"error":{"code":"DeploymentNotFound","message":"no"}}"#.utf8))
        #expect(decoded.error.code == "DeploymentNotFound")
        #expect(decoded.error.param == nil)
    }
}

@Suite("Response decoding problems carry JSON paths")
struct ResponseDecodingTests {
    @Test func missingNestedFieldIsReportedWithItsPath() {
        let text = """
        {"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
         "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                      "message": {"role": "assistant", "content": null, "audio": {"id": "a", "data": "AA==", "transcript": "t"}}}]}
        """
        guard case .failure(let problem) = ResponseDecoding.decode(Data(text.utf8)) else {
            Issue.record("decoding should fail"); return
        }
        #expect(problem.path == "choices[0].message.audio.expires_at")
        #expect(problem.message == "missing required field 'expires_at'")
    }

    @Test func wrongTypeAndInvalidJSON() {
        let text = #"{"id": "c1", "object": "chat.completion", "created": "yesterday", "model": "m", "choices": []}"#
        guard case .failure(let problem) = ResponseDecoding.decode(Data(text.utf8)) else {
            Issue.record("decoding should fail"); return
        }
        #expect(problem.path == "created")
        #expect(problem.message.hasPrefix("expected a number"))
        guard case .failure(let bad) = ResponseDecoding.decode(Data("not json".utf8)) else {
            Issue.record("decoding should fail"); return
        }
        #expect(bad.path == "")
    }

    @Test func validResponseDecodes() throws {
        let text = #"{"id": "c1", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null, "message": {"role": "assistant", "content": "Hi", "refusal": null}}], "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}}"#
        let response = try ResponseDecoding.decode(Data(text.utf8)).get()
        #expect(response.choices.first?.message.content == "Hi")
        #expect(response.usage?.totalTokens == 3)
    }
}
