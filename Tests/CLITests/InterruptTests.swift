import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGINT must end `run` and `check` promptly with the report of what finished:
/// a CI job cancelled mid-run still gets its partial report, and never waits on a call in flight.
@Suite(.serialized) struct InterruptTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/docverify")
    static var built: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// A loopback port whose listener never accepts: connections complete in the kernel's backlog
    /// and requests sent on them are never answered.
    final class SilentListener {
        let fd: Int32
        let port: Int

        init() throws {
            (fd, port) = try LoopbackListener.open(backlog: 128)
        }

        deinit { close(fd) }
    }

    struct Outcome {
        var status: Int32
        var seconds: Double
        var stdout: String
        var stderr: String
    }

    /// Starts docverify, waits `after` seconds, sends `signal`, and waits for it to exit (killing it
    /// after 20 s so a regression fails instead of hanging the suite). Output goes to files and the
    /// waits are off the concurrency pool: the test's own sleeps need its (two) threads.
    ///
    /// The tests allow 5 s from signal to exit: with the waits off the pool, loaded full-suite runs
    /// measured at most 1.3 s (`golden update`), so 5 s keeps a 3× margin (8 s was slack for the
    /// starved pool).
    static func interrupt(
        _ arguments: [String], environment extra: [String: String] = [:], after: Double, signal: Int32, mayFinishFirst: Bool = false
    ) async throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        for (key, value) in extra { environment[key] = value }
        let child = try ChildProcess(binary.path, arguments, environment: environment)
        try await Task.sleep(for: .seconds(after))
        // However long the start took on a loaded machine, the signal goes to the handler.
        let caught = try await SignalReadiness.waitUntilCaught(child.process, signal: signal, limit: 20)
        #expect(mayFinishFirst || child.isRunning, "docverify finished before the signal; the test proves nothing")
        #expect(mayFinishFirst || caught || !FileManager.default.fileExists(atPath: "/proc/self/status"), "docverify never took over the signal")
        let sent = Date()
        child.send(signal)
        // The exit is timed where it happens (the termination handler), not when this test next
        // gets a thread of the (busy) concurrency pool.
        // A death by the signal's default action reads as the bare signal number (15), not 143.
        let outcome = try await child.wait(timeout: 20)
        return Outcome(
            status: outcome.status, seconds: outcome.exitedAt.timeIntervalSince(sent),
            stdout: outcome.stdout, stderr: outcome.stderr)
    }

    @Test("SIGTERM during run against an endpoint that never answers: exit 143 within seconds, the partial report on stdout", .enabled(if: built))
    func runTerminated() async throws {
        let listener = try SilentListener()
        let docs = Self.packageRoot.appendingPathComponent("docs/examples").path
        let outcome = try await Self.interrupt(
            ["run", docs, "--endpoint", "http://127.0.0.1:\(listener.port)", "--jobs", "2"],
            environment: ["AZURE_OPENAI_API_KEY": "test-key"], after: 3, signal: SIGTERM)
        #expect(outcome.status == 143, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        // The report: the summary line, and the scenarios cut short listed as not run, with no
        // endpoint blamed for the calls the interruption aborted.
        #expect(outcome.stdout.contains(" scenarios: "))
        #expect(outcome.stdout.contains("not run: the run was interrupted"))
        #expect(!outcome.stdout.contains("endpoint-unreachable"))
        #expect(outcome.stderr.contains("SIGTERM"))
        withExtendedLifetime(listener) {}
    }

    @Test("SIGINT during run: exit 130 with the JSON report of what finished", .enabled(if: built))
    func runInterruptedJSON() async throws {
        let listener = try SilentListener()
        let docs = Self.packageRoot.appendingPathComponent("docs/examples").path
        let outcome = try await Self.interrupt(
            ["run", docs, "--endpoint", "http://127.0.0.1:\(listener.port)", "--format", "json"],
            environment: ["AZURE_OPENAI_API_KEY": "test-key"], after: 3, signal: SIGINT)
        #expect(outcome.status == 130, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        #expect(json is [String: Any] || json is [Any])
        #expect(outcome.stdout.contains("not run: the run was interrupted"))
        withExtendedLifetime(listener) {}
    }

    @Test("SIGTERM during check of many articles: exit 143, the checked ones reported, the rest named on stderr", .enabled(if: built))
    func checkTerminated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/examples/audio-chat-quickstart.md"), encoding: .utf8)
        let includes = Self.packageRoot.appendingPathComponent("docs/examples/includes")
        try FileManager.default.copyItem(at: includes, to: folder.appendingPathComponent("includes"))
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("docs/examples/zone-pivot-groups.yml"), to: folder.appendingPathComponent("zone-pivot-groups.yml"))
        for index in 0..<1_500 {
            try page.write(to: folder.appendingPathComponent(String(format: "page-%04d.md", index)), atomically: false, encoding: .utf8)
        }
        let outcome = try await Self.interrupt(["check", folder.path], after: 2, signal: SIGTERM)
        #expect(outcome.status == 143, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        #expect(outcome.stderr.contains("not checked: "))
        // The summary line of the report of the articles checked before the signal.
        #expect(outcome.stdout.contains(" checked: "))
    }
}
