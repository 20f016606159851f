/// Lets at most `limit` transfers run at once; the rest wait in arrival order.
actor TransferLimiter {
    let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a free slot and takes it. Pair with `release()`.
    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        // The slot is handed over by `release()`, which leaves `running` unchanged.
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `work` while holding a slot.
    func withSlot<T: Sendable>(_ work: @Sendable () async -> T) async -> T {
        await acquire()
        let result = await work()
        release()
        return result
    }
}
