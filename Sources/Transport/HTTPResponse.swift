import Foundation

/// What came back for a request, after any retries.
public struct HTTPResponse: Sendable, Hashable {
    /// The final response's status code.
    public var status: Int
    /// The final response's header fields, in the order received (interim 1xx responses dropped).
    public var headers: HTTPHeaders
    public var body: Data
    /// Timing of the final attempt.
    public var timings: Timings
    /// How many transfers were made: 1 when the first one was kept, more after retries.
    public var attempts: Int
    /// Seconds from the first attempt's start to this response, retry waits included.
    public var elapsed: TimeInterval

    public init(status: Int, headers: HTTPHeaders, body: Data, timings: Timings, attempts: Int = 1, elapsed: TimeInterval? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.timings = timings
        self.attempts = attempts
        self.elapsed = elapsed ?? timings.total
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Phase timings of one transfer, in seconds since the transfer started (as curl's `-w`
/// variables report them, so each value includes the phases before it).
public struct Timings: Sendable, Hashable, Codable {
    /// Name resolution done.
    public var nameLookup: TimeInterval
    /// TCP connection established (to the host or proxy).
    public var connect: TimeInterval
    /// TLS handshake done; nil for plain HTTP.
    public var tls: TimeInterval?
    /// First response byte received.
    public var firstByte: TimeInterval
    /// Whole transfer done.
    public var total: TimeInterval

    public init(nameLookup: TimeInterval, connect: TimeInterval, tls: TimeInterval?, firstByte: TimeInterval, total: TimeInterval) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
    }
}
