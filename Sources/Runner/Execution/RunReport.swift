import Core

/// Everything `docverify run` learned about one document.
public struct RunReport: Sendable {
    public var file: String
    public var title: String?
    public var scenarios: [ScenarioResult]
    /// Static findings (parse, extraction, request checks) that apply to the document.
    public var staticFindings: [Finding]

    public init(file: String, title: String?, scenarios: [ScenarioResult], staticFindings: [Finding]) {
        self.file = file
        self.title = title
        self.scenarios = scenarios
        self.staticFindings = staticFindings
    }

    /// Static findings first, then each scenario's, without repeats, in reading order.
    public var findings: [Finding] {
        var seen = Set<Finding>()
        var out: [Finding] = []
        for f in staticFindings + scenarios.flatMap(\.findings) where seen.insert(f).inserted { out.append(f) }
        return out.sortedForReport()
    }

    public var summary: RunSummary {
        RunSummary(
            scenarios: scenarios.count,
            passed: scenarios.filter { $0.status == .passed }.count,
            failed: scenarios.filter { $0.status == .failed }.count,
            skipped: scenarios.filter { $0.status == .skipped }.count)
    }
}

/// Scenario counts of a run.
public struct RunSummary: Sendable, Codable, Hashable {
    public var scenarios: Int
    public var passed: Int
    public var failed: Int
    public var skipped: Int

    public init(scenarios: Int, passed: Int, failed: Int, skipped: Int) {
        self.scenarios = scenarios
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }

    public static func + (a: RunSummary, b: RunSummary) -> RunSummary {
        RunSummary(scenarios: a.scenarios + b.scenarios, passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped)
    }
}
