import Core
import Foundation
import Testing

@testable import MockServer

/// A body read with its large strings set aside parses to the very value (and the very syntax
/// error) the whole body does, however the bytes are cut into pieces on the wire. Serialized and
/// just past the threshold: these are CPU-bound, and the suite shares two pool threads with
/// loopback servers.
@Suite(.serialized) struct SplicedBodyTests {
    static func base64(_ count: Int, seed: UInt8 = 5) -> String {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ Int(seed)) }).base64EncodedString()
    }

    static func spliced(_ text: String, chunk: Int, declared: Bool = true) -> SplicedBody {
        let bytes = Array(text.utf8)
        var body = SplicedBody(declaredLength: declared ? bytes.count : nil)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            bytes[start..<end].withUnsafeBytes { body.append($0) }
            start = end
        }
        return body
    }

    /// The whole-body reading the splice replaces, as a value or an error message.
    static func whole(_ text: String) -> Result<JSONValue, MockError> {
        Result { () throws(MockError) in try parseRequestJSON(Array(text.utf8)) }
    }

    /// Just over ``SplicedBody/threshold`` once in base64.
    static let big = base64(50_000)

    static let texts: [String] = [
        // The audio request's shape, pretty-printed so later lines follow the string.
        "{\n  \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"input_audio\", \"input_audio\": {\"data\": \"\(big)\", \"format\": \"wav\"}}]}],\n  \"model\": \"m\"\n}",
        // Two large strings, one a key, and a small one between.
        "{\"\(base64(50_000, seed: 1))\": [\"\(big)\", \"small\", 3]}",
        // Long but escaped half-way, long and non-ASCII, long with a control byte: all stay in place.
        "{\"a\": \"\(String(repeating: "A", count: 70_000))\\n\(String(repeating: "B", count: 100))\"}",
        "{\"a\": \"\(String(repeating: "é", count: 33_000))\"}",
        "[\"\(String(repeating: "x", count: 70_000))\t\"]",
        // Errors after, inside, and at the end of a large string.
        "{\"a\": \"\(big)\" \"b\": 1}",
        "{\"a\": \"\(big)\", \"b\": tru}",
        "{\"a\": \"\(big)",
        "{\"a\": [\"\(big)\"]} trailing",
        // A client's own private-use text is not taken for a placeholder.
        "{\"a\": \"\u{E000}0\u{E001}\", \"b\": \"\(big)\"}",
    ]

    @Test(arguments: texts.indices, [5, 4_096, Int.max])
    func theValueAndErrorsAreTheWholeBodys(index: Int, chunk: Int) {
        let text = Self.texts[index]
        let body = Self.spliced(text, chunk: chunk)
        let spliced = Result { () throws(MockError) in try body.parse() }
        #expect(body.count == text.utf8.count)
        switch (spliced, Self.whole(text)) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.message == b.message)
        case (let a, let b): Issue.record("spliced \(String(describing: a).prefix(200)) but whole \(String(describing: b).prefix(200))")
        }
    }

    @Test("a large base64 string leaves the byte buffer while it arrives: one copy of it is kept")
    func theAudioIsHeldOnce() throws {
        let text = Self.texts[0]
        for declared in [true, false] {
            let body = Self.spliced(text, chunk: 16_384, declared: declared)
            #expect(body.reduced.count < 300, "the buffer still holds \(body.reduced.count) bytes")
            #expect(body.large == [Self.big])
            let value = try body.parse()
            #expect(value["messages"]?[0]?["content"]?[0]?["input_audio"]?["data"]?.stringValue == Self.big)
        }
    }
}
