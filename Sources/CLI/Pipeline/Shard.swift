import Core
/// `--shard k/n`: a deterministic partition of the articles by path, so a CI matrix of n jobs
/// checks each article exactly once.
struct Shard: Equatable {
    /// 1-based: `1/3` is the first of three.
    var index: Int
    var count: Int

    /// Reads `k/n` with 1 ≤ k ≤ n.
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    /// Whether the article at `relativePath` (relative to its docs root, so every machine agrees)
    /// belongs to this shard. FNV-1a of the path spreads neighbours over the shards.
    func contains(_ relativePath: String) -> Bool {
        Int(FNV1a.hash(relativePath) % UInt64(count)) == index - 1
    }
}
