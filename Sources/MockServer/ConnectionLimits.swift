import Foundation

/// How long and how many connections the mock keeps, so a client that connects and never speaks,
/// drips a request a byte at a time, or opens thousands of sockets cannot hold the mock's memory.
public struct ConnectionLimits: Sendable, Hashable {
    /// A connection with no request in progress and no bytes for this long is closed
    /// (`--idle-timeout`). A request whose body stalls for this long is closed too.
    public var idleTimeout: Duration
    /// A request's head (request line and headers) must arrive within this time of its first byte
    /// (`--header-timeout`).
    public var headerTimeout: Duration
    /// Connections open at once (`--max-connections`); one beyond it is closed as soon as it is accepted.
    public var maxConnections: Int
    /// A request's body must arrive whole within this time of its head (`--body-timeout`): a client
    /// dripping a byte a second keeps resetting the idle timeout but not this one. It is answered
    /// 408 and its connection closed.
    public var bodyTimeout: Duration

    /// Defaults for a test mock: generous for any real client on loopback, short enough that
    /// abandoned sockets do not pile up.
    public static let `default` = ConnectionLimits(idleTimeout: .seconds(30), headerTimeout: .seconds(10), maxConnections: 512)

    /// A 20 MB body on a slow link still fits in the default body timeout (30 s is about 5 Mbit/s).
    public init(idleTimeout: Duration, headerTimeout: Duration, maxConnections: Int, bodyTimeout: Duration = .seconds(30)) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.maxConnections = maxConnections
        self.bodyTimeout = bodyTimeout
    }
}

/// Parses a timeout such as `30s`, `500ms` or `2m` for `--idle-timeout`, `--header-timeout`, `--body-timeout`:
/// positive, at most one hour.
public func parseTimeout(_ text: String, option: String) throws(MockOptionError) -> Duration {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let (number, scale): (Substring, Double) =
        if trimmed.hasSuffix("ms") { (trimmed.dropLast(2), 1) }
        else if trimmed.hasSuffix("s") { (trimmed.dropLast(1), 1_000) }
        else if trimmed.hasSuffix("m") { (trimmed.dropLast(1), 60_000) }
        else { (Substring(trimmed), 1_000) }
    guard let value = Double(number), value.isFinite, value > 0, value * scale <= 3_600_000, value * scale >= 1 else {
        throw MockOptionError("invalid \(option) '\(text)': expected a duration from 1ms to 1 hour, such as 30s, 500ms or 2m")
    }
    return .milliseconds(Int((value * scale).rounded()))
}
