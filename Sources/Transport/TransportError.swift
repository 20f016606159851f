import Core

/// Why a request got no HTTP response. Each message says what failed, for which URL,
/// and what to try next.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request cannot be sent as built (bad URL, method or header).
    case invalidRequest(url: String, reason: String)
    /// The host (or proxy) name does not resolve.
    case unreachable(url: String, detail: String)
    /// Nothing accepted the TCP connection.
    case couldNotConnect(url: String, detail: String)
    /// The connection was reset or closed before a complete response arrived.
    case connectionLost(url: String, detail: String)
    /// The connect or total timeout ran out.
    case timeout(url: String, detail: String)
    /// The TLS handshake or certificate verification failed.
    case tls(url: String, detail: String)
    /// The response body grew past `TransportOptions.maxResponseSize`.
    case responseTooLarge(url: String, limit: Int)
    /// The calling task was cancelled.
    case cancelled(url: String)
    /// Any other libcurl failure.
    case other(url: String, code: Int, detail: String)

    /// The URL the failed request was for.
    public var url: String {
        switch self {
        case .invalidRequest(let url, _), .unreachable(let url, _), .couldNotConnect(let url, _),
             .connectionLost(let url, _), .timeout(let url, _), .tls(let url, _), .cancelled(let url), .responseTooLarge(let url, _),
             .other(let url, _, _):
            return url
        }
    }

    /// Whether trying the same request again may help (a dropped connection).
    public var isConnectionLoss: Bool {
        if case .connectionLost = self { return true }
        return false
    }

    public var description: String {
        // The user-info of `--endpoint` (`https://user:pass@host`) is a credential: never printed.
        let url = SecretRedactor.stripUserInfo(self.url)
        switch self {
        case .invalidRequest(_, let reason):
            return "Cannot send the request to \(url): \(reason). Fix the request (URL, method or headers) and run again."
        case .unreachable(_, let detail):
            return "Cannot reach \(url): \(detail). Check the host name in the endpoint URL, DNS, and the proxy variables (https_proxy, http_proxy, no_proxy)."
        case .couldNotConnect(_, let detail):
            return "Could not connect to \(url): \(detail). Check that the service is running and listening on that host and port, and that no firewall or proxy blocks it."
        case .connectionLost(_, let detail):
            return "The connection to \(url) closed before a complete response arrived: \(detail). The server reset or dropped the connection; try again, or look at the server's logs."
        case .timeout(_, let detail):
            return "The request to \(url) timed out: \(detail). Raise the timeout if the service is slow, or check that it answers at all."
        case .tls(_, let detail):
            return "TLS failed for \(url): \(detail). If the server uses a private or self-signed certificate, trust its CA with --cacert FILE; use --insecure only for testing."
        case .responseTooLarge(_, let limit):
            return "The response from \(url) is larger than the \(limit)-byte limit and was not read to the end. Check that the URL is the API endpoint, or raise the limit."
        case .cancelled:
            return "The request to \(url) was cancelled before it finished."
        case .other(_, let code, let detail):
            return "The request to \(url) failed (libcurl error \(code)): \(detail)."
        }
    }
}
