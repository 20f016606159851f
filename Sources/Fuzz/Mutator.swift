/// SplitMix64: a seeded generator, so input `i` of a run can be made again from the seed alone.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes inputs from seeds by a few random edits: the kinds of damage that broke parsers before
/// (truncation, deletion, repeated openers, spliced constructs, huge numbers).
struct Mutator {
    var seeds: [[UInt8]]
    var dictionary: [[UInt8]]
    /// Inputs are kept under this size, so a run stays fast.
    var maxLength = 64 * 1024
    /// Most copies of a token one edit repeats (nesting depth); smaller for quick smoke runs.
    var maxRepeat = 3000

    func input(number: UInt64, runSeed: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: runSeed &* 0x1000_0000_01B3 ^ number)
        var bytes = seeds[Int(rng.next() % UInt64(seeds.count))]
        let edits = 1 + Int(rng.next() % 6)
        for _ in 0..<edits { mutate(&bytes, &rng) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
        switch rng.next() % 9 {
        case 0:  // truncate
            if !bytes.isEmpty { bytes.removeLast(bytes.count - at) }
        case 1:  // delete a range
            let length = min(bytes.count - at, 1 + Int(rng.next() % 16))
            if length > 0 { bytes.removeSubrange(at..<(at + length)) }
        case 2:  // flip a byte
            if at < bytes.count { bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8)) }
        case 3:  // insert a random byte (ASCII mostly: parsers branch on it)
            let byte = rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : UInt8(32 + rng.next() % 95)
            bytes.insert(byte, at: at)
        case 4, 5:  // splice a dictionary token
            let token = dictionary[Int(rng.next() % UInt64(dictionary.count))]
            bytes.insert(contentsOf: token, at: at)
        case 6:  // repeat a token many times: nesting
            let token = dictionary[Int(rng.next() % UInt64(dictionary.count))]
            let count = 1 + Int(rng.next() % UInt64(max(1, maxRepeat)))
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: at)
        case 7:  // duplicate a chunk of the input
            guard !bytes.isEmpty else { return }
            let start = Int(rng.next() % UInt64(bytes.count))
            let length = min(bytes.count - start, 1 + Int(rng.next() % 256))
            bytes.insert(contentsOf: Array(bytes[start..<(start + length)]), at: at)
        default:  // splice part of another seed
            let other = seeds[Int(rng.next() % UInt64(seeds.count))]
            guard !other.isEmpty else { return }
            let start = Int(rng.next() % UInt64(other.count))
            let length = min(other.count - start, 1 + Int(rng.next() % 512))
            bytes.insert(contentsOf: other[start..<(start + length)], at: at)
        }
    }
}
