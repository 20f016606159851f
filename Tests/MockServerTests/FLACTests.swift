import Testing

@testable import MockServer

/// Reads back the FLAC the mock writes (STREAMINFO + VERBATIM frames), checking every CRC.
enum FLACReader {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// The samples as little-endian 16-bit PCM bytes.
    static func samples(_ bytes: [UInt8]) throws -> [UInt8] {
        guard bytes.count > 42, Array(bytes[0..<4]) == Array("fLaC".utf8) else { throw Invalid("no fLaC marker") }
        guard bytes[4] == 0x80, bytes[7] == 34 else { throw Invalid("expected one STREAMINFO block") }
        let info = Array(bytes[8..<42])
        let sampleRate = Int(info[10]) << 12 | Int(info[11]) << 4 | Int(info[12]) >> 4
        let channels = Int((info[12] >> 1) & 0x7) + 1
        let bits = Int((info[12] & 1) << 4 | info[13] >> 4) + 1
        let total = Int(info[13] & 0xF) << 32 | Int(info[14]) << 24 | Int(info[15]) << 16 | Int(info[16]) << 8 | Int(info[17])
        guard sampleRate == 24_000, channels == 1, bits == 16 else { throw Invalid("STREAMINFO says \(sampleRate) Hz, \(channels) ch, \(bits) bit") }
        var pcm: [UInt8] = []
        var offset = 42
        var frame = 0
        while offset < bytes.count {
            guard bytes[offset] == 0xFF, bytes[offset + 1] == 0xF8, bytes[offset + 2] == 0x77, bytes[offset + 3] == 0x08 else {
                throw Invalid("bad frame header at \(offset)")
            }
            // Frame numbers below 128 take one byte.
            guard Int(bytes[offset + 4]) == frame else { throw Invalid("frame \(frame) numbered \(bytes[offset + 4])") }
            let count = (Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6])) + 1
            guard FLACEncoding.crc8(Array(bytes[offset..<offset + 7])) == bytes[offset + 7] else { throw Invalid("header CRC of frame \(frame)") }
            guard bytes[offset + 8] == 0x02 else { throw Invalid("subframe of frame \(frame) is not VERBATIM") }
            let end = offset + 9 + 2 * count
            let crc = UInt16(bytes[end]) << 8 | UInt16(bytes[end + 1])
            guard FLACEncoding.crc16(Array(bytes[offset..<end])) == crc else { throw Invalid("frame CRC of frame \(frame)") }
            for i in stride(from: offset + 9, to: end, by: 2) { pcm += [bytes[i + 1], bytes[i]] }
            offset = end + 2
            frame += 1
        }
        guard pcm.count == total * 2 else { throw Invalid("STREAMINFO says \(total) samples, frames hold \(pcm.count / 2)") }
        return pcm
    }
}

@Suite("FLAC writer")
struct FLACTests {
    @Test("CRC-8 and CRC-16 match the standard check values for \"123456789\"")
    func crcCheckValues() {
        let check = Array("123456789".utf8)
        #expect(FLACEncoding.crc8(check) == 0xF4)  // CRC-8, polynomial 0x07
        #expect(FLACEncoding.crc16(check) == 0xFEE8)  // CRC-16/UMTS, polynomial 0x8005
    }

    @Test("frame numbers use FLAC's extended UTF-8 coding")
    func frameNumbers() {
        #expect(FLACEncoding.utf8Number(0) == [0x00])
        #expect(FLACEncoding.utf8Number(0x7F) == [0x7F])
        #expect(FLACEncoding.utf8Number(0x80) == [0xC2, 0x80])
        #expect(FLACEncoding.utf8Number(0x7FF) == [0xDF, 0xBF])
        #expect(FLACEncoding.utf8Number(0x800) == [0xE0, 0xA0, 0x80])
    }

    @Test("a stream of several frames reads back to its samples")
    func roundTrip() throws {
        let pcm = AudioSynthesis.pcm16(seed: 3, milliseconds: 1_000)  // 24 000 samples: 6 frames, the last short
        let flac = FLACEncoding.encode(pcm16LittleEndian: pcm, sampleRate: 24_000)
        #expect(try FLACReader.samples(flac) == pcm)
    }
}
