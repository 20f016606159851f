import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plain TCP sockets of the tests' hand-made endpoints (servers that echo, drop, stall or
/// never accept), on 127.0.0.1 only.
///
/// It returns bare descriptors and owns nothing: the caller closes them. (An owning wrapper whose
/// deinit closed the listener as soon as the caller kept only the port would refuse connections.)
/// Descriptors are blocking and inherited across exec, as the servers were written for; only
/// what differed between them is a parameter.
public enum LoopbackListener {
    /// A listening socket on 127.0.0.1 at a port the kernel picks, and that port.
    /// - Parameters:
    ///   - backlog: connections the kernel completes before `accept` (a listener that never
    ///     accepts holds this many).
    ///   - reuseAddress: SO_REUSEADDR, for a server restarted on a port still in TIME_WAIT.
    public static func open(backlog: Int32 = 16, reuseAddress: Bool = false) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackSocketError(message: "socket() failed: errno \(errno)") }
        if reuseAddress {
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackSocketError(message: "cannot listen on 127.0.0.1: errno \(code)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw LoopbackSocketError(message: "getsockname() failed: errno \(code)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A blocking socket connected to 127.0.0.1:`port`.
    public static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackSocketError(message: "socket() failed: errno \(errno)") }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw LoopbackSocketError(message: "connect() to 127.0.0.1:\(port) failed: errno \(code)")
        }
        return fd
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// A loopback socket could not be opened; the message names the call and errno.
public struct LoopbackSocketError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "\(message) (the tests need loopback networking on 127.0.0.1)" }
}
