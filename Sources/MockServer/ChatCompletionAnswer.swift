import Core
import Foundation

/// Builds the answer to a valid request: deterministic text, audio and usage.
struct ChatCompletionAnswer {
    let request: ChatRequestView
    let deployment: String
    let profile: MockProfile

    /// Seed of everything derived from the request (hash of its canonical form).
    var requestHash: UInt64 { FNV1a64.hash(request.canonicalBody) }

    /// Text derived from the last user message: its words, or a description of its audio.
    var transcript: String {
        guard let last = request.messages.last(where: { $0.role == "user" }) else {
            return "This is the docverify mock. There was no user message to answer."
        }
        var pieces: [String] = []
        for audio in last.inputAudio {
            if let wav = audio.wav {
                let seconds = (wav.durationSeconds * 10).rounded() / 10
                pieces.append("I heard \(seconds) seconds of \(wav.sampleRate / 1_000) kHz \(audio.format) audio.")
            } else {
                pieces.append("I received \(audio.byteCount) bytes of \(audio.format) audio.")
            }
        }
        let words = last.texts.joined(separator: " ").split(whereSeparator: \.isWhitespace)
        if !words.isEmpty {
            let shown = words.prefix(24).joined(separator: " ")
            pieces.append("You said: \(shown)\(words.count > 24 ? " …" : "")")
        }
        if pieces.isEmpty { pieces.append("The last user message was empty.") }
        return "This is the docverify mock. " + pieces.joined(separator: " ")
    }

    /// About 4/3 tokens a word, the usual rule of thumb for English text.
    static func tokens(forWords words: Int) -> Int { (words * 4 + 2) / 3 }

    static func wordCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    /// The response body. `audioID`/`expiresAt` are given when audio output was requested.
    func body(completionID: String, created: Int, audioID: String?, expiresAt: Int) -> JSONValue {
        let transcript = self.transcript
        var message: [String: JSONValue] = ["role": .string("assistant"), "refusal": .null]
        var completionAudioTokens = 0
        if request.wantsAudio, let format = request.format, let audioID {
            let encoding = profile.outputFormats[format] ?? .placeholder
            let milliseconds = AudioSynthesis.durationMilliseconds(forTranscript: transcript)
            let bytes = AudioSynthesis.render(encoding: encoding, format: format, seed: requestHash, milliseconds: milliseconds)
            message["content"] = .null
            message["audio"] = .object([
                "id": .string(audioID),
                "expires_at": .int(expiresAt),
                "data": .string(Data(bytes).base64EncodedString()),
                "transcript": .string(transcript),
            ])
            // Audio tokens: about 10 a second of speech.
            completionAudioTokens = max(1, milliseconds / 100)
        } else {
            message["content"] = .string(transcript)
        }
        let promptWords = request.messages.flatMap(\.texts).reduce(0) { $0 + Self.wordCount($1) }
        let promptAudioTokens = request.messages.flatMap(\.inputAudio).reduce(0) { total, audio in
            total + max(1, Int((audio.wav?.durationSeconds ?? Double(audio.byteCount) / 48_000) * 10))
        }
        let promptTokens = Self.tokens(forWords: promptWords) + promptAudioTokens + 3 * request.messages.count
        let textTokens = Self.tokens(forWords: Self.wordCount(transcript))
        let completionTokens = textTokens + completionAudioTokens
        return .object([
            "id": .string(completionID),
            "object": .string("chat.completion"),
            "created": .int(created),
            "model": .string(deployment),
            "system_fingerprint": .string("fp_docverify_mock"),
            "choices": .array([
                .object([
                    "index": .int(0),
                    "finish_reason": .string("stop"),
                    "logprobs": .null,
                    "message": .object(message),
                ])
            ]),
            "usage": .object([
                "prompt_tokens": .int(promptTokens),
                "completion_tokens": .int(completionTokens),
                "total_tokens": .int(promptTokens + completionTokens),
                "prompt_tokens_details": .object(["audio_tokens": .int(promptAudioTokens), "cached_tokens": .int(0)]),
                "completion_tokens_details": .object([
                    "audio_tokens": .int(completionAudioTokens), "reasoning_tokens": .int(0), "text_tokens": .int(textTokens),
                    "accepted_prediction_tokens": .int(0), "rejected_prediction_tokens": .int(0),
                ]),
            ]),
        ])
    }
}
