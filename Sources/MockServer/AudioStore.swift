import Foundation

/// Audio answers the mock has given, so a later turn can refer to one by `audio.id`. Bounded: at
/// most `capacity` ids, least recently used dropped first, and expired entries pruned on every write.
actor AudioStore {
    struct Entry: Sendable {
        var transcript: String
        var expiresAt: Int
    }

    private var entries: BoundedStore<Entry>
    private var issued: UInt64 = 0

    init(capacity: Int = 1_000) { entries = BoundedStore(capacity: capacity) }

    /// A new id, unique within this server and derived from the request, so runs are repeatable.
    func issueID(requestHash: UInt64) -> String {
        issued += 1
        var hash = FNV1a64()
        hash.combine(requestHash.paddedHex)
        hash.combine(String(issued))
        return "audio_" + hash.value.paddedHex + requestHash.paddedHex.prefix(8)
    }

    func remember(id: String, transcript: String, expiresAt: Int, now: Int = Int(Date().timeIntervalSince1970)) {
        entries.removeAll { $0.expiresAt <= now }
        entries.set(id, Entry(transcript: transcript, expiresAt: expiresAt))
    }

    /// The entry for `id` if it exists and has not expired at `now` (Unix seconds).
    func lookup(_ id: String, now: Int) -> Entry? {
        guard let entry = entries.get(id), entry.expiresAt > now else { return nil }
        return entry
    }

    var count: Int { entries.count }
}
