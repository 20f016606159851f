import Foundation

/// Maps items on every core and hands the results back in the input order, so output built from
/// them is byte-for-byte the same as a serial run's.
///
/// Workers take the next unclaimed index one at a time: articles differ widely in cost (a page
/// with twenty samples next to an include), so fixed chunks would leave a core idle.
public enum OrderedParallelMap {
    /// Below this many items the threads cost more than they save.
    public static let minimumParallelCount = 4

    /// `transform` applied to each item, results in input order.
    /// - Parameter width: how many workers at most; the active processor count by default.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let workers = min(max(width, 1), items.count)
        guard workers > 1, items.count >= minimumParallelCount else { return items.map(transform) }
        let next = LockedValue(0)
        let done = LockedValue([(Int, Result)]())
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var mine: [(Int, Result)] = []
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < items.count else { break }
                mine.append((index, transform(items[index])))
            }
            done.withLock { $0 += mine }
        }
        return done.withLock { pairs in pairs.sorted { $0.0 < $1.0 }.map(\.1) }
    }
}

/// A value behind a lock, shared between threads. (`Synchronization.Mutex` needs macOS 15; the
/// package supports macOS 14.)
public final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; keep `body` short and free of other locks.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
