/// The form fields of `POST …/audio/transcriptions` and `…/audio/translations`
/// (`multipart/form-data`, schemas `createTranscriptionRequest` / `createTranslationRequest`).
///
/// Field values arrive as text; numbers are parsed from it as the service does.
public struct AudioTranscriptionForm: Hashable, Sendable {
    /// The uploaded audio: its file name as sent in `Content-Disposition`, and its contents
    /// (usually a file placeholder).
    public var file: FormFile
    public var model: String?
    /// ISO-639-1 language of the audio (transcriptions only).
    public var language: String?
    public var prompt: String?
    public var responseFormat: AudioResponseFormat?
    public var temperature: Double?
    /// `timestamp_granularities[]`, each `word` or `segment` (needs `verbose_json`).
    public var timestampGranularities: [String]

    public init(file: FormFile, model: String? = nil, language: String? = nil, prompt: String? = nil,
                responseFormat: AudioResponseFormat? = nil, temperature: Double? = nil, timestampGranularities: [String] = []) {
        self.file = file
        self.model = model
        self.language = language
        self.prompt = prompt
        self.responseFormat = responseFormat
        self.temperature = temperature
        self.timestampGranularities = timestampGranularities
    }

    /// The fields each form defines (translations have no `language` or granularities).
    public static let transcriptionFields: Set<String> = [
        "file", "model", "language", "prompt", "response_format", "temperature", "timestamp_granularities[]",
        "timestamp_granularities", "chunking_strategy", "include[]", "stream",
    ]
    public static let translationFields: Set<String> = ["file", "model", "prompt", "response_format", "temperature"]
    public static let granularities = ["word", "segment"]
}

/// What a transcription or translation answers with.
public enum AudioResponseFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case json
    case text
    case srt
    case verboseJSON = "verbose_json"
    case vtt

    /// True when the answer is JSON (`json`, `verbose_json`); the others are plain text.
    public var isJSON: Bool { self == .json || self == .verboseJSON }
}

/// A file part of a form.
public struct FormFile: Hashable, Sendable {
    /// The file name sent with the part (`speech.wav`).
    public var filename: String
    public var contentType: String?

    public init(filename: String, contentType: String? = nil) {
        self.filename = filename
        self.contentType = contentType
    }
}
