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
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var accepted = 0
    private let drops: Int

    init(drops: Int) throws {
        self.drops = drops
        let opened: (fd: Int32, port: Int)
        do {
            opened = try LoopbackListener.open(backlog: 16)
        } catch {
            throw DroppingServerError.socket("\(error)")
        }
        self.listener = opened.fd
        self.port = opened.port
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    /// Connections accepted so far.
    var connections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    /// Wakes the serving thread, which closes the listener itself: closed here, its number could be
    /// reused by another test's socket before the thread's next `accept`, which would then steal (and
    /// drop) that test's connections.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { close(listener); return }
            lock.lock()
            accepted += 1
            let number = accepted
            lock.unlock()
            readRequestHead(client)
            if number > drops {
                let answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                _ = answer.withCString { send(client, $0, strlen($0), 0) }
                // Closing with unread request bytes would reset the connection under the answer:
                // half-close, then drain until the client closes.
                shutdown(client, Int32(SHUT_WR))
                var sink = [UInt8](repeating: 0, count: 4096)
                while recv(client, &sink, sink.count, 0) > 0 {}
            }
            close(client)
        }
    }

    private func readRequestHead(_ client: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // The body may arrive in the same read as the head, so look for the blank line anywhere.
        func hasEndOfHead() -> Bool {
            guard received.count >= 4 else { return false }
            return (0...(received.count - 4)).contains { received[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
        }
        while !hasEndOfHead() {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            received.append(contentsOf: buffer[0..<count])
        }
    }
}

enum DroppingServerError: Error {
    case socket(String)
}
