import Foundation
import Testing
import Core
@testable import Requests

@Suite("A model encodes straight to JSONValue as its JSON text reads back")
struct JSONValueEncoderTests {
    /// What the text round trip gives: the reference the direct encoding must equal.
    private func viaText(_ request: ChatCompletionRequest) throws -> JSONValue {
        try JSONValue.parse(bytes: [UInt8](JSONEncoderForModels.encoder.encode(request)))
    }

    private func decoded(_ text: String) throws -> ChatCompletionRequest {
        try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(text.utf8))
    }

    @Test func variedRequestsEqualTheTextRoundTrip() throws {
        let bodies = [
            #"{"model": "m", "messages": [{"role": "user", "content": "Hi"}]}"#,
            #"{"model": "m", "temperature": 1.0, "top_p": 0.95, "presence_penalty": -0.5, "frequency_penalty": 2, "seed": 42, "n": 1,"#
                + #" "max_tokens": 800, "stop": ["\n", "END"], "logit_bias": {"50256": -100}, "metadata": {"k": "v \"q\" \\ é 😀"},"#
                + #" "stream": true, "stream_options": {"include_usage": true}, "user": "u/1","#
                + #" "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": [{"type": "text", "text": "Say"},"#
                + #" {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},"#
                + #" {"type": "image_url", "image_url": {"url": "https://example.test/a.png", "detail": "low"}}]},"#
                + #" {"role": "assistant", "audio": {"id": "audio_1"}}]}"#,
            #"{"model": "m", "modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}, "messages": [{"role": "user", "content": "x"}],"#
                + #" "tools": [{"type": "function", "function": {"name": "f", "description": "d", "parameters": {"type": "object","#
                + #" "properties": {"a": {"type": "number", "minimum": 0.5, "maximum": 10, "enum": [1, 2.5, null, true]}}, "required": ["a"]}}}],"#
                + #" "tool_choice": "auto", "response_format": {"type": "json_schema", "json_schema": {"name": "s", "strict": true, "schema": {"type": "object"}}}}"#,
        ]
        for body in bodies {
            let request = try decoded(body)
            #expect(try JSONValueEncoder.encode(request) == viaText(request), "\(body)")
        }
    }

    @Test func aLargeStringKeepsItsStorage() throws {
        let audio = String(repeating: "QUJD", count: 100_000)
        let request = try decoded(#"{"model": "m", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": ""#
            + audio + #"", "format": "wav"}}]}]}"#)
        let json = try JSONValueEncoder.encode(request)
        #expect(json == (try viaText(request)))
        guard case .string(let sent)? = json["messages"]?[0]?["content"]?[0]?["input_audio"]?["data"] else {
            Issue.record("no audio data in \(json)")
            return
        }
        guard case .user(let message) = request.messages[0], case .parts(let parts) = message.content,
              case .inputAudio(let input) = parts[0] else {
            Issue.record("the request did not decode as audio input")
            return
        }
        // One storage for both: the encoding made no copy of the 400 kB string.
        var a = sent, b = input.data
        let same = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        #expect(same)
    }

    @Test func nestingPastTheBoundThrowsSoCallersFallBack() {
        struct Deep: Encodable {
            var level: Int
            func encode(to encoder: Encoder) throws {
                var container = encoder.unkeyedContainer()
                if level > 0 { try container.encode(Deep(level: level - 1)) } else { try container.encode(0) }
            }
        }
        #expect(throws: JSONValueEncoder.TooDeep.self) { try JSONValueEncoder.encode(Deep(level: JSONValueEncoder.maxDepth + 5)) }
        #expect((try? JSONValueEncoder.encode(Deep(level: 3))) == .array([.array([.array([.array([.int(0)])])])]))
    }
}
