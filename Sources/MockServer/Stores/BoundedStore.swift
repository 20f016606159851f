/// A map that keeps at most `capacity` entries, dropping the least recently used one when full.
///
/// Every store of the mock (audio ids, uploaded files, images, assistants, threads, runs) is one of
/// these, so a long-running `docverify mock serve` holds bounded memory however many requests it gets.
/// A value type: the owning actor serialises access.
struct BoundedStore<Value: Sendable>: Sendable {
    let capacity: Int
    private var values: [String: Value] = [:]
    /// Recency: a larger tick is more recent.
    private var ticks: [String: UInt64] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { values.count }

    /// The value for `key`, marking it used.
    mutating func get(_ key: String) -> Value? {
        guard let value = values[key] else { return nil }
        touch(key)
        return value
    }

    /// The value without changing recency (for listings).
    func peek(_ key: String) -> Value? { values[key] }

    /// Stores `value`, evicting the least recently used entry when over capacity; returns the
    /// evicted key.
    @discardableResult
    mutating func set(_ key: String, _ value: Value) -> String? {
        values[key] = value
        touch(key)
        guard values.count > capacity, let oldest = ticks.min(by: { $0.value < $1.value })?.key else { return nil }
        values[oldest] = nil
        ticks[oldest] = nil
        return oldest
    }

    @discardableResult
    mutating func remove(_ key: String) -> Value? {
        ticks[key] = nil
        return values.removeValue(forKey: key)
    }

    /// Entries in insertion-independent order of recency, oldest first.
    var keysByRecency: [String] { ticks.sorted { $0.value < $1.value }.map(\.key) }

    var allValues: [Value] { keysByRecency.compactMap { values[$0] } }

    /// Drops every entry `isExpired` says is stale.
    mutating func removeAll(where isExpired: (Value) -> Bool) {
        for (key, value) in values where isExpired(value) { remove(key) }
    }

    private mutating func touch(_ key: String) {
        clock += 1
        ticks[key] = clock
    }
}
