import Core
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tests' child-process helper: bounded waits that leave the concurrency pool free.
@Suite struct ChildProcessTests {
    @Test func aFinishedChildGivesItsStatusAndBothStreams() async throws {
        let outcome = try await ChildProcess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], timeout: 60)
        #expect(outcome.status == 3)
        #expect(!outcome.signaled)
        #expect(outcome.stdout == "out\n")
        #expect(outcome.stderr == "err\n")
    }

    @Test func aHungChildIsKilledAndTheErrorCarriesWhatItPrinted() async throws {
        let started = Date()
        let child = try ChildProcess("/bin/sh", ["-c", "echo before the hang; exec sleep 600"])
        do {
            _ = try await child.wait(timeout: 1)
            Issue.record("a child sleeping 600 s finished within 1 s")
        } catch let timeout as ChildProcessTimeout {
            #expect(timeout.description.contains("before the hang"))
            #expect(timeout.description.contains("did not finish within 1 s"))
        }
        #expect(!child.isRunning)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func theFirstLineOfAServerIsReadWithoutWaitingForItsEnd() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "echo http://127.0.0.1:1234; exec sleep 600"])
        #expect(try await child.firstLine(timeout: 60) == "http://127.0.0.1:1234")
        // SIGKILL: a child spawned from a pool thread inherits that thread's blocked signal mask,
        // where SIGTERM stays pending for a `sleep` that installs no handler.
        let outcome = try #require(await child.stop(SIGKILL))
        #expect(outcome.signaled)
        #expect(outcome.status == SIGKILL)
    }

    @Test func aChildThatExitsSilentlyEndsTheFirstLineWait() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "echo oops >&2; exit 1"])
        await #expect(throws: ChildProcessEnded.self) { try await child.firstLine(timeout: 60) }
    }

    /// Four children waited for at once, twice the pool's width on this machine: a ticker on the
    /// pool keeps ticking meanwhile. Waits that blocked pool threads would stop it until the first
    /// child exits.
    @Test func waitsLeaveThePoolFree() async throws {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount) * 2
        let children = try (0..<width).map { _ in try ChildProcess("/bin/sleep", ["3"]) }
        let ticks = LockedValue<[Date]>([])
        let firstExit = LockedValue<Date?>(nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for child in children {
                group.addTask {
                    let outcome = try await child.wait(timeout: 120)
                    firstExit.withLock { $0 = min($0 ?? outcome.exitedAt, outcome.exitedAt) }
                }
            }
            group.addTask {
                while children.contains(where: \.isRunning) {
                    ticks.withLock { $0.append(Date()) }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            try await group.waitForAll()
        }
        let end = try #require(firstExit.withLock { $0 })
        let whileAllWaited = ticks.withLock { $0.filter { $0 < end } }
        #expect(whileAllWaited.count >= 10, "\(whileAllWaited.count) ticks while every child was waited for")
    }
}
