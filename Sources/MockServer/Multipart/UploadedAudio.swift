/// What the mock can tell about an uploaded audio file from its header: container format and,
/// where the header says, duration. Used to make transcripts that depend on the upload.
struct UploadedAudio: Sendable, Equatable {
    /// `wav`, `mp3`, `flac`, `ogg`, `webm`, `m4a`, or nil when not recognised.
    var format: String?
    /// Seconds, when the header gives them (WAV, FLAC STREAMINFO, MP3 from frame bit rate).
    var durationSeconds: Double?
    var byteCount: Int

    /// The file extensions the service accepts for transcription and translation.
    static let acceptedExtensions: Set<String> = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"]

    init(_ bytes: [UInt8]) {
        byteCount = bytes.count
        if let wav = WAVInfo(bytes) {
            format = "wav"
            durationSeconds = wav.durationSeconds
        } else if bytes.starts(with: Array("fLaC".utf8)) {
            format = "flac"
            durationSeconds = Self.flacDuration(bytes)
        } else if bytes.starts(with: Array("OggS".utf8)) {
            format = "ogg"
        } else if bytes.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) {
            format = "webm"
        } else if bytes.count > 12, Array(bytes[4..<8]) == Array("ftyp".utf8) {
            format = "m4a"
        } else if let seconds = Self.mp3Duration(bytes) {
            format = "mp3"
            durationSeconds = seconds
        }
    }

    /// STREAMINFO: sample rate (20 bits) and total samples (36 bits) after the 4-byte marker and the
    /// 4-byte block header.
    static func flacDuration(_ b: [UInt8]) -> Double? {
        guard b.count >= 8 + 18 else { return nil }
        let s = 8
        let rate = Int(b[s + 10]) << 12 | Int(b[s + 11]) << 4 | Int(b[s + 12]) >> 4
        let total = Int(b[s + 13] & 0x0F) << 32 | Int(b[s + 14]) << 24 | Int(b[s + 15]) << 16 | Int(b[s + 16]) << 8 | Int(b[s + 17])
        guard rate > 0 else { return nil }
        return Double(total) / Double(rate)
    }

    /// Duration from the first MPEG audio frame's bit rate (constant bit rate assumed), after an
    /// optional ID3v2 tag; nil when no frame header is found in the first bytes.
    static func mp3Duration(_ b: [UInt8]) -> Double? {
        var start = 0
        if b.count > 10, b.starts(with: Array("ID3".utf8)) {
            let size = Int(b[6] & 0x7F) << 21 | Int(b[7] & 0x7F) << 14 | Int(b[8] & 0x7F) << 7 | Int(b[9] & 0x7F)
            start = 10 + size
        }
        var i = start
        let end = min(b.count - 4, start + 4_096)
        while i < end {
            if b[i] == 0xFF, b[i + 1] & 0xE0 == 0xE0, let rate = bitRate(b[i + 1], b[i + 2]) {
                return Double(b.count - i) * 8 / Double(rate)
            }
            i += 1
        }
        return nil
    }

    /// Bits per second of a Layer III frame header, nil when the header is not valid.
    static func bitRate(_ b1: UInt8, _ b2: UInt8) -> Int? {
        let version = (b1 >> 3) & 0x03  // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        let layer = (b1 >> 1) & 0x03  // 1 = Layer III
        let index = Int(b2 >> 4)
        guard layer == 1, version != 1, (1...14).contains(index) else { return nil }
        let mpeg1 = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
        let mpeg2 = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
        return (version == 3 ? mpeg1 : mpeg2)[index - 1] * 1_000
    }
}
