import Core
import Foundation
import Requests
import Synchronization

/// The base64 audio of recent answers. Audio is a pure function of (format, seed, duration), and a
/// client repeating a request (a load test, a retried sample) gets the same audio: rendering,
/// encoding and base64-ing it again made five short-lived copies of a quarter megabyte a request,
/// which is what grew the mock's heap under load. Bounded by entry count; oldest dropped first.
final class AudioAnswerCache: Sendable {
    struct Key: Hashable, Sendable {
        var format: String
        var seed: UInt64
        var milliseconds: Int
    }

    /// A 4 s answer is about 256 KB of base64: at most about 2 MB held.
    static let defaultCapacity = 8

    private struct Entries {
        var values: [Key: String] = [:]
        var order: [Key] = []
    }

    private let entries = Mutex(Entries())
    let capacity: Int

    init(capacity: Int = defaultCapacity) { self.capacity = max(1, capacity) }

    /// The cached base64 for `key`, or `render()`'s bytes as base64, remembered.
    func base64(_ key: Key, render: () -> [UInt8]) -> String {
        if let hit = entries.withLock({ $0.values[key] }) { return hit }
        let text = Data(render()).base64EncodedString()
        entries.withLock { state in
            guard state.values[key] == nil else { return }
            state.values[key] = text
            state.order.append(key)
            if state.order.count > capacity { state.values[state.order.removeFirst()] = nil }
        }
        return text
    }

    var count: Int { entries.withLock { $0.values.count } }
}

extension MockAnswer {
    /// A chat completion as JSON, its audio's base64 copied once into the body: the encoder writes
    /// the answer with a short stand-in, and the audio is put in its place. Byte for byte what
    /// ``encoded(_:)`` writes (base64 is written as it is with unescaped slashes).
    static func encodedSplicingAudio(_ response: ChatCompletionResponse) -> MockAnswer {
        guard let audio = response.choices.first?.message.audio, audio.data.utf8.count >= 4_096 else { return .encoded(response) }
        let standIn = "\u{E000}docverify-audio\u{E001}"
        var reduced = response
        reduced.choices[0].message.audio?.data = standIn
        let encoded = [UInt8](JSONBody.encode(reduced))
        let marker = Array(standIn.utf8)
        guard let at = firstRange(of: marker, in: encoded) else { return .encoded(response) }
        var data = audio.data
        var body: [UInt8] = []
        data.withUTF8 { base64 in
            body.reserveCapacity(encoded.count - marker.count + base64.count)
            body.append(contentsOf: encoded[..<at])
            body.append(contentsOf: base64)
            body.append(contentsOf: encoded[(at + marker.count)...])
        }
        return MockAnswer(contentType: "application/json", body: body)
    }

    private static func firstRange(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var i = 0
        while i <= bytes.count - marker.count {
            if bytes[i] == first, bytes[i..<(i + marker.count)].elementsEqual(marker) { return i }
            i += 1
        }
        return nil
    }
}
