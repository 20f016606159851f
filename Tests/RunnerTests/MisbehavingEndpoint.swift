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

    var port: Int { loop.port }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private let loop: AcceptLoop
    private let held: HeldConnections

    init(_ behaviour: Behaviour) throws {
        let held = HeldConnections()
        self.held = held
        do {
            loop = try AcceptLoop(backlog: 16) { client in
                guard held.hold(client) else { return }
                let thread = Thread {
                    Self.serve(client, behaviour)
                    held.release(client)
                }
                thread.start()
            }
        } catch {
            throw MisbehavingEndpointError.socket("\(error)")
        }
    }

    /// Connections accepted so far.
    var connections: Int { held.accepted }

    /// Stops accepting and ends every held connection.
    func stop() {
        held.shutAll()
        loop.stop()
    }

    private static func serve(_ client: Int32, _ behaviour: Behaviour) {
        SocketIO.readRequestHead(client)
        switch behaviour {
        case .neverAnswers:
            // Wait for the client to give up (or stop() to shut the socket): recv returns 0 or -1.
            var sink = [UInt8](repeating: 0, count: 4096)
            while recv(client, &sink, sink.count, 0) > 0 {}
        case .endlessBody:
            guard SocketIO.sendAll(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n") else { return }
            let piece = "[" + String(repeating: "0,", count: 32_767)
            let chunk = Data((String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n").utf8)
            // A hard stop so a client that never hangs up cannot keep the thread busy forever.
            for _ in 0..<100_000 {
                guard SocketIO.sendAll(client, chunk) else { return }
            }
        }
    }

    /// The connections being served. They are shut and closed under one lock: a number closed
    /// earlier may already be another test's socket in this process.
    private final class HeldConnections: @unchecked Sendable {
        private let lock = NSLock()
        private var clients: [Int32] = []
        private var count = 0
        private var stopped = false

        var accepted: Int { lock.withLock { count } }

        /// Takes `client` in; after `shutAll()` closes it instead and returns false.
        func hold(_ client: Int32) -> Bool {
            lock.withLock {
                count += 1
                if stopped {
                    close(client)
                    return false
                }
                clients.append(client)
                return true
            }
        }

        func release(_ client: Int32) {
            lock.withLock {
                clients.removeAll { $0 == client }
                close(client)
            }
        }

        func shutAll() {
            lock.withLock {
                stopped = true
                for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
                clients = []
            }
        }
    }
}

enum MisbehavingEndpointError: Error {
    case socket(String)
}
