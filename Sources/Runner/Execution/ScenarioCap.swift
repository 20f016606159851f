import Core

/// The bound on how many scenarios one `run` executes (`--max-scenarios`): a folder of generated
/// pages, or one page with thousands of pivots × sections × tabs, must not turn a CI job into
/// hours of calls. Scenarios are taken in document and plan order; those past the cap are reported
/// skipped, and one warning, at the first scenario not run, says how many were.
public struct ScenarioCap: Sendable {
    /// Ten thousand: the largest real quickstart has tens of scenarios, a whole docset hundreds.
    public static let defaultMaxScenarios = 10_000

    public var maxScenarios: Int
    /// How many scenarios each document may run, in document order.
    public private(set) var allowed: [Int] = []
    /// Scenarios left out in the whole run.
    public private(set) var skipped = 0
    /// The first document that loses scenarios to the cap (it carries the warning).
    public private(set) var firstCut: Int?

    /// Shares `maxScenarios` among documents planned with `counts` scenarios each, first come
    /// first served.
    public init(counts: [Int], maxScenarios: Int) {
        self.maxScenarios = maxScenarios
        var left = max(0, maxScenarios)
        for (index, count) in counts.enumerated() {
            let take = min(count, left)
            allowed.append(take)
            left -= take
            if take < count {
                skipped += count - take
                if firstCut == nil { firstCut = index }
            }
        }
    }

    /// The reason a scenario past the cap carries.
    public var reason: String {
        "not run: the run reached its cap of \(maxScenarios) scenarios (--max-scenarios)"
    }

    /// The one `scenario-limit` warning of the run, at `location` (the first scenario not run).
    func finding(at location: SourceLocation, inDocument planned: Int, run allowedHere: Int) -> Finding {
        Finding(
            rule: "scenario-limit", severity: .warning, location: location,
            message: "this run stops at \(maxScenarios) scenarios (--max-scenarios), so \(skipped) scenario(s) were not run, "
                + "from here on (\(planned - allowedHere) of this article's \(planned)); raise --max-scenarios or run fewer articles at once")
    }
}
