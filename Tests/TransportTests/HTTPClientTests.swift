import Foundation
import Testing
@testable import Transport

@Suite("HTTPClient against a local server")
struct HTTPClientTests {
    let client = HTTPClient(jobs: 4)

    @Test func postEchoesHeadersAndBodyInOrder() async throws {
        try await TestServer.with { server in
            let request = HTTPRequest(
                method: "POST",
                url: server.baseURL + "/echo?api-version=2025-01-01",
                headers: [("Content-Type", "application/json"), ("X-Custom", "a"), ("X-Custom", "b"), ("X-Empty", "")],
                body: Data(#"{"hello": "world"}"#.utf8)
            )
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.attempts == 1)
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.method == "POST")
            #expect(echo.body == #"{"hello": "world"}"#)
            #expect(echo.headers["content-type"] == ["application/json"])
            #expect(echo.headers["x-custom"] == ["a", "b"])
            #expect(echo.headers["x-empty"] == [""])
            #expect(echo.headers["content-length"] == ["18"])
            #expect(echo.headers["expect"] == nil)
            #expect(response.timings.total > 0)
            #expect(response.timings.tls == nil)
        }
    }

    @Test func getSendsNoBody() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.method == "GET")
            #expect(echo.body == "")
            #expect(echo.headers["content-length"] == nil)
        }
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsWithBody(method: String) async throws {
        try await TestServer.with { server in
            let request = HTTPRequest(method: method, url: server.baseURL + "/echo", body: Data("payload".utf8))
            let response = try await client.send(request)
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.method == method)
            #expect(echo.body == "payload")
        }
    }

    @Test func bodyWithoutContentTypeGetsNoneAdded() async throws {
        try await TestServer.with { server in
            let request = HTTPRequest(method: "POST", url: server.baseURL + "/echo", body: Data("a=b".utf8))
            let response = try await client.send(request)
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.headers["content-type"] == nil)
            #expect(echo.body == "a=b")
        }
    }

    @Test func emptyPostSendsZeroLength() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/echo"))
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.method == "POST")
            #expect(echo.body == "")
            #expect(echo.headers["content-length"] == ["0"])
        }
    }

    @Test func statusAndResponseHeadersComeBack() async throws {
        try await TestServer.with { server in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/status/418"))
            #expect(response.status == 418)
            #expect(!response.isSuccess)
            #expect(response.headers["x-test-header"] == "hello")
            #expect(response.headers.values(for: "X-Repeated") == ["one", "two"])
            #expect(String(decoding: response.body, as: UTF8.self) == "status 418")
        }
    }

    @Test func thirtyMegabyteUploadCompletesWithoutExpect() async throws {
        try await TestServer.with { server in
            var body = Data(count: 30_000_000)
            body[0] = 1
            body[body.count - 1] = 2
            let request = HTTPRequest(method: "POST", url: server.baseURL + "/upload",
                                      headers: [("Content-Type", "application/octet-stream")], body: body)
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "30000000")
            let uploads = await server.record.uploads
            #expect(uploads.count == 1)
            #expect(uploads.first?.bytes == 30_000_000)
            // libcurl would ask for 100-continue on a body this large unless told not to.
            #expect(uploads.first?.expect == nil)
        }
    }

    @Test func totalTimeoutGivesTimeoutError() async throws {
        try await TestServer.with { server in
            let options = TransportOptions(timeout: 0.3, retry: .none)
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.send(HTTPRequest(url: server.baseURL + "/sleep/2000"), options: options)
            }
            guard case .timeout(let url, _) = error else {
                Issue.record("expected a timeout, got \(String(describing: error))")
                return
            }
            #expect(url == server.baseURL + "/sleep/2000")
            #expect(error?.description.contains("timed out") == true)
        }
    }

    @Test func closedPortGivesCouldNotConnect() async throws {
        // Port 1 (tcpmux) has no listener on a test machine.
        let url = "http://127.0.0.1:1/anything"
        let error = await #expect(throws: TransportError.self) {
            _ = try await client.send(HTTPRequest(url: url), options: TransportOptions(retry: .none))
        }
        guard case .couldNotConnect(let failedURL, _) = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(failedURL == url)
        #expect(error?.description.contains("Could not connect to \(url)") == true)
    }

    @Test func unknownHostGivesUnreachable() async throws {
        // .invalid never resolves (RFC 2606).
        let error = await #expect(throws: TransportError.self) {
            _ = try await client.send(HTTPRequest(url: "http://docverify-test.invalid/"), options: TransportOptions(connectTimeout: 5, retry: .none))
        }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }

    @Test func invalidRequestsAreRejectedBeforeSending() async throws {
        let badHeader = HTTPRequest(url: "http://127.0.0.1:1/", headers: [("X-Bad", "a\r\nInjected: yes")])
        await #expect(throws: TransportError.invalidRequest(url: "http://127.0.0.1:1/", reason: "the value of header X-Bad contains a line break or NUL")) {
            _ = try await client.send(badHeader)
        }
        let badScheme = HTTPRequest(url: "file:///etc/passwd")
        let error = await #expect(throws: TransportError.self) {
            _ = try await client.send(badScheme)
        }
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        let badMethod = HTTPRequest(method: "GET /x", url: "http://127.0.0.1:1/")
        await #expect(throws: TransportError.self) {
            _ = try await client.send(badMethod)
        }
    }

    @Test func concurrencyIsBoundedByJobs() async throws {
        try await TestServer.with { server in
            let bounded = HTTPClient(jobs: 2)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await bounded.send(HTTPRequest(url: server.baseURL + "/slow")).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 6))
            let maxInFlight = await server.record.maxInFlight
            #expect(maxInFlight >= 1)
            #expect(maxInFlight <= 2)
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        try await TestServer.with { server in
            let task = Task {
                try await client.send(HTTPRequest(url: server.baseURL + "/sleep/3000"), options: TransportOptions(retry: .none))
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let result = await task.result
            guard case .failure(let error as TransportError) = result, case .cancelled = error else {
                Issue.record("expected cancelled, got \(result)")
                return
            }
        }
    }
}

@Suite("Response limits and elapsed time")
struct ResponseLimitTests {
    @Test func bodyOverTheLimitFailsInsteadOfFillingMemory() async throws {
        try await TestServer.with { server in
            let client = HTTPClient(jobs: 1)
            let url = server.baseURL + "/status/200"  // body "status 200": 10 bytes
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.send(HTTPRequest(url: url), options: TransportOptions(retry: .none, maxResponseSize: 4))
            }
            #expect(error == .responseTooLarge(url: url, limit: 4))
            let fits = try await client.send(HTTPRequest(url: url), options: TransportOptions(retry: .none, maxResponseSize: 10))
            #expect(fits.body.count == 10)
        }
    }

    @Test func elapsedCoversRetries() async throws {
        try await TestServer.with { server in
            let client = HTTPClient(jobs: 1)
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/flaky"),
                                                 options: TransportOptions(retry: RetryPolicy(initialDelay: 0.01)))
            #expect(response.attempts == 2)
            // Two transfers happened, so the whole is at least the last one.
            #expect(response.elapsed >= response.timings.total)
        }
    }
}
