import Core
import Foundation

/// The whole-run deadline of `run --deadline SECONDS`: once it passes, no further call starts and
/// the calls in flight are cancelled, so a CI job gets the report of what finished in bounded time
/// whatever the endpoint does.
public struct RunDeadline: Sendable {
    /// The seconds the user gave, for messages.
    public var seconds: TimeInterval
    /// When the deadline passes.
    public var instant: ContinuousClock.Instant

    /// A deadline `seconds` from now.
    public init(seconds: TimeInterval, from start: ContinuousClock.Instant = .now) {
        self.seconds = seconds
        // `Duration` arithmetic traps on values it cannot represent; --deadline is validated, but a
        // library caller may pass anything, so clamp to a week.
        let bounded = seconds.isFinite ? min(max(seconds, 0), 604_800) : 604_800
        self.instant = start + .milliseconds(Int(checked: (bounded * 1000).rounded(.up)) ?? 604_800_000)
    }

    /// True once the deadline has passed.
    public var hasPassed: Bool { ContinuousClock.now >= instant }

    /// Runs `work`, cancelling it when the deadline passes first, and returns what it returned.
    /// `work` must return promptly once cancelled (the transport aborts transfers on cancellation),
    /// since its result is the report of what finished.
    func race<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let instant = instant
        return await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                // Cancelled (work finished first) or woken at the deadline: either way, say nothing.
                // Short naps that look at cancellation each time: a cancelled timer must end at
                // once even when it had not started sleeping yet (seen with a busy thread pool).
                while !Task.isCancelled, ContinuousClock.now < instant {
                    try? await Task.sleep(until: min(instant, .now + .milliseconds(200)), clock: .continuous)
                }
                return nil
            }
            var outcome: T?
            for await value in group {
                // The first arrival, work's result or the timer, ends the other one.
                group.cancelAll()
                if let value { outcome = value }
            }
            // The work task always returns a value, cancelled or not.
            return outcome!
        }
    }

    /// Why a scenario was not run or not finished, for its `reason`.
    var reason: String {
        "the run deadline (--deadline \(Self.format(seconds)) s) passed before it finished"
    }

    /// One `run-deadline` error naming the scenarios of a document the deadline cut short; nil when
    /// it cut none.
    func finding(file: String, results: [ScenarioResult]) -> Finding? {
        let cut = results.filter(\.cutByDeadline)
        guard let first = cut.first else { return nil }
        let names = cut.prefix(10).map(\.scenario.id).joined(separator: ", ")
        let more = cut.count > 10 ? " and \(cut.count - 10) more" : ""
        let location = first.calls.last?.location ?? first.scenario.samples.first?.sample.location
            ?? SourceLocation(file: file, line: 1)
        return Finding(
            rule: "run-deadline", severity: .error, location: location,
            message: "the run deadline of \(Self.format(seconds)) s passed; \(cut.count) scenario(s) were not run or were cancelled in flight: \(names)\(more); raise --deadline or run fewer documents at once")
    }

    private static func format(_ seconds: TimeInterval) -> String {
        Int(checked: seconds).map(String.init) ?? String(seconds)
    }
}
