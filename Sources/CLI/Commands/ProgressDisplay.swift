import Foundation
import Runner
import Synchronization

/// A one-line progress display on a terminal's stderr: scenarios planned, running, done. Silent in CI
/// (`CI=true`), when stderr is not a TTY, and with `--format json`.
final class ProgressDisplay: Sendable {
    private struct State {
        var planned = 0
        var running = 0
        var done = 0
    }

    private let enabled: Bool
    private let state = Mutex(State())

    init(enabled: Bool) {
        self.enabled = enabled
    }

    static var isInteractive: Bool {
        ProcessInfo.processInfo.environment["CI"].map { $0.isEmpty || $0 == "false" } ?? true && isatty(2) == 1
    }

    func update(_ event: RunProgress) {
        guard enabled else { return }
        let line = state.withLock { s -> String in
            switch event {
            case .planned(let n): s.planned += n
            case .started: s.running += 1
            case .finished: s.running = max(0, s.running - 1); s.done += 1
            }
            return "\r\u{1B}[2Kscenarios: \(s.done)/\(s.planned) done, \(s.running) running"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
