import Core
import Foundation

/// Reads what a reviewer can check of a binary payload from its header: WAV and FLAC stream
/// parameters, MP3 frames, PNG size. Nil for anything else.
enum MediaProbe {
    static func describe(_ data: Data) -> JSONValue? {
        let b = [UInt8](data)
        if b.count >= 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WAVE".utf8) { return wav(b) }
        if b.starts(with: "fLaC".utf8) { return flac(b) }
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return .object(["type": .string("image/png"), "width": .int(be32(b, 16)), "height": .int(be32(b, 20))])
        }
        return mp3(b)
    }

    /// Walks the RIFF chunks (at most 64) for `fmt ` and `data`.
    static func wav(_ b: [UInt8]) -> JSONValue? {
        var offset = 12
        var channels = 0, sampleRate = 0, bits = 0, byteRate = 0, dataBytes: Int?
        for _ in 0..<64 where offset + 8 <= b.count {
            let size = le32(b, offset + 4)
            if b[offset..<offset + 4].elementsEqual("fmt ".utf8), offset + 24 <= b.count {
                channels = le16(b, offset + 10)
                sampleRate = le32(b, offset + 12)
                byteRate = le32(b, offset + 16)
                bits = le16(b, offset + 22)
            } else if b[offset..<offset + 4].elementsEqual("data".utf8) {
                dataBytes = min(size, b.count - offset - 8)
                break
            }
            offset += 8 + size + size % 2
        }
        var media: [String: JSONValue] = [
            "type": .string("audio/wav"), "channels": .int(channels), "sampleRate": .int(sampleRate), "bitsPerSample": .int(bits),
        ]
        if let dataBytes, byteRate > 0 { media["durationMs"] = .int(dataBytes * 1000 / byteRate) }
        return .object(media)
    }

    /// The STREAMINFO block that must follow the marker.
    static func flac(_ b: [UInt8]) -> JSONValue? {
        guard b.count >= 8 + 34 else { return .object(["type": .string("audio/flac")]) }
        let s = 8  // marker (4) + metadata block header (4)
        let sampleRate = Int(b[s + 10]) << 12 | Int(b[s + 11]) << 4 | Int(b[s + 12]) >> 4
        let channels = Int((b[s + 12] >> 1) & 0x07) + 1
        let bits = Int((b[s + 12] & 0x01) << 4 | b[s + 13] >> 4) + 1
        let total = Int(b[s + 13] & 0x0F) << 32 | Int(b[s + 14]) << 24 | Int(b[s + 15]) << 16 | Int(b[s + 16]) << 8 | Int(b[s + 17])
        var media: [String: JSONValue] = [
            "type": .string("audio/flac"), "channels": .int(channels), "sampleRate": .int(sampleRate), "bitsPerSample": .int(bits),
        ]
        if sampleRate > 0 { media["durationMs"] = .int(total * 1000 / sampleRate) }
        return .object(media)
    }

    /// MPEG audio frames from the first sync (after an ID3v2 tag); counts frames to the end.
    static func mp3(_ b: [UInt8]) -> JSONValue? {
        var offset = 0
        if b.count >= 10, b.starts(with: "ID3".utf8) {
            offset = 10 + (Int(b[6] & 0x7F) << 21 | Int(b[7] & 0x7F) << 14 | Int(b[8] & 0x7F) << 7 | Int(b[9] & 0x7F))
        }
        guard let first = frame(b, offset) else { return nil }
        var frames = 0
        var samples = 0
        while let f = frame(b, offset), frames < 1_000_000 {
            frames += 1
            samples += f.samples
            offset += f.length
        }
        return .object([
            "type": .string("audio/mpeg"), "channels": .int(first.channels), "sampleRate": .int(first.sampleRate),
            "frames": .int(frames), "durationMs": .int(samples * 1000 / first.sampleRate),
        ])
    }

    private static func frame(_ b: [UInt8], _ o: Int) -> (length: Int, samples: Int, sampleRate: Int, channels: Int)? {
        guard o + 4 <= b.count, b[o] == 0xFF, b[o + 1] & 0xE0 == 0xE0 else { return nil }
        let version = (b[o + 1] >> 3) & 0x03  // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        guard version != 1, (b[o + 1] >> 1) & 0x03 == 1 else { return nil }  // Layer III only
        let bitrateIndex = Int(b[o + 2] >> 4), rateIndex = Int((b[o + 2] >> 2) & 0x03)
        guard bitrateIndex > 0, bitrateIndex < 15, rateIndex < 3 else { return nil }
        let mpeg1 = version == 3
        let bitrates1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
        let bitrates2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
        let rates = [[11_025, 12_000, 8_000], [0, 0, 0], [22_050, 24_000, 16_000], [44_100, 48_000, 32_000]]
        let sampleRate = rates[Int(version)][rateIndex]
        let bitrate = (mpeg1 ? bitrates1 : bitrates2)[bitrateIndex] * 1000
        let samples = mpeg1 ? 1152 : 576
        let padding = Int((b[o + 2] >> 1) & 0x01)
        let length = samples / 8 * bitrate / sampleRate + padding
        guard length > 4 else { return nil }
        return (length, samples, sampleRate, (b[o + 3] >> 6) == 3 ? 1 : 2)
    }

    private static func le16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
    private static func le32(_ b: [UInt8], _ o: Int) -> Int {
        o + 4 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24 : 0
    }
    private static func be32(_ b: [UInt8], _ o: Int) -> Int {
        Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
    }
}
