import Core
import Requests

/// Audio speech: JSON in, audio bytes out in the requested `response_format` (default mp3), the
/// samples seeded by the input text and voice so the same request gives the same bytes.
enum SpeechAnswer {
    static func answer(_ members: [String: JSONValue], deployment: String?) throws(MockError) -> MockAnswer {
        let read = MemberReader(members: members)
        if deployment == nil { _ = try read.string("model", required: true) }
        guard let input = try read.string("input", required: true), !input.isEmpty else {
            throw .invalidRequest(param: "input", "'input' must not be empty.")
        }
        let voice = try read.oneOf("voice", SpeechRequest.voices, required: true) ?? "alloy"
        let format = try read.oneOf("response_format", SpeechRequest.responseFormats) ?? "mp3"
        let speed = try read.number("speed", in: 0.25...4.0) ?? 1
        _ = try read.string("instructions")
        let (encoding, contentType) = ServiceFacts.speechFormats[format] ?? (.silentMP3, "audio/mpeg")
        let words = input.split(whereSeparator: \.isWhitespace).count
        let milliseconds = Int(Double(min(4_000, max(500, words * 330))) / speed)
        let bytes = AudioSynthesis.render(
            encoding: encoding, format: format, seed: FNV1a64.hash(voice + "\u{0}" + input), milliseconds: milliseconds)
        return MockAnswer(contentType: contentType, body: bytes)
    }
}
