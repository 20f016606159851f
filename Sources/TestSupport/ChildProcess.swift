import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started by a test (the docverify binary, git, openssl, python, chromium), with a
/// bounded wait that holds no thread of the concurrency pool.
///
/// Its stdout and stderr go to files, never pipes: nothing has to drain them while it runs (a full
/// pipe would stop the child), and what it printed can be read at any moment, also after a kill.
/// A child that outlives its time is ended (SIGTERM, then SIGKILL) and the wait throws an error
/// carrying what it printed, so a hung child fails its test instead of hanging the suite.
///
/// Spawned from a thread of the pool, a child inherits that thread's signal mask, in which most
/// signals are blocked: a child without handlers of its own (`sleep`) ignores SIGTERM and SIGINT
/// until it unblocks them, hence the SIGKILL after the SIGTERM of a timeout.
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    public struct Outcome: Sendable {
        /// The exit status, or the signal number when `signaled`.
        public var status: Int32
        /// True when a signal ended it.
        public var signaled: Bool
        /// When it exited, taken where the exit is seen (not when the test next gets a thread).
        public var exitedAt: Date
        public var stdout: String
        public var stderr: String
        /// Both streams, labelled, for failure messages.
        public var output: String { "stdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// The underlying process (its pid, `isRunning`).
    public let process: Process
    /// The command line, for messages.
    public let command: String
    private let folder: URL
    private let outURL: URL
    private let errURL: URL
    private let exited = DispatchSemaphore(value: 0)
    private let exitDate = ExitDate()

    /// Written by the termination handler, read by the waiter (a box, so the handler need not hold
    /// the child and its process in a cycle).
    private final class ExitDate: @unchecked Sendable {
        private let lock = NSLock()
        private var date: Date?
        func set() { lock.withLock { date = Date() } }
        var value: Date? { lock.withLock { date } }
    }

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits the test's.
    ///   - directory: its working directory; nil inherits the test's.
    ///   - stdin: what it reads; nil is /dev/null (a child waiting on a terminal would hang).
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                directory: URL? = nil, stdin: FileHandle? = nil) throws {
        process = Process()
        command = ([executable] + arguments).joined(separator: " ")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.terminationHandler = { [exitDate, exited] _ in
            exitDate.set()
            exited.signal()
        }
        try process.run()
    }

    deinit {
        // A test that failed before its wait must not leave the child behind.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a command to its end (at most `timeout` seconds) and returns how it ended.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: URL? = nil, timeout: TimeInterval = 120) async throws -> Outcome {
        let child = try ChildProcess(executable, arguments, environment: environment, directory: directory)
        return try await child.wait(timeout: timeout)
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// True until it has exited.
    public var isRunning: Bool { process.isRunning }

    /// What it has printed on stdout so far.
    public var stdout: String { Self.text(outURL) }

    /// What it has printed on stderr so far.
    public var stderr: String { Self.text(errURL) }

    /// A file's text; bytes that are not UTF-8 become U+FFFD rather than losing the whole output.
    private static func text(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }

    /// Sends `signal` (no wait).
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits for the exit, off the concurrency pool. Past `timeout` seconds the child is ended
    /// (SIGTERM, SIGKILL 5 s later) and `ChildProcessTimeout` is thrown with what it printed.
    public func wait(timeout: TimeInterval) async throws -> Outcome {
        let finished = await OffPool.run { [exited, process] () -> Bool in
            if exited.wait(timeout: .now() + timeout) == .success { return true }
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            if exited.wait(timeout: .now() + 5) == .timedOut, process.isRunning { kill(process.processIdentifier, SIGKILL) }
            _ = exited.wait(timeout: .now() + 30)
            return false
        }
        // Later waits return at once.
        exited.signal()
        guard finished else {
            throw ChildProcessTimeout(command: command, seconds: timeout, stdout: stdout, stderr: stderr)
        }
        return Outcome(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            exitedAt: exitDate.value ?? Date(), stdout: stdout, stderr: stderr)
    }

    /// The first line it prints on stdout (without the newline), waiting at most `timeout` seconds
    /// with the concurrency pool free; throws `ChildProcessTimeout` when none comes, or
    /// `ChildProcessEnded` when it exits first.
    public func firstLine(timeout: TimeInterval) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = stdout
            if let newline = text.firstIndex(of: "\n") { return String(text[..<newline]) }
            if !process.isRunning {
                // It may have printed the line just before exiting.
                let last = stdout
                if let newline = last.firstIndex(of: "\n") { return String(last[..<newline]) }
                throw ChildProcessEnded(command: command, status: process.terminationStatus, stdout: last, stderr: stderr)
            }
            if Date() > deadline {
                send(SIGKILL)
                throw ChildProcessTimeout(command: command, seconds: timeout, stdout: text, stderr: stderr)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Sends `signal` and waits for the exit (killed after `timeout` seconds); for a server ended
    /// at the close of a test. Never throws: a child that had to be killed is not the test's subject.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 20) async -> Outcome? {
        send(signal)
        return try? await wait(timeout: timeout)
    }
}

/// A child process did not finish in time; it was killed. The description has what it printed.
public struct ChildProcessTimeout: Error, CustomStringConvertible {
    public var command: String
    public var seconds: TimeInterval
    public var stdout: String
    public var stderr: String
    public var description: String {
        "`\(command)` did not finish within \(Int(seconds)) s and was killed (a hung child must fail its test, "
            + "not hang the suite); it printed:\nstdout:\n\(stdout.suffix(4_000))\nstderr:\n\(stderr.suffix(4_000))"
    }
}

/// A child process exited before printing what the test waited for.
public struct ChildProcessEnded: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var description: String {
        "`\(command)` exited with status \(status) before printing its first line; it printed:\n"
            + "stdout:\n\(stdout.suffix(4_000))\nstderr:\n\(stderr.suffix(4_000))"
    }
}
