/// A real PNG of any size without a compression library: horizontal colour bands chosen by a
/// seed, each row "Sub"-filtered so it is one colour followed by zeros, and those zero runs written
/// as DEFLATE distance-1 matches with fixed Huffman codes. A 1024×1024 image is a few KB.
enum PNGEncoding {
    static func bands(width: Int, height: Int, seed: UInt64, bandCount: Int = 8) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let colours: [[UInt8]] = (0..<max(1, bandCount)).map { _ in
            let v = random.next()
            return [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v >> 16)]
        }
        var deflate = FixedHuffmanWriter()
        let bandHeight = max(1, (height + colours.count - 1) / colours.count)
        for row in 0..<height {
            let colour = colours[min(colours.count - 1, row / bandHeight)]
            deflate.literal(1)  // filter type Sub
            for byte in colour { deflate.literal(Int(byte)) }
            deflate.zeros(3 * (width - 1))
        }
        let compressed = deflate.finish()

        var raw = Adler32()
        for row in 0..<height {
            let colour = colours[min(colours.count - 1, row / bandHeight)]
            raw.update([1] + colour)
            raw.updateZeros(3 * (width - 1))
        }
        var zlib: [UInt8] = [0x78, 0x01]
        zlib += compressed
        zlib.appendBigEndian(raw.value)

        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr += [8, 2, 0, 0, 0]  // 8-bit RGB, deflate, adaptive filtering, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", ihdr)
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        out += typed
        out.appendBigEndian(CRC32.checksum(typed))
        return out
    }

    /// Width and height from a PNG's IHDR (for tests and for describing uploads).
    static func size(of png: [UInt8]) -> (width: Int, height: Int)? {
        guard png.count >= 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47]), Array(png[12..<16]) == Array("IHDR".utf8) else { return nil }
        func u32(_ at: Int) -> Int { Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3]) }
        return (u32(16), u32(20))
    }
}

/// DEFLATE with one final block of fixed Huffman codes (RFC 1951 §3.2.6).
struct FixedHuffmanWriter {
    private var bytes: [UInt8] = []
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0

    init() { writeBits(0b011, count: 3) }  // BFINAL = 1, BTYPE = 01

    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    mutating func literal(_ value: Int) { symbol(value) }

    /// `count` zero bytes: one literal, then copies of the previous byte (distance 1).
    mutating func zeros(_ count: Int) {
        guard count > 0 else { return }
        literal(0)
        var left = count - 1
        while left > 0 {
            if left < 3 {
                for _ in 0..<left { literal(0) }
                return
            }
            // Leave at least 3 for a final match rather than 1 or 2 literals.
            var length = min(258, left)
            if (1...2).contains(left - length) { length = left - 3 }
            match(length: length)
            left -= length
        }
    }

    mutating func match(length: Int) {
        var index = Self.lengthBases.count - 1
        while Self.lengthBases[index] > length { index -= 1 }
        symbol(257 + index)
        writeBits(UInt64(length - Self.lengthBases[index]), count: Self.lengthExtra[index])
        writeHuffman(0, length: 5)  // distance code 0 = distance 1, no extra bits
    }

    mutating func finish() -> [UInt8] {
        symbol(256)
        if bitCount > 0 { bytes.append(UInt8(truncatingIfNeeded: bitBuffer)) }
        bitBuffer = 0
        bitCount = 0
        return bytes
    }

    private mutating func symbol(_ value: Int) {
        switch value {
        case 0...143: writeHuffman(0x30 + value, length: 8)
        case 144...255: writeHuffman(0x190 + value - 144, length: 9)
        case 256...279: writeHuffman(value - 256, length: 7)
        default: writeHuffman(0xC0 + value - 280, length: 8)
        }
    }

    /// Huffman codes go most significant bit first into the LSB-first stream.
    private mutating func writeHuffman(_ code: Int, length: Int) {
        var reversed = 0
        for i in 0..<length where code & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
        writeBits(UInt64(reversed), count: length)
    }

    private mutating func writeBits(_ value: UInt64, count: Int) {
        bitBuffer |= value << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: bitBuffer))
            bitBuffer >>= 8
            bitCount -= 8
        }
    }
}

struct Adler32 {
    private var a: UInt32 = 1
    private var b: UInt32 = 0
    var value: UInt32 { b << 16 | a }

    mutating func update(_ bytes: [UInt8]) {
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
    }

    /// Zeros leave `a` unchanged and add it to `b` once each.
    mutating func updateZeros(_ count: Int) {
        b = UInt32((UInt64(b) + UInt64(a) * UInt64(count)) % 65_521)
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.bigEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}
