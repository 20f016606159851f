/// Decides which requests get an injected fault. Each request draws the next number of a seeded
/// sequence, so a run with the same seed and request order sees the same faults.
actor FaultInjector {
    private let rules: [FaultRule]
    private var random: SplitMix64

    init(rules: [FaultRule], seed: UInt64) {
        self.rules = rules
        self.random = SplitMix64(seed: seed)
    }

    /// The status to answer instead of the real answer, or nil. Rules share one draw: with
    /// `429@0.2` and `503@0.1`, draws below 0.2 give 429 and draws in [0.2, 0.3) give 503.
    func nextFault() -> Int? {
        guard !rules.isEmpty else { return nil }
        let draw = random.nextUnit()
        var threshold = 0.0
        for rule in rules {
            threshold += rule.rate
            if draw < threshold { return rule.status }
        }
        return nil
    }
}
