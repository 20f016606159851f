import Foundation

/// The HTTP client: libcurl underneath, async/await on top.
///
/// Copies share one concurrency bound: at most `jobs` transfers run at once, however many
/// tasks call `send`. Each transfer runs on its own thread, so a blocking libcurl call never
/// occupies a thread of the Swift concurrency pool.
public struct HTTPClient: Sendable {
    /// Most transfers running at the same time.
    public let jobs: Int
    private let limiter: TransferLimiter

    /// - Parameter jobs: most transfers at once (`--jobs N`); defaults to the number of cores.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.jobs = max(1, jobs)
        self.limiter = TransferLimiter(limit: self.jobs)
    }

    /// Sends `request` and returns the final response, retrying as `options.retry` allows.
    ///
    /// Every HTTP status is a response, not an error: a 503 left after the last retry comes back
    /// as a response with `attempts` telling how many transfers were made. Errors are only for
    /// requests that got no response at all.
    public func send(_ request: HTTPRequest, options: TransportOptions = TransportOptions()) async throws(TransportError) -> HTTPResponse {
        let policy = options.retry
        let started = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw .cancelled(url: request.url) }
            let outcome = await limiter.withSlot {
                await Self.transfer(request, options: options)
            }

            let wait: TimeInterval?
            switch outcome {
            case .success(let result):
                guard policy.retryStatuses.contains(result.status) else {
                    return response(result, attempts: attempt, since: started)
                }
                let asked = result.headers["Retry-After"].flatMap { RetryAfter.delay(from: $0) }
                wait = retryWait(policy, retry: attempt, retryAfter: asked, elapsed: started.duration(to: .now))
                guard let wait else { return response(result, attempts: attempt, since: started) }
                try await sleep(wait, url: request.url)
            case .failure(let error):
                guard policy.retryConnectionLoss, error.isConnectionLoss else { throw error }
                wait = retryWait(policy, retry: attempt, retryAfter: nil, elapsed: started.duration(to: .now))
                guard let wait else { throw error }
                try await sleep(wait, url: request.url)
            }
        }
    }

    /// The wait before retry number `retry`, or nil when no retry may be made.
    private func retryWait(_ policy: RetryPolicy, retry: Int, retryAfter: TimeInterval?, elapsed: Duration) -> TimeInterval? {
        guard retry <= policy.maxRetries else { return nil }
        let wait = retryAfter ?? policy.backoff(beforeRetry: retry)
        guard wait <= policy.maxDelay else { return nil }
        guard seconds(elapsed) + wait <= policy.maxTotalTime else { return nil }
        return wait
    }

    private func sleep(_ seconds: TimeInterval, url: String) async throws(TransportError) {
        guard seconds > 0 else { return }
        do {
            try await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded(.up))))
        } catch {
            throw .cancelled(url: url)
        }
    }

    private func response(_ result: TransferResult, attempts: Int, since started: ContinuousClock.Instant) -> HTTPResponse {
        HTTPResponse(status: result.status, headers: result.headers, body: result.body, timings: result.timings,
                     attempts: attempts, elapsed: seconds(started.duration(to: .now)))
    }

    private func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One transfer on a thread of its own; cancelling the calling task aborts it.
    private static func transfer(_ request: HTTPRequest, options: TransportOptions) async -> Result<TransferResult, TransportError> {
        let cancellation = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: CurlTransfer.perform(request, options: options, cancellation: cancellation))
                }
                thread.name = "docverify-transfer"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
