import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP socket to 127.0.0.1, for tests that must misbehave as no HTTP client would:
/// connect and stay silent, drip bytes, stop half-way through a request.
///
/// Its waits block in `poll`, so they run through `OffPool`: blocking a thread of the concurrency
/// pool would starve the in-process mock that has to answer (two cores, two threads).
/// Used by one test at a time, hence the unchecked Sendable.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32

    init(port: Int) throws {
        do {
            fd = try LoopbackListener.connect(port: port)
        } catch {
            throw RawConnectionError("\(error)")
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`; false once the peer has closed.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    /// Reads until the peer closes or `seconds` pass. Returns what was read and whether it closed.
    func readUntilClosed(within seconds: Double) async -> (text: String, closed: Bool) {
        await OffPool.run { self.blockingReadUntilClosed(within: seconds) }
    }

    /// Reads one HTTP answer whose body length is given by Content-Length; nil when the peer closed
    /// first or nothing complete arrived within `seconds`.
    func readResponse(within seconds: Double) async -> String? {
        await OffPool.run { self.blockingReadResponse(within: seconds) }
    }

    private func blockingReadUntilClosed(within seconds: Double) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return (String(decoding: received, as: UTF8.self), false) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(left * 1_000))
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[0..<n]
        }
    }

    /// How the peer ended the connection within `seconds`: `.orderly` for an end of stream (FIN),
    /// `.reset` for an error such as ECONNRESET, `.open` when it did neither (bytes read are dropped).
    func closeKind(within seconds: Double) async -> CloseKind {
        await OffPool.run { self.blockingCloseKind(within: seconds) }
    }

    enum CloseKind: Sendable, Equatable { case orderly, reset, open }

    /// When the peer closed (end of stream or error), taken on the reading thread the moment the
    /// read returns, or nil when it stayed open `seconds`; bytes read are dropped. Awaited while
    /// the test keeps sending, it times the server's close however late the test's own task is
    /// scheduled again.
    func closedAt(within seconds: Double) async -> Date? {
        await OffPool.run { self.blockingClosedAt(within: seconds) }
    }

    private func blockingClosedAt(within seconds: Double) -> Date? {
        blockingCloseKind(within: seconds) == .open ? nil : Date()
    }

    private func blockingCloseKind(within seconds: Double) -> CloseKind {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while deadline.timeIntervalSinceNow > 0 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1_000))) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return .orderly }
            if n < 0 { return .reset }
        }
        return .open
    }

    private func blockingReadResponse(within seconds: Double) -> String? {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while deadline.timeIntervalSinceNow > 0 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1_000))) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            received += buffer[0..<n]
            let text = String(decoding: received, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { continue }
            let head = text[..<split.lowerBound].lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if text.utf8.count - text[..<split.upperBound].utf8.count >= length { return text }
        }
        return nil
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
