import Foundation

/// Runs a blocking wait on a thread of its own, so the test awaiting it holds no thread of Swift's
/// cooperative pool meanwhile.
///
/// The pool has one thread per core (two on the test machine). A test that blocks one of them in
/// `waitUntilExit`, a pipe read, a semaphore or `poll` leaves every other test of the process one
/// thread short; two such tests stop the in-process mock, the loopback servers and every timer,
/// which is how tests that take 3 s alone took 80 s in the full suite and timed out under load.
/// Every blocking wait of the tests goes through here.
public enum OffPool {
    /// Runs `work` on a new thread and resumes the caller with its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// Runs throwing `work` on a new thread and resumes the caller with its result or its error.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
