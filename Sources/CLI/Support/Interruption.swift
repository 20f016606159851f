import ArgumentParser
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM during `check`, `run`, `list`, `limits`, `drift` and `golden update`: stop at the next document or scenario, abort calls
/// in flight, and print the report of what finished, then exit 130 (SIGINT) or 143 (SIGTERM).
///
/// The signal is taken by a dispatch source, not a C handler, so the work it starts (cancelling a
/// task) may do anything. A second signal, or work that does not stop within ``grace``, ends the
/// process at once with the same status and no report: Ctrl+C always works.
final class Interruption: Sendable {
    /// Seconds the work has to stop and print its report after the first signal.
    static let grace: Double = 10

    /// A queue of its own: a created queue gets a thread even while `concurrentPerform` holds
    /// every worker of the global pool (a parallel check), so the signal is seen at once.
    private static let signalQueue = DispatchQueue(label: "docverify.interruption")

    /// The installed instance of this process (`check` and `run` install one each).
    private static let current = Mutex<Interruption?>(nil)

    private let received = Mutex<Int32?>(nil)
    private let onInterrupt: @Sendable (Int32) -> Void
    // Dispatch sources are not Sendable; they are only created and kept here, never touched again.
    private nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []

    private init(onInterrupt: @escaping @Sendable (Int32) -> Void) {
        self.onInterrupt = onInterrupt
    }

    /// Takes over SIGINT and SIGTERM until the process ends; `onInterrupt` runs once, on the first.
    @discardableResult
    static func install(onInterrupt: @escaping @Sendable (Int32) -> Void = { _ in }) -> Interruption {
        let interruption = Interruption(onInterrupt: onInterrupt)
        for number in [SIGINT, SIGTERM] {
            #if canImport(Glibc)
            Glibc.signal(number, SIG_IGN)
            #else
            Darwin.signal(number, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler { interruption.receive(number) }
            source.resume()
            interruption.sources.append(source)
        }
        current.withLock { $0 = interruption }
        return interruption
    }

    /// The signal received, if any, on the installed instance (nil when none is installed).
    static var requested: Int32? { current.withLock { $0 }?.signal }

    /// The first signal received, or nil.
    var signal: Int32? { received.withLock { $0 } }

    /// The exit status for an interrupted run: 128 + the signal number (130, 143).
    var exitStatus: Int32? { signal.map { 128 + $0 } }

    /// After the partial output is printed: ends an interrupted command with 130 or 143, saying
    /// on standard error what the output leaves out. Does nothing when no signal came.
    func exitIfInterrupted(_ leftOut: String) throws {
        guard let status = exitStatus else { return }
        FileHandle.standardError.write(Data("docverify: interrupted: \(leftOut)\n".utf8))
        fflush(nil)
        throw ExitCode(status)
    }

    /// Runs `work` as a task that SIGINT / SIGTERM cancel (calls in flight are aborted, later
    /// steps not started), for the async commands; returns its value and the installed instance.
    static func cancelling<Output: Sendable>(_ work: @escaping @Sendable () async throws -> Output) async throws -> (Output, Interruption) {
        let task = Task { try await work() }
        let interruption = install { _ in task.cancel() }
        return (try await task.value, interruption)
    }

    private func receive(_ number: Int32) {
        let first = received.withLock { current -> Bool in
            guard current == nil else { return false }
            current = number
            return true
        }
        guard first else { Self.stopNow(number, "a second signal") }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        FileHandle.standardError.write(Data("docverify: \(name) received; stopping and reporting what finished (send it again to stop at once)\n".utf8))
        onInterrupt(number)
        Self.signalQueue.asyncAfter(deadline: .now() + Self.grace) { Self.stopNow(number, "no report within \(Int(Self.grace)) seconds") }
    }

    private static func stopNow(_ number: Int32, _ why: String) -> Never {
        FileHandle.standardError.write(Data("docverify: interrupted (\(why)); stopped without a report\n".utf8))
        fflush(nil)
        _exit(128 + number)
    }
}
