import Core
import Foundation
import Requests

/// `stream: true` answers: the same completion as server-sent events (`data: {chunk}` lines, then
/// `data: [DONE]`), cut the way the service cuts them — text a few words a chunk, audio as base64
/// pieces with the transcript arriving alongside.
enum StreamedAnswer {
    static func events(for response: ChatCompletionResponse, includeUsage: Bool) -> String {
        let choice = response.choices.first
        let message = choice?.message
        var deltas: [JSONValue] = [.object(["role": .string("assistant"), "content": .string("")])]
        if let audio = message?.audio {
            deltas.append(.object(["audio": .object(["id": .string(audio.id), "expires_at": .int(audio.expiresAt)])]))
            for piece in pieces(of: audio.transcript) {
                deltas.append(.object(["audio": .object(["transcript": .string(piece)])]))
            }
            let data = Data(base64Encoded: audio.data) ?? Data()
            // Chunks of 24 000 bytes: half a second of 24 kHz 16-bit audio, a multiple of 3 so each
            // piece is whole base64.
            var start = 0
            while start < data.count {
                let end = min(start + 24_000, data.count)
                deltas.append(.object(["audio": .object(["data": .string(data[start..<end].base64EncodedString())])]))
                start = end
            }
        } else if let content = message?.content {
            for piece in pieces(of: content) { deltas.append(.object(["content": .string(piece)])) }
        }
        var lines: [String] = []
        func chunk(_ choices: [JSONValue], usage: JSONValue? = nil) {
            var members: [String: JSONValue] = [
                "id": .string(response.id), "object": .string("chat.completion.chunk"), "created": .int(response.created),
                "model": .string(response.model), "system_fingerprint": .string(response.systemFingerprint ?? ""),
                "choices": .array(choices),
            ]
            if let usage { members["usage"] = usage }
            lines.append("data: " + JSONValue.object(members).serialized() + "\n\n")
        }
        for delta in deltas {
            chunk([.object(["index": .int(0), "delta": delta, "logprobs": .null, "finish_reason": .null])])
        }
        chunk([.object(["index": .int(0), "delta": .object([:]), "logprobs": .null, "finish_reason": .string(choice?.finishReason?.rawValue ?? "stop")])])
        if includeUsage, let usage = response.usage,
            let encoded = try? JSONValue.parse(String(decoding: JSONBody.encode(usage), as: UTF8.self))
        {
            chunk([], usage: encoded)
        }
        lines.append("data: [DONE]\n\n")
        return lines.joined()
    }

    /// Text in pieces of about four words, spaces kept, so the pieces join back to the text.
    static func pieces(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var words = 0
        for character in text {
            current.append(character)
            if character == " " {
                words += 1
                if words == 4 {
                    result.append(current)
                    current = ""
                    words = 0
                }
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
