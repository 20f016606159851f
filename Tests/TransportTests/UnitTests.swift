import Foundation
import Testing
@testable import Transport

@Suite("Retry-After, backoff, headers, limiter")
struct UnitTests {
    @Test func retryAfterSeconds() {
        #expect(RetryAfter.delay(from: "0") == 0)
        #expect(RetryAfter.delay(from: " 120 ") == 120)
        #expect(RetryAfter.delay(from: "-1") == nil)
        #expect(RetryAfter.delay(from: "1.5") == nil)
        #expect(RetryAfter.delay(from: "soon") == nil)
        #expect(RetryAfter.delay(from: "") == nil)
    }

    @Test func retryAfterDates() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:50:07 GMT", now: now) == 30)
        #expect(RetryAfter.delay(from: "Sunday, 06-Nov-94 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.delay(from: "Sun Nov  6 08:49:57 1994", now: now) == 20)
        #expect(RetryAfter.delay(from: "Sat, 05 Nov 1994 08:49:37 GMT", now: now) == 0)
    }

    @Test func backoffDoublesUpToMaxDelay() {
        let policy = RetryPolicy(initialDelay: 0.5, multiplier: 2, maxDelay: 3)
        #expect(policy.backoff(beforeRetry: 1) == 0.5)
        #expect(policy.backoff(beforeRetry: 2) == 1)
        #expect(policy.backoff(beforeRetry: 3) == 2)
        #expect(policy.backoff(beforeRetry: 4) == 3)
        #expect(RetryPolicy.none.maxRetries == 0)
    }

    @Test func headersKeepOrderAndLookUpCaseInsensitively() {
        var headers: HTTPHeaders = [("Api-Key", "k"), ("X-A", "1"), ("x-a", "2")]
        #expect(headers["api-key"] == "k")
        #expect(headers.values(for: "X-A") == ["1", "2"])
        headers.set(name: "X-A", value: "3")
        #expect(headers.fields.map(\.name) == ["Api-Key", "X-A"])
        headers.remove("API-KEY")
        #expect(!headers.contains("api-key"))
        #expect(headers.count == 1)
    }

    @Test func errorMessagesSayWhatAndWhatToDo() {
        let error = TransportError.couldNotConnect(url: "http://127.0.0.1:9/", detail: "Connection refused")
        #expect(error.description.contains("http://127.0.0.1:9/"))
        #expect(error.description.contains("Connection refused"))
        #expect(error.description.contains("Check that the service is running"))
        #expect(error.url == "http://127.0.0.1:9/")
        #expect(TransportError.connectionLost(url: "u", detail: "d").isConnectionLoss)
        #expect(!TransportError.timeout(url: "u", detail: "d").isConnectionLoss)
    }

    @Test func limiterNeverExceedsItsLimit() async {
        let limiter = TransferLimiter(limit: 3)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await limiter.withSlot {
                        await gauge.enter()
                        try? await Task.sleep(for: .milliseconds(5))
                        await gauge.leave()
                    }
                }
            }
        }
        #expect(await gauge.maximum <= 3)
        #expect(await gauge.maximum >= 1)
        #expect(await gauge.total == 20)
    }
}

private actor Gauge {
    private var current = 0
    private(set) var maximum = 0
    private(set) var total = 0

    func enter() {
        current += 1
        total += 1
        maximum = max(maximum, current)
    }

    func leave() {
        current -= 1
    }
}
