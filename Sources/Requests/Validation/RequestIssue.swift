/// One problem with a request body, at a JSON path in `audio.voice` /
/// `messages[1].content[0].input_audio.format` notation (the empty path is the body itself).
public enum RequestIssue: Hashable, Sendable, CustomStringConvertible {
    /// A member the schema does not define (often a typo: `messages[0].contnet`).
    case unknownField(path: String)
    /// A wrong type, a missing required field, a value outside an enumeration or a range.
    case invalid(path: String, message: String)

    public var path: String {
        switch self {
        case .unknownField(let path), .invalid(let path, _): path
        }
    }

    /// What is wrong, in words, without the path.
    public var message: String {
        switch self {
        case .unknownField(let path):
            let name = JSONPath.lastKey(of: path) ?? path
            return "unknown field '\(name)'"
        case .invalid(_, let message):
            return message
        }
    }

    /// `path: message`, or just the message for the body itself.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Options for strict validation. The defaults are the 2025-01-01-preview spec's enumerations; a
/// service profile (the mock server's) may widen or narrow them.
public struct ValidationOptions: Hashable, Sendable {
    public var voices: [Voice]
    public var outputFormats: [AudioOutputFormat]
    public var inputAudioFormats: [InputAudioFormat]
    public var modalities: [Modality]

    public init(
        voices: [Voice] = Voice.specValues, outputFormats: [AudioOutputFormat] = AudioOutputFormat.specValues,
        inputAudioFormats: [InputAudioFormat] = InputAudioFormat.specValues, modalities: [Modality] = Modality.specValues
    ) {
        self.voices = voices
        self.outputFormats = outputFormats
        self.inputAudioFormats = inputAudioFormats
        self.modalities = modalities
    }

    /// Exactly the spec's values.
    public static let spec = ValidationOptions()
}
