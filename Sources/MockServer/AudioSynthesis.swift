import Foundation

/// Audio the mock answers with. Samples are integer-only functions of a seed, so the same request
/// gives the same bytes on every platform (no libm rounding differences).
enum AudioSynthesis {
    static let sampleRate = 24_000
    static let bitsPerSample = 16
    static let channels = 1

    /// How long the spoken answer lasts: about a third of a second per transcript word, bounded so
    /// answers stay small (≤ 4 s ≈ 190 KB of PCM).
    static func durationMilliseconds(forTranscript transcript: String) -> Int {
        let words = transcript.split(whereSeparator: \.isWhitespace).count
        return min(4_000, max(500, words * 330))
    }

    /// Mono 16-bit little-endian PCM: a triangle-wave "voice" whose pitch and pacing come from the
    /// seed, with a quiet seeded noise floor and short fades so it does not click.
    static func pcm16(seed: UInt64, milliseconds: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let count = sampleRate * milliseconds / 1_000
        // Pitch between 110 and 440 Hz, expressed as a whole period in samples.
        let period = sampleRate / (110 + Int(random.next() % 331))
        let syllable = sampleRate / (3 + Int(random.next() % 4))  // 3–6 "syllables" a second
        let amplitude = 6_000 + Int(random.next() % 6_000)
        let fade = sampleRate / 100
        var bytes = [UInt8]()
        bytes.reserveCapacity(count * 2)
        for i in 0..<count {
            let phase = i % period
            let triangle = phase < period / 2 ? (4 * phase - period) : (3 * period - 4 * phase)
            var sample = triangle * amplitude / max(1, period)
            // Syllable envelope: loud in the first 70 % of each syllable, quiet in the rest.
            if i % syllable > syllable * 7 / 10 { sample /= 8 }
            if i < fade { sample = sample * i / fade }
            if count - i < fade { sample = sample * (count - i) / fade }
            sample += Int(random.next() % 401) - 200
            let clamped = Int16(clamping: sample)
            let bits = UInt16(bitPattern: clamped)
            bytes.append(UInt8(bits & 0xff))
            bytes.append(UInt8(bits >> 8))
        }
        return bytes
    }

    /// A canonical 44-byte RIFF/WAVE header (PCM, format tag 1) followed by the samples.
    static func wav(pcm: [UInt8]) -> [UInt8] {
        let byteRate = sampleRate * channels * bitsPerSample / 8
        let blockAlign = channels * bitsPerSample / 8
        var out = [UInt8]()
        out.reserveCapacity(44 + pcm.count)
        out += Array("RIFF".utf8)
        out.appendLittleEndian(UInt32(36 + pcm.count))
        out += Array("WAVE".utf8)
        out += Array("fmt ".utf8)
        out.appendLittleEndian(UInt32(16))
        out.appendLittleEndian(UInt16(1))
        out.appendLittleEndian(UInt16(channels))
        out.appendLittleEndian(UInt32(sampleRate))
        out.appendLittleEndian(UInt32(byteRate))
        out.appendLittleEndian(UInt16(blockAlign))
        out.appendLittleEndian(UInt16(bitsPerSample))
        out += Array("data".utf8)
        out.appendLittleEndian(UInt32(pcm.count))
        out += pcm
        return out
    }

    /// Silent MPEG-2 Layer III frames (24 kHz, mono, 64 kbit/s, no CRC). All-zero side information
    /// means "no coded data", which every decoder plays as silence: a valid MP3 without an encoder.
    static func silentMP3(milliseconds: Int) -> [UInt8] {
        let frameBytes = 72 * 64_000 / sampleRate  // 192
        let samplesPerFrame = 576
        let frames = max(1, (sampleRate * milliseconds / 1_000 + samplesPerFrame - 1) / samplesPerFrame)
        var frame = [UInt8](repeating: 0, count: frameBytes)
        frame[0] = 0xFF
        frame[1] = 0xF3  // sync, MPEG-2, Layer III, no CRC
        frame[2] = 0x84  // 64 kbit/s, 24 kHz, no padding
        frame[3] = 0xC0  // mono
        var out = [UInt8]()
        out.reserveCapacity(frames * frameBytes)
        for _ in 0..<frames { out += frame }
        return out
    }

    /// Bytes for a format the mock cannot encode: plainly not audio, and saying so, so a client
    /// that checks the data sees it was a placeholder (the profile documents which formats are).
    static func placeholder(format: String) -> [UInt8] {
        Array("DOCVERIFY-MOCK-PLACEHOLDER: no \(format) encoder in the mock; request wav, pcm16 or flac for real audio\n".utf8)
    }

    /// The answer audio for `format`, following `encoding` from the profile.
    static func render(encoding: AudioEncoding, format: String, seed: UInt64, milliseconds: Int) -> [UInt8] {
        switch encoding {
        case .wav: wav(pcm: pcm16(seed: seed, milliseconds: milliseconds))
        case .pcm16: pcm16(seed: seed, milliseconds: milliseconds)
        case .flac: FLACEncoding.encode(pcm16LittleEndian: pcm16(seed: seed, milliseconds: milliseconds), sampleRate: sampleRate)
        case .silentMP3: silentMP3(milliseconds: milliseconds)
        case .placeholder: placeholder(format: format)
        }
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}

/// What a WAV header says, for describing input audio in transcripts (and for tests).
struct WAVInfo: Equatable, Sendable {
    var formatTag: Int
    var channels: Int
    var sampleRate: Int
    var bitsPerSample: Int
    var dataBytes: Int

    var durationSeconds: Double {
        let bytesPerSecond = sampleRate * channels * max(1, bitsPerSample / 8)
        return bytesPerSecond > 0 ? Double(dataBytes) / Double(bytesPerSecond) : 0
    }

    /// Reads a RIFF/WAVE header, walking chunks until `data`; nil when it is not a WAV file.
    /// `bytes` may be just the file's head; `totalCount` is the whole file's size.
    init?(_ bytes: [UInt8], totalCount: Int? = nil) {
        let total = totalCount ?? bytes.count
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func u16(_ at: Int) -> Int? {
            guard at + 2 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func tag(_ at: Int) -> String? {
            guard at + 4 <= bytes.count else { return nil }
            return String(decoding: bytes[at..<at + 4], as: UTF8.self)
        }
        guard tag(0) == "RIFF", tag(8) == "WAVE" else { return nil }
        var offset = 12
        var fmt: (Int, Int, Int, Int)?
        while let name = tag(offset), let size = u32(offset + 4) {
            let body = offset + 8
            if name == "fmt ", let f = u16(body), let c = u16(body + 2), let r = u32(body + 4), let b = u16(body + 14) {
                fmt = (f, c, r, b)
            } else if name == "data", let (f, c, r, b) = fmt {
                self.init(formatTag: f, channels: c, sampleRate: r, bitsPerSample: b, dataBytes: Swift.max(0, Swift.min(size, total - body)))
                return
            }
            offset = body + size + (size & 1)
        }
        return nil
    }

    init(formatTag: Int, channels: Int, sampleRate: Int, bitsPerSample: Int, dataBytes: Int) {
        self.formatTag = formatTag
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
        self.dataBytes = dataBytes
    }
}
