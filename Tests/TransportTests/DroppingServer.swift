import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw TCP server on loopback that reads each request and then closes the connection
/// without answering for the first `drops` connections, and answers 200 afterwards: the
/// "connection reset / empty reply" case that Hummingbird will not produce on purpose.
final class DroppingServer: @unchecked Sendable {
    var port: Int { loop.port }
    private let loop: AcceptLoop
    private let counter: Counter

    init(drops: Int) throws {
        let counter = Counter()
        self.counter = counter
        do {
            // Served inline on the loop thread: one connection at a time, in order.
            loop = try AcceptLoop(backlog: 16) { client in
                Self.serve(client, number: counter.next(), drops: drops)
            }
        } catch {
            throw DroppingServerError.socket("\(error)")
        }
    }

    /// Connections accepted so far.
    var connections: Int { counter.value }

    /// Stops accepting; the loop closes the listener (see ``AcceptLoop``).
    func stop() {
        loop.stop()
    }

    private static func serve(_ client: Int32, number: Int, drops: Int) {
        SocketIO.readRequestHead(client)
        if number > drops {
            SocketIO.sendAll(client, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            // Closing with unread request bytes would reset the connection under the answer:
            // half-close, then drain until the client closes.
            shutdown(client, Int32(SHUT_WR))
            var sink = [UInt8](repeating: 0, count: 4096)
            while recv(client, &sink, sink.count, 0) > 0 {}
        }
        close(client)
    }

    /// Connections counted across the loop thread and the test.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
    }
}

enum DroppingServerError: Error {
    case socket(String)
}
