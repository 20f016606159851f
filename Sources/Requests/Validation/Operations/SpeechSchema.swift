import Extraction

/// The text-to-speech request schema as code.
struct SpeechSchema {
    var reader = SymbolicReader()

    static let fields: Set<String> = Set(SpeechRequest.CodingKeys.allCases.map(\.rawValue))

    mutating func request(_ value: SymbolicValue) -> SpeechRequest? {
        typealias R = SpeechRequest
        guard let m = reader.object(value, "", allowed: Self.fields) else { return nil }
        let input = reader.required(m, "input", "").flatMap { reader.string($0, "input") }
        if let input, input.count > R.maxInputLength {
            reader.invalid("input", "is \(input.count) characters long; the limit is \(R.maxInputLength)")
        }
        let voice = reader.required(m, "voice", "").flatMap { reader.oneOf($0, "voice", allowed: R.voices, what: "voice") }
        var r = R(input: input ?? "", voice: voice ?? "")
        r.model = reader.optional(m, "model", "", nullable: false).flatMap { reader.string($0, "model") }
        r.responseFormat = reader.optional(m, "response_format", "").flatMap {
            reader.oneOf($0, "response_format", allowed: R.responseFormats, what: "audio format")
        }
        r.speed = reader.optional(m, "speed", "").flatMap { reader.number($0, "speed", range: 0.25...4) }
        r.instructions = reader.optional(m, "instructions", "").flatMap { reader.string($0, "instructions") }
        r.streamFormat = reader.optional(m, "stream_format", "").flatMap {
            reader.oneOf($0, "stream_format", allowed: R.streamFormats, what: "stream format")
        }
        return input == nil || voice == nil ? nil : r
    }
}
