import Core
import Foundation

/// Rebuilds an answer body from a golden: digests become stand-in bytes of the recorded size and
/// media type (a valid header, then zeros), streamed answers become one chunk and `[DONE]`.
enum StandInBytes {
    static func body(_ value: JSONValue, contentType: String) -> Data {
        if PayloadDigest.isDigest(value) { return bytes(for: value) }
        if let stream = value["stream"], contentType.lowercased().hasPrefix("text/event-stream") {
            return sse(stream)
        }
        switch value {
        case .null: return Data()
        case .string(let s): return Data(s.utf8)
        default:
            if let b64 = value["$base64"]?.stringValue { return Data(base64Encoded: b64) ?? Data() }
            return Data(inflate(value, depth: 0).serialized().utf8)
        }
    }

    /// Replaces every digest inside a JSON body by base64 stand-in bytes.
    static func inflate(_ value: JSONValue, depth: Int) -> JSONValue {
        guard depth < VolatileMasker.maxDepth else { return value }
        if PayloadDigest.isDigest(value) { return .string(bytes(for: value).base64EncodedString()) }
        switch value {
        case .array(let items): return .array(items.map { inflate($0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { inflate($0, depth: depth + 1) })
        default: return value
        }
    }

    static func bytes(for digest: JSONValue) -> Data {
        let count = digest["$bytes"].flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 0
        var header: [UInt8] = []
        let media = digest["media"]
        switch media?["type"]?.stringValue {
        case "audio/wav":
            let channels = intValue(media?["channels"]) ?? 1, rate = intValue(media?["sampleRate"]) ?? 24_000
            let bits = intValue(media?["bitsPerSample"]) ?? 16
            let dataBytes = max(0, count - 44)
            header = Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(channels)
                + le32(rate) + le32(rate * channels * bits / 8) + le16(channels * bits / 8) + le16(bits) + Array("data".utf8) + le32(dataBytes)
        case "audio/flac": header = Array("fLaC".utf8)
        case "audio/mpeg": header = [0xFF, 0xF3, 0x44, 0xC4]
        case "image/png": header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        default: break
        }
        var out = Data(header.prefix(max(count, 0)))
        if out.count < count { out.append(Data(count: count - out.count)) }
        return out
    }

    static func sse(_ stream: JSONValue) -> Data {
        var message = stream["message"]?.objectValue ?? [:]
        if let audio = message["audio"] { message["audio"] = inflate(audio, depth: 0) }
        let chunk = JSONValue.object([
            "id": stream["id"] ?? .null, "object": .string("chat.completion.chunk"),
            "choices": .array([.object(["index": .int(0), "delta": .object(message), "finish_reason": stream["finish_reason"] ?? .null])]),
        ])
        return Data("data: \(chunk.serialized())\n\ndata: [DONE]\n\n".utf8)
    }

    private static func intValue(_ v: JSONValue?) -> Int? { if case .int(let n)? = v { n } else { nil } }
    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}
