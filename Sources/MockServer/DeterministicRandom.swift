/// FNV-1a, 64 bit: a small, dependency-free hash. The mock only needs "same input → same output"
/// and good spreading, not cryptographic strength, so swift-crypto is not worth a dependency.
struct FNV1a64: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    mutating func combine(_ text: String) { combine(text.utf8) }

    static func hash(_ text: String) -> UInt64 {
        var h = FNV1a64()
        h.combine(text)
        return h.value
    }
}

/// SplitMix64: a tiny seeded generator whose sequence depends only on the seed, so audio samples
/// and fault decisions are reproducible across runs and platforms.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A double uniformly in [0, 1), from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}

extension UInt64 {
    /// 16 lowercase hex digits, zero-padded: stable ids.
    var paddedHex: String {
        let digits = String(self, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
