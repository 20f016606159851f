// String-valued enumerations of the chat completions API.
//
// They are open (any string decodes) rather than closed Swift enums for two reasons: a service
// profile may accept values the 2025-01-01-preview spec does not list (newer voices), and strict
// validation must be able to say "'bogus' is not a voice" instead of failing to decode at all.
// `specValues` lists what the spec allows; ``RequestValidation`` checks against it (or a profile's list).

/// A voice for generated audio (`audio.voice`).
public struct Voice: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let alloy = Voice(rawValue: "alloy")
    public static let echo = Voice(rawValue: "echo")
    public static let fable = Voice(rawValue: "fable")
    public static let onyx = Voice(rawValue: "onyx")
    public static let nova = Voice(rawValue: "nova")
    public static let shimmer = Voice(rawValue: "shimmer")
    /// The voices of the 2025-01-01-preview inference spec.
    public static let specValues: [Voice] = [.alloy, .echo, .fable, .onyx, .nova, .shimmer]
}

/// The format of generated audio (`audio.format`).
public struct AudioOutputFormat: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let wav = AudioOutputFormat(rawValue: "wav")
    public static let mp3 = AudioOutputFormat(rawValue: "mp3")
    public static let flac = AudioOutputFormat(rawValue: "flac")
    public static let opus = AudioOutputFormat(rawValue: "opus")
    public static let pcm16 = AudioOutputFormat(rawValue: "pcm16")
    public static let specValues: [AudioOutputFormat] = [.wav, .mp3, .flac, .opus, .pcm16]
}

/// The format of audio sent in an `input_audio` content part: the spec allows fewer than for output.
public struct InputAudioFormat: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let wav = InputAudioFormat(rawValue: "wav")
    public static let mp3 = InputAudioFormat(rawValue: "mp3")
    public static let specValues: [InputAudioFormat] = [.wav, .mp3]
}

/// An output modality (`modalities` items).
public struct Modality: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let text = Modality(rawValue: "text")
    public static let audio = Modality(rawValue: "audio")
    public static let specValues: [Modality] = [.text, .audio]
}

/// `image_url.detail`.
public struct ImageDetail: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let auto = ImageDetail(rawValue: "auto")
    public static let low = ImageDetail(rawValue: "low")
    public static let high = ImageDetail(rawValue: "high")
    public static let specValues: [ImageDetail] = [.auto, .low, .high]
}

/// `reasoning_effort`.
public struct ReasoningEffort: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let low = ReasoningEffort(rawValue: "low")
    public static let medium = ReasoningEffort(rawValue: "medium")
    public static let high = ReasoningEffort(rawValue: "high")
    public static let specValues: [ReasoningEffort] = [.low, .medium, .high]
}

/// `data_sources[].type`: the Azure "On Your Data" extension kinds.
public struct DataSourceType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let azureSearch = DataSourceType(rawValue: "azure_search")
    public static let azureCosmosDB = DataSourceType(rawValue: "azure_cosmos_db")
    public static let elasticsearch = DataSourceType(rawValue: "elasticsearch")
    public static let mongoDB = DataSourceType(rawValue: "mongo_db")
    public static let pinecone = DataSourceType(rawValue: "pinecone")
    public static let specValues: [DataSourceType] = [.azureSearch, .azureCosmosDB, .elasticsearch, .mongoDB, .pinecone]
}

/// `choices[].finish_reason` of a response.
public struct FinishReason: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let stop = FinishReason(rawValue: "stop")
    public static let length = FinishReason(rawValue: "length")
    public static let toolCalls = FinishReason(rawValue: "tool_calls")
    public static let contentFilter = FinishReason(rawValue: "content_filter")
    public static let functionCall = FinishReason(rawValue: "function_call")
    public static let specValues: [FinishReason] = [.stop, .length, .toolCalls, .contentFilter, .functionCall]
}
