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
    public var port: Int { loop.port }
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let loop: AcceptLoop
    /// Requests are capped at this size; the tests send small ones.
    static let maxRequest = 8 * 1024 * 1024

    public init(respond: @escaping @Sendable (EchoRequest) -> EchoResponse) throws {
        do {
            loop = try AcceptLoop(backlog: 64, reuseAddress: true) { client in
                let thread = Thread { Self.serve(client, respond: respond) }
                thread.start()
            }
        } catch {
            throw EchoServerError(message: "\(error)")
        }
    }

    deinit { stop() }

    /// Stops accepting; connections being answered finish on their own.
    public func stop() {
        loop.stop()
    }

    private static func serve(_ client: Int32, respond: (EchoRequest) -> EchoResponse) {
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
            SocketIO.sendAll(client, "HTTP/1.1 100 Continue\r\n\r\n")
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
        SocketIO.sendAll(client, Data(head.utf8) + response.body)
    }
}

/// The echo server could not start.
public struct EchoServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "EchoServer: \(message)" }
}
