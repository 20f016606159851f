import Foundation
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
        #if canImport(Glibc)
        let socketType = Int32(SOCK_STREAM.rawValue)
        #else
        let socketType = SOCK_STREAM
        #endif
        let listener = socket(AF_INET, socketType, 0)
        guard listener >= 0 else { throw DroppingServerError.socket("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw DroppingServerError.socket("bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    /// Connections accepted so far.
    var connections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
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
