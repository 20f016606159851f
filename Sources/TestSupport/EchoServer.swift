import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request as ``EchoServer`` read it.
public struct EchoRequest: Sendable {
    public var method: String
    /// The request target: path and query string, as sent.
    public var target: String
    /// Header fields in the order sent.
    public var headers: [(name: String, value: String)]
    public var body: Data
}

/// What ``EchoServer`` answers.
public struct EchoResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 that hands every request to `respond` and closes the
/// connection after each answer: the misbehaving endpoint of the tests (one that echoes the
/// credentials it was sent, for instance). Plain sockets, so any test target can use it.
public final class EchoServer: @unchecked Sendable {
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let respond: @Sendable (EchoRequest) -> EchoResponse
    private let lock = NSLock()
    private var stopped = false
    /// Requests are capped at this size; the tests send small ones.
    static let maxRequest = 8 * 1024 * 1024

    public init(respond: @escaping @Sendable (EchoRequest) -> EchoResponse) throws {
        self.respond = respond
        let opened: (fd: Int32, port: Int)
        do {
            opened = try LoopbackListener.open(backlog: 64, reuseAddress: true)
        } catch {
            throw EchoServerError(message: "\(error)")
        }
        port = opened.port
        listener = opened.fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting; connections being answered finish on their own.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        // The accept loop closes the listener when it wakes, so its number is never reused under a
        // later `accept` of this server.
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) || errno != EINTR { close(listener); return }
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            let n = recv(client, &chunk, chunk.count, 0)
            guard n > 0, buffer.count < Self.maxRequest else { return }
            buffer.append(contentsOf: chunk[0..<n])
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return }
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        guard length >= 0, length < Self.maxRequest else { return }
        if headers.contains(where: { $0.name.lowercased() == "expect" && $0.value.lowercased() == "100-continue" }) {
            _ = "HTTP/1.1 100 Continue\r\n\r\n".withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
        while buffer.count - headEnd.upperBound < length {
            let n = recv(client, &chunk, chunk.count, 0)
            guard n > 0 else { return }
            buffer.append(contentsOf: chunk[0..<n])
        }
        let body = buffer[headEnd.upperBound..<(headEnd.upperBound + length)]
        let response = respond(EchoRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Data(body)))
        var head = "HTTP/1.1 \(response.status) \(response.status < 300 ? "OK" : "Error")\r\n"
        for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Data(head.utf8) + response.body
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }
}

/// The echo server could not start.
public struct EchoServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "EchoServer: \(message)" }
}
