import Foundation
import Testing
@testable import Transport

@Suite("Retries")
struct RetryTests {
    let client = HTTPClient(jobs: 2)
    /// Quick backoff so the tests do not wait long; the bounds are what is under test.
    let fastRetry = RetryPolicy(maxRetries: 3, initialDelay: 0.01, maxDelay: 5, maxTotalTime: 30)

    @Test func tooManyRequestsWithRetryAfterZeroIsRetried() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/flaky"), options: TransportOptions(retry: fastRetry))
            #expect(response.status == 200)
            #expect(response.attempts == 2)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok after 2")
            #expect(await server.record.hits["flaky"] == 2)
        }
    }

    @Test func retryAfterDateInThePastRetriesAtOnce() async throws {
        try await TestServer.with { server in
            // The policy's own backoff would be far too long: only the date can make this retry.
            let policy = RetryPolicy(maxRetries: 1, initialDelay: 60, maxDelay: 5)
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/flaky-date"), options: TransportOptions(retry: policy))
            #expect(response.status == 200)
            #expect(response.attempts == 2)
        }
    }

    @Test func unavailableExhaustsRetriesAndReturnsTheLastResponse() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/unavailable/0"), options: TransportOptions(retry: fastRetry))
            #expect(response.status == 503)
            #expect(response.attempts == 4)
            #expect(String(decoding: response.body, as: UTF8.self) == "busy")
            #expect(await server.record.hits["unavailable"] == 4)
        }
    }

    @Test func retryAfterLongerThanMaxDelayIsNotWaitedFor() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/unavailable/3600"), options: TransportOptions(retry: fastRetry))
            #expect(response.status == 503)
            #expect(response.attempts == 1)
            #expect(await server.record.hits["unavailable"] == 1)
        }
    }

    @Test func totalTimeBudgetStopsRetries() async throws {
        try await TestServer.with { server in
            // Each wait (1 s from Retry-After) fits maxDelay, but no retry fits a 0.5 s budget.
            let policy = RetryPolicy(maxRetries: 5, initialDelay: 0.01, maxDelay: 5, maxTotalTime: 0.5)
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/unavailable/1"), options: TransportOptions(retry: policy))
            #expect(response.status == 503)
            #expect(response.attempts == 1)
        }
    }

    @Test func noRetryPolicyReturnsFirstResponse() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/flaky"), options: TransportOptions(retry: .none))
            #expect(response.status == 429)
            #expect(response.attempts == 1)
            #expect(response.headers["Retry-After"] == "0")
        }
    }

    @Test func droppedConnectionIsRetried() async throws {
        let server = try DroppingServer(drops: 1)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/reset"
        // The retry is under test, not the time budget: in the full suite a starved concurrency pool
        // has taken over 30 s (fastRetry's budget) to hand back the first attempt's failure.
        let patient = RetryPolicy(maxRetries: 3, initialDelay: 0.01, maxDelay: 5, maxTotalTime: 600)
        let response = try await client.send(HTTPRequest(method: "POST", url: url, body: Data("x".utf8)), options: TransportOptions(timeout: 10, retry: patient))
        #expect(response.status == 200)
        #expect(response.attempts == 2)
        #expect(server.connections == 2)
    }

    @Test func droppedConnectionWithoutRetriesIsConnectionLost() async throws {
        let server = try DroppingServer(drops: 10)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/reset"
        let error = await #expect(throws: TransportError.self) {
            _ = try await client.send(HTTPRequest(url: url), options: TransportOptions(timeout: 10, retry: .none))
        }
        #expect(error?.isConnectionLoss == true)
        #expect(server.connections == 1)
    }

    @Test func droppedConnectionsExhaustRetries() async throws {
        let server = try DroppingServer(drops: 10)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/reset"
        let policy = RetryPolicy(maxRetries: 2, initialDelay: 0.01, maxTotalTime: 600)
        let error = await #expect(throws: TransportError.self) {
            _ = try await client.send(HTTPRequest(url: url), options: TransportOptions(timeout: 10, retry: policy))
        }
        #expect(error?.isConnectionLoss == true)
        #expect(server.connections == 3)
    }
}
