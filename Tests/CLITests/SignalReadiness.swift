import Foundation

/// Whether a child process has taken a signal over yet, read from its `/proc/PID/status` (Linux).
///
/// A signal sent before docverify installs its handler kills it with the default action (status
/// 15, no report), which a loaded machine makes likely when the test only sleeps a fixed time
/// after starting the process: the test must wait for the handler, not for the clock.
enum SignalReadiness {
    /// Waits until `process` catches `signal` (its SigCgt mask has the bit), for at most `limit`
    /// seconds. False when it stopped running first, on timeout, or where there is no `/proc`.
    static func waitUntilCaught(_ process: Process, signal: Int32, limit: Double) async throws -> Bool {
        let path = "/proc/\(process.processIdentifier)/status"
        let start = Date()
        while process.isRunning, Date().timeIntervalSince(start) < limit {
            guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
            if catches(signal, status: status) { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Whether the SigCgt line of a `/proc/PID/status` text has the bit of `signal`.
    static func catches(_ signal: Int32, status: String) -> Bool {
        guard signal >= 1, signal <= 64,
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (UInt64(1) << UInt64(signal - 1)) != 0
    }
}
