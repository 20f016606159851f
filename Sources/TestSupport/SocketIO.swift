import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocking reads and writes the tests' hand-made HTTP servers share.
public enum SocketIO {
    /// Reads until the blank line that ends a request head (the body may arrive in the same read,
    /// so the line is looked for anywhere) or until the peer closes; returns what was read.
    @discardableResult
    public static func readRequestHead(_ fd: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var searchFrom = 0
        while true {
            if received.count >= 4 {
                let end = received.count - 4
                if (searchFrom...end).contains(where: { received[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }) {
                    return received
                }
                searchFrom = end + 1
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return received }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// Sends all of `bytes`; false when the peer went away first. Never raises SIGPIPE.
    @discardableResult
    public static func sendAll(_ fd: Int32, _ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
    }

    /// Sends all of `text` as UTF-8; false when the peer went away first.
    @discardableResult
    public static func sendAll(_ fd: Int32, _ text: String) -> Bool {
        sendAll(fd, Data(text.utf8))
    }
}
