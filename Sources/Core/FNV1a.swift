/// 64-bit FNV-1a: a small hash that, unlike Swift's `Hasher` (seeded per process), is the same in
/// every run and on every machine — for fingerprints, shards and seeds derived from names.
public enum FNV1a {
    public static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
