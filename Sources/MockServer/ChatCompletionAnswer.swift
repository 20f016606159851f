import Core
import Foundation
import Requests

/// Builds the answer to a valid request: deterministic text, audio and usage.
struct ChatCompletionAnswer {
    let request: ChatRequestView
    let deployment: String
    let profile: MockProfile
    /// Recent answers' audio, so a repeated request is not rendered again.
    var audioCache: AudioAnswerCache? = nil

    /// Seed of everything derived from the request (hash of its canonical form).
    var requestHash: UInt64 { request.requestHash }

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

    /// The response body, as the Requests stage's typed model. `audioID` is given when audio
    /// output was requested.
    func response(completionID: String, created: Int, audioID: String?, expiresAt: Int) -> ChatCompletionResponse {
        let transcript = self.transcript
        var message = ResponseMessage(content: transcript)
        var completionAudioTokens = 0
        if request.wantsAudio, let format = request.format, let audioID {
            let encoding = profile.outputFormats[format] ?? .placeholder
            let milliseconds = AudioSynthesis.durationMilliseconds(forTranscript: transcript)
            let seed = requestHash
            let render = { AudioSynthesis.render(encoding: encoding, format: format, seed: seed, milliseconds: milliseconds) }
            let data = audioCache?.base64(.init(format: format, seed: seed, milliseconds: milliseconds), render: render)
                ?? Data(render()).base64EncodedString()
            // With audio output the text lives in the transcript and `content` is null.
            message.content = nil
            message.audio = ResponseAudio(id: audioID, expiresAt: expiresAt, data: data, transcript: transcript)
            // About 10 audio tokens a second of speech.
            completionAudioTokens = max(1, milliseconds / 100)
        }
        let promptWords = request.messages.flatMap(\.texts).reduce(0) { $0 + Self.wordCount($1) }
        let promptAudioTokens = request.messages.flatMap(\.inputAudio).reduce(0) { total, audio in
            total + max(1, Int((audio.wav?.durationSeconds ?? Double(audio.byteCount) / 48_000) * 10))
        }
        let promptTokens = Self.tokens(forWords: promptWords) + promptAudioTokens + 3 * request.messages.count
        let textTokens = Self.tokens(forWords: Self.wordCount(transcript))
        let completionTokens = textTokens + completionAudioTokens
        return ChatCompletionResponse(
            id: completionID, created: created, model: deployment,
            choices: [ChatChoice(index: 0, message: message, finishReason: .stop)],
            usage: CompletionUsage(
                promptTokens: promptTokens, completionTokens: completionTokens, totalTokens: promptTokens + completionTokens,
                promptTokensDetails: PromptTokensDetails(audioTokens: promptAudioTokens, cachedTokens: 0),
                completionTokensDetails: CompletionTokensDetails(
                    acceptedPredictionTokens: 0, audioTokens: completionAudioTokens, reasoningTokens: 0, rejectedPredictionTokens: 0)),
            systemFingerprint: "fp_docverify_mock")
    }
}
