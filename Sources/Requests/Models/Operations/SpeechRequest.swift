/// The body of `POST …/audio/speech` (schema `createSpeechRequest`): text in, audio bytes out.
public struct SpeechRequest: Hashable, Sendable, Codable {
    public var input: String
    public var voice: String
    public var model: String?
    /// `mp3`, `opus`, `aac`, `flac`, `wav`, `pcm`.
    public var responseFormat: String?
    public var speed: Double?
    /// gpt-4o-mini-tts: how to speak.
    public var instructions: String?
    public var streamFormat: String?

    public init(input: String, voice: String) {
        self.input = input
        self.voice = voice
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case input, voice, model, speed, instructions
        case responseFormat = "response_format"
        case streamFormat = "stream_format"
    }

    /// Every voice of the OpenAI text-to-speech models (tts-1, tts-1-hd, gpt-4o-mini-tts).
    public static let voices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"]
    public static let responseFormats = ["mp3", "opus", "aac", "flac", "wav", "pcm"]
    public static let streamFormats = ["sse", "audio"]
    /// The `input` limit the spec states.
    public static let maxInputLength = 4096
}
