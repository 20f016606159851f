import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listener on 127.0.0.1 and the one thread that accepts on it, for the tests' hand-made servers.
///
/// The loop owns the listener's lifetime: `stop()` only shuts it down, which wakes the blocked
/// `accept`, and the loop thread closes it. Closed from `stop()` instead, the descriptor number
/// could be reused by another test's socket before the loop's next `accept`, which would then take
/// (and drop) that test's connections.
public final class AcceptLoop: @unchecked Sendable {
    /// The port the kernel picked.
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false

    /// Opens the listener and starts accepting.
    /// - Parameters:
    ///   - backlog: connections the kernel completes before `accept`.
    ///   - reuseAddress: SO_REUSEADDR on the listener.
    ///   - onAccept: called on the loop thread with each accepted descriptor, which it then owns
    ///     (it closes it, or hands it to a thread that will). It runs before the next `accept`, so
    ///     a server that answers inline serves one connection at a time.
    public init(backlog: Int32 = 16, reuseAddress: Bool = false, onAccept: @escaping @Sendable (Int32) -> Void) throws {
        let opened = try LoopbackListener.open(backlog: backlog, reuseAddress: reuseAddress)
        listener = opened.fd
        port = opened.port
        let thread = Thread { [self] in run(onAccept) }
        thread.start()
    }

    /// True once `stop()` was called.
    public var isStopped: Bool { lock.withLock { stopped } }

    /// Stops accepting (idempotent). Connections already handed out are the server's to end.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func run(_ onAccept: @Sendable (Int32) -> Void) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR && !isStopped { continue }
                break
            }
            // A connection that raced `stop()` is not served.
            if isStopped {
                close(client)
                break
            }
            onAccept(client)
        }
        close(listener)
    }
}
