/// Enumerations of the non-chat operations as the 2025-01-01-preview inference spec and the
/// service define them: one table, used by the handlers to validate and to answer.
enum ServiceFacts {
    /// `response_format` of transcriptions and translations.
    static let transcriptionFormats = ["json", "text", "srt", "verbose_json", "vtt"]
    static let timestampGranularities = ["word", "segment"]

    /// `voice` of audio speech: the tts-1 voices and those gpt-4o-mini-tts added.
    static let speechVoices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"]
    /// `response_format` of audio speech → how the mock encodes it and the content type it sends.
    static let speechFormats: [String: (encoding: AudioEncoding, contentType: String)] = [
        "mp3": (.silentMP3, "audio/mpeg"),
        "wav": (.wav, "audio/wav"),
        "pcm": (.pcm16, "audio/pcm"),
        "flac": (.flac, "audio/flac"),
        "opus": (.placeholder, "audio/opus"),
        "aac": (.placeholder, "audio/aac"),
    ]
    static let speechInputLimit = 4_096

    /// `size` of image generation (DALL-E 2, DALL-E 3 and gpt-image-1 sizes).
    static let imageSizes = ["256x256", "512x512", "1024x1024", "1792x1024", "1024x1792", "1536x1024", "1024x1536", "auto"]
    static let imageQualities = ["standard", "hd", "low", "medium", "high", "auto"]
    static let imageStyles = ["vivid", "natural"]
    static let imageResponseFormats = ["url", "b64_json"]

    /// Embedding width by model name (a deployment's name usually is its model's); 1536 otherwise.
    static let embeddingDimensions: [String: Int] = [
        "text-embedding-3-large": 3_072, "text-embedding-3-small": 1_536, "text-embedding-ada-002": 1_536,
    ]

    static func embeddingDimension(model: String) -> Int {
        embeddingDimensions.first { model.contains($0.key) }?.value ?? 1_536
    }
}
