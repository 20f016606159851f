import Requests

/// What the handlers need beyond the shared request models' enumerations (which stay the one
/// table of accepted values: `SpeechRequest.voices`, `ImageGenerationRequest.sizes`, …): how each
/// speech format is produced and sent, and embedding widths.
enum ServiceFacts {
    /// `response_format` of audio speech → how the mock encodes it and the content type it sends.
    /// Keys are `SpeechRequest.responseFormats`.
    static let speechFormats: [String: (encoding: AudioEncoding, contentType: String)] = [
        "mp3": (.silentMP3, "audio/mpeg"),
        "wav": (.wav, "audio/wav"),
        "pcm": (.pcm16, "audio/pcm"),
        "flac": (.flac, "audio/flac"),
        "opus": (.placeholder, "audio/opus"),
        "aac": (.placeholder, "audio/aac"),
    ]

    /// Embedding width by model name (a deployment's name usually is its model's); 1536 otherwise.
    static let embeddingDimensions: [String: Int] = [
        "text-embedding-3-large": 3_072, "text-embedding-3-small": 1_536, "text-embedding-ada-002": 1_536,
    ]

    static func embeddingDimension(model: String) -> Int {
        embeddingDimensions.first { model.contains($0.key) }?.value ?? 1_536
    }
}
