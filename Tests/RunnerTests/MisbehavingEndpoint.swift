import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw TCP endpoint on 127.0.0.1 that misbehaves the ways Hummingbird will not on purpose: it
/// accepts and never answers, or answers 200 with an endless JSON body. Each connection is served
/// on a thread of its own until `stop()`.
final class MisbehavingEndpoint: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Reads the request and then holds the connection open without a byte of answer.
        case neverAnswers
        /// Answers 200 with a chunked JSON body that keeps growing until the client hangs up.
        case endlessBody
    }

    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var clients: [Int32] = []
    private var accepted = 0
    private var stopped = false

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let opened: (fd: Int32, port: Int)
        do {
            opened = try LoopbackListener.open(backlog: 16)
        } catch {
            throw MisbehavingEndpointError.socket("\(error)")
        }
        self.listener = opened.fd
        self.port = opened.port
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    /// Connections accepted so far.
    var connections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    /// Closes the listener and every held connection.
    func stop() {
        // Held connections are shut under the lock, and a serving thread closes its socket under it
        // too: a number closed earlier may already be another test's socket in this process.
        lock.lock()
        stopped = true
        for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
        clients = []
        lock.unlock()
        // The accept loop closes the listener when it wakes: see ``DroppingServer.stop()``.
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { close(listener); return }
            lock.lock()
            accepted += 1
            let refused = stopped
            if !refused { clients.append(client) }
            lock.unlock()
            if refused {
                close(client)
                close(listener)
                return
            }
            let thread = Thread { [self] in
                self.serve(client)
                self.lock.lock()
                self.clients.removeAll { $0 == client }
                close(client)
                self.lock.unlock()
            }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        readRequestHead(client)
        switch behaviour {
        case .neverAnswers:
            // Wait for the client to give up (or stop() to shut the socket): recv returns 0 or -1.
            var sink = [UInt8](repeating: 0, count: 4096)
            while recv(client, &sink, sink.count, 0) > 0 {}
        case .endlessBody:
            guard write(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n") else { return }
            let piece = "[" + String(repeating: "0,", count: 32_767)
            let chunk = String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n"
            // A hard stop so a client that never hangs up cannot keep the thread busy forever.
            for _ in 0..<100_000 {
                guard write(client, chunk) else { return }
            }
        }
    }

    private func write(_ client: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeMutableBytes { send(client, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private func readRequestHead(_ client: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
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

enum MisbehavingEndpointError: Error {
    case socket(String)
}
