/// The parts of a chat-completions request the mock acts on, after validation. It is the seam
/// between "is this request well formed" (``decodeChatRequest(_:profile:)``) and "what do we answer".
struct ChatRequestView: Sendable, Equatable {
    struct InputAudio: Sendable, Equatable {
        var format: String
        var byteCount: Int
        /// Header facts when the data is a WAV file.
        var wav: WAVInfo?
    }

    struct Message: Sendable, Equatable {
        var role: String
        var texts: [String]
        var inputAudio: [InputAudio]
        /// `audio.id` of an assistant message (a previous answer's audio) and its JSON path.
        var audioReference: (id: String, path: String)?

        static func == (a: Message, b: Message) -> Bool {
            a.role == b.role && a.texts == b.texts && a.inputAudio == b.inputAudio
                && a.audioReference?.id == b.audioReference?.id && a.audioReference?.path == b.audioReference?.path
        }
    }

    /// Requested output modalities; `["text"]` when the request names none.
    var modalities: [String]
    /// `audio.voice` / `audio.format` when audio output is requested.
    var voice: String?
    var format: String?
    var messages: [Message]
    /// `stream: true`: answer as server-sent events; `stream_options.include_usage` adds a usage chunk.
    var stream = false
    var streamUsage = false
    /// FNV-1a of the body as sorted-key compact JSON without `audio.format` and the stream options:
    /// equal requests hash equally whatever their key order, and every packaging of one answer
    /// carries the same samples.
    var requestHash: UInt64

    var wantsAudio: Bool { modalities.contains("audio") }

    /// Decoded input audio bytes over all messages (the 20 MB limit counts these).
    var inputAudioBytes: Int { messages.flatMap(\.inputAudio).reduce(0) { $0 + $1.byteCount } }
}
