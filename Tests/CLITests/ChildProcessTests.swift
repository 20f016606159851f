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
        let child = try ChildProcess("/bin/sh", ["-c", "echo before the hang; exec sleep 600"])
        do {
            _ = try await child.wait(timeout: 1)
            Issue.record("a child sleeping 600 s finished within 1 s")
        } catch let timeout as ChildProcessTimeout {
            #expect(timeout.description.contains("before the hang"))
            #expect(timeout.description.contains("did not finish within 1 s"))
        }
        #expect(!child.isRunning)
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

    /// Twice as many children as the pool has threads, each running until the test releases it,
    /// all waited for at once; the release comes from another task on the pool. Waits that blocked
    /// pool threads would leave no thread to release them: the children would run into their
    /// timeout and the test fail. (Liveness, not a time bound: a loaded full suite may take long to
    /// get to the releasing task, and that is no failure.)
    @Test func waitsLeaveThePoolFree() async throws {
        let release = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-release-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: release) }
        let count = max(2, ProcessInfo.processInfo.activeProcessorCount) * 2
        let children = try (0..<count).map { _ in
            try ChildProcess("/bin/sh", ["-c", "while [ ! -e '\(release.path)' ]; do sleep 0.05; done; echo released"])
        }
        let waiting = LockedValue(0)
        let outcomes = try await withThrowingTaskGroup(of: ChildProcess.Outcome?.self) { group in
            for child in children {
                group.addTask {
                    waiting.withLock { $0 += 1 }
                    return try await child.wait(timeout: 600)
                }
            }
            group.addTask {
                // Only once every wait has begun: a blocking wait holds its thread from then on.
                while waiting.withLock({ $0 }) < count { try await Task.sleep(for: .milliseconds(20)) }
                FileManager.default.createFile(atPath: release.path, contents: nil)
                return nil
            }
            return try await group.reduce(into: [ChildProcess.Outcome]()) { if let outcome = $1 { $0.append(outcome) } }
        }
        #expect(outcomes.count == count)
        #expect(outcomes.allSatisfy { $0.status == 0 && $0.stdout == "released\n" })
    }
}
