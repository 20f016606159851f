import Foundation

/// How one request is sent: timeouts, TLS trust, retries.
public struct TransportOptions: Sendable, Hashable {
    /// Longest wait for the TCP (and proxy) connection; nil waits as long as the total timeout allows.
    public var connectTimeout: TimeInterval?
    /// Longest time for one whole transfer, connection included; nil means no limit.
    public var timeout: TimeInterval?
    /// PEM file of CA certificates to trust instead of the system store (`--cacert FILE`).
    public var caCertPath: String?
    /// Skip certificate and host name verification (`--insecure`). Only when the user asks.
    public var insecure: Bool
    /// When and how often to try again.
    public var retry: RetryPolicy
    /// Largest response body accepted, in bytes; a larger one fails with `responseTooLarge`
    /// instead of filling memory (the body is collected as it streams in, so at most this much is
    /// ever held). nil accepts any size.
    public var maxResponseSize: Int?

    public init(
        connectTimeout: TimeInterval? = 10,
        timeout: TimeInterval? = 120,
        caCertPath: String? = nil,
        insecure: Bool = false,
        retry: RetryPolicy = RetryPolicy(),
        maxResponseSize: Int? = TransportOptions.defaultMaxResponseSize
    ) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caCertPath = caCertPath
        self.insecure = insecure
        self.retry = retry
        self.maxResponseSize = maxResponseSize
    }

    /// 64 MiB: well above any answer the data plane gives (a long audio clip in base64 is a few MB),
    /// small enough that a runaway endpoint cannot push a CI job into swap.
    public static let defaultMaxResponseSize = 64 * 1024 * 1024
}

/// Retries with exponential backoff for throttling (429), unavailability (503) and
/// connections lost mid-request, bounded both in count and in total time.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// Wait before the first retry when the server gives no `Retry-After`.
    public var initialDelay: TimeInterval
    /// Factor applied to the wait for each further retry.
    public var multiplier: Double
    /// Longest single wait. A `Retry-After` asking for more is not honoured by
    /// waiting less: the response is returned as it is, so the caller sees the throttling.
    public var maxDelay: TimeInterval
    /// Longest time from the first attempt's start to the start of a retry; a retry that
    /// would begin later is not made.
    public var maxTotalTime: TimeInterval
    /// Statuses that are retried.
    public var retryStatuses: Set<Int>
    /// Whether connections closed or reset before a complete response are retried.
    public var retryConnectionLoss: Bool

    public init(
        maxRetries: Int = 3,
        initialDelay: TimeInterval = 0.5,
        multiplier: Double = 2,
        maxDelay: TimeInterval = 30,
        maxTotalTime: TimeInterval = 120,
        retryStatuses: Set<Int> = [429, 503],
        retryConnectionLoss: Bool = true
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = max(0, initialDelay)
        self.multiplier = max(1, multiplier)
        self.maxDelay = max(0, maxDelay)
        self.maxTotalTime = max(0, maxTotalTime)
        self.retryStatuses = retryStatuses
        self.retryConnectionLoss = retryConnectionLoss
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The backoff wait before retry number `retry` (1 for the first retry), capped at `maxDelay`.
    public func backoff(beforeRetry retry: Int) -> TimeInterval {
        let exponent = Double(max(0, retry - 1))
        return min(maxDelay, initialDelay * pow(multiplier, exponent))
    }
}
