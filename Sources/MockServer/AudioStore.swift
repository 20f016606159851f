import Foundation

/// Audio answers the mock has given, so a later turn can refer to one by `audio.id`.
actor AudioStore {
    struct Entry: Sendable {
        var transcript: String
        var expiresAt: Int
    }

    private var entries: [String: Entry] = [:]
    private var issued: UInt64 = 0

    /// A new id, unique within this server and derived from the request, so runs are repeatable.
    func issueID(requestHash: UInt64) -> String {
        issued += 1
        var hash = FNV1a64()
        hash.combine(requestHash.paddedHex)
        hash.combine(String(issued))
        return "audio_" + hash.value.paddedHex + requestHash.paddedHex.prefix(8)
    }

    func remember(id: String, transcript: String, expiresAt: Int) {
        entries[id] = Entry(transcript: transcript, expiresAt: expiresAt)
    }

    /// The entry for `id` if it exists and has not expired at `now` (Unix seconds).
    func lookup(_ id: String, now: Int) -> Entry? {
        guard let entry = entries[id], entry.expiresAt > now else { return nil }
        return entry
    }
}
