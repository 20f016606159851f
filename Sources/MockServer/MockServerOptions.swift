import Foundation

/// Run-time behaviour of the mock that is not part of the service it imitates: injected faults,
/// latency, the request log and TLS.
public struct MockServerOptions: Sendable, Hashable {
    /// Statuses answered at a rate instead of the real answer (`--fault 429@0.2`).
    public var faults: [FaultRule]
    /// Delay before every answer (`--latency 200ms`).
    public var latency: Duration
    /// Where to append one JSON line per request (`--log FILE`); nil keeps the log in memory only.
    public var logPath: String?
    /// Serve HTTPS with this certificate and key (PEM files).
    public var tls: TLSFiles?
    /// Seed of the fault sequence: the same seed and request order give the same faults.
    public var faultSeed: UInt64
    /// Idle and header-read timeouts and the connection cap (`--idle-timeout`, `--header-timeout`,
    /// `--max-connections`).
    public var connections: ConnectionLimits

    public init(
        faults: [FaultRule] = [], latency: Duration = .zero, logPath: String? = nil, tls: TLSFiles? = nil,
        faultSeed: UInt64 = 0x646f_6376_6572_6966, connections: ConnectionLimits = .default
    ) {
        self.faults = faults
        self.latency = latency
        self.logPath = logPath
        self.tls = tls
        self.faultSeed = faultSeed
        self.connections = connections
    }
}

/// PEM certificate chain and private key for HTTPS.
public struct TLSFiles: Sendable, Hashable {
    public var certificatePath: String
    public var privateKeyPath: String

    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}

/// "Answer `status` for about `rate` of the requests", written `STATUS@RATE` (`429@0.2`).
public struct FaultRule: Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var rate: Double

    public init(status: Int, rate: Double) {
        self.status = status
        self.rate = rate
    }

    /// Parses `STATUS@RATE` (rate in 0…1; `STATUS` alone means every request).
    public init(parsing text: String) throws(MockOptionError) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2, let status = Int(parts[0]), (400...599).contains(status) else {
            throw MockOptionError("invalid fault '\(text)': expected STATUS@RATE with a 4xx/5xx status, e.g. 429@0.2")
        }
        var rate = 1.0
        if parts.count == 2 {
            guard let r = Double(parts[1]), r >= 0, r <= 1 else {
                throw MockOptionError("invalid fault '\(text)': the rate after '@' must be a number from 0 to 1")
            }
            rate = r
        }
        self.init(status: status, rate: rate)
    }

    public var description: String { "\(status)@\(rate)" }
}

/// Parses a latency such as `200ms`, `1.5s` or `0`.
public func parseLatency(_ text: String) throws(MockOptionError) -> Duration {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let (number, scale): (Substring, Double) =
        if trimmed.hasSuffix("ms") { (trimmed.dropLast(2), 1) }
        else if trimmed.hasSuffix("s") { (trimmed.dropLast(1), 1_000) }
        else { (Substring(trimmed), 1) }
    guard let value = Double(number), value >= 0, value.isFinite, value * scale <= 600_000 else {
        throw MockOptionError("invalid latency '\(text)': expected a duration such as 200ms or 1.5s (at most 600s)")
    }
    return .milliseconds(Int((value * scale).rounded()))
}

/// A command-line value for the mock that cannot be used, with what to write instead.
public struct MockOptionError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
