/// A minimal FLAC writer: STREAMINFO plus frames whose one subframe is VERBATIM (uncompressed
/// samples). Bigger than real FLAC, but a valid stream every decoder plays, with no encoder needed.
enum FLACEncoding {
    static let blockSize = 4_096

    /// FLAC of mono 16-bit samples at `sampleRate` (given as little-endian PCM bytes).
    static func encode(pcm16LittleEndian pcm: [UInt8], sampleRate: Int) -> [UInt8] {
        let samples = stride(from: 0, to: pcm.count - 1, by: 2).map { Int16(bitPattern: UInt16(pcm[$0]) | UInt16(pcm[$0 + 1]) << 8) }
        var out = Array("fLaC".utf8)
        // Metadata block header: last block, type 0 (STREAMINFO), 34 bytes.
        out += [0x80, 0x00, 0x00, 34]
        var info = BitWriter()
        // Fixed-size blocks: minimum (the last block does not count) and maximum are the same.
        let size = UInt64(max(16, min(blockSize, samples.count)))
        info.write(size, bits: 16)
        info.write(size, bits: 16)
        info.write(0, bits: 24)  // min frame size: unknown
        info.write(0, bits: 24)  // max frame size: unknown
        info.write(UInt64(sampleRate), bits: 20)
        info.write(0, bits: 3)  // channels - 1
        info.write(15, bits: 5)  // bits per sample - 1
        info.write(UInt64(samples.count), bits: 36)
        info.write(0, bits: 64)  // MD5 of the audio: zero means "not computed"
        info.write(0, bits: 64)
        out += info.bytes
        var frameNumber: UInt64 = 0
        var start = 0
        while start < samples.count {
            let block = samples[start..<min(start + blockSize, samples.count)]
            out += frame(block, number: frameNumber, sampleRate: sampleRate)
            frameNumber += 1
            start += blockSize
        }
        return out
    }

    static func frame(_ samples: ArraySlice<Int16>, number: UInt64, sampleRate: Int) -> [UInt8] {
        var header: [UInt8] = [0xFF, 0xF8]  // sync code, fixed block size
        let rateCode: UInt8 = sampleRate == 24_000 ? 0x7 : 0x0  // 0: take the rate from STREAMINFO
        header.append(0x70 | rateCode)  // block size: 16-bit (size - 1) at the end of the header
        header.append(0x08)  // mono, 16 bits per sample
        header += utf8Number(number)
        let sizeMinusOne = UInt16(samples.count - 1)
        header += [UInt8(sizeMinusOne >> 8), UInt8(sizeMinusOne & 0xff)]
        header.append(crc8(header))
        var frame = header
        frame.append(0x02)  // subframe: VERBATIM, no wasted bits
        frame.reserveCapacity(frame.count + samples.count * 2 + 2)
        for sample in samples {
            let bits = UInt16(bitPattern: sample)
            frame.append(UInt8(bits >> 8))
            frame.append(UInt8(bits & 0xff))
        }
        let crc = crc16(frame)
        frame += [UInt8(crc >> 8), UInt8(crc & 0xff)]
        return frame
    }

    /// The frame number in FLAC's extended UTF-8 coding.
    static func utf8Number(_ value: UInt64) -> [UInt8] {
        if value < 0x80 { return [UInt8(value)] }
        var continuation: [UInt8] = []
        var rest = value
        var capacity: UInt64 = 0x1F  // payload bits left in the lead byte for two bytes
        var leadMask: UInt8 = 0xC0
        while true {
            continuation.insert(0x80 | UInt8(rest & 0x3F), at: 0)
            rest >>= 6
            if rest <= capacity { return [leadMask | UInt8(rest)] + continuation }
            capacity >>= 1
            leadMask = 0x80 | (leadMask >> 1)
        }
    }

    static func crc8(_ bytes: [UInt8]) -> UInt8 {
        var crc: UInt8 = 0
        for byte in bytes {
            crc ^= byte
            for _ in 0..<8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x07 : crc << 1 }
        }
        return crc
    }

    static func crc16(_ bytes: [UInt8]) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x8005 : crc << 1 }
        }
        return crc
    }
}

/// Big-endian bit packing for FLAC's STREAMINFO.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var current: UInt8 = 0
    private var used = 0

    mutating func write(_ value: UInt64, bits: Int) {
        for i in stride(from: bits - 1, through: 0, by: -1) {
            current = current << 1 | UInt8((value >> UInt64(i)) & 1)
            used += 1
            if used == 8 {
                bytes.append(current)
                current = 0
                used = 0
            }
        }
    }
}
