import Foundation
import Testing

@testable import MockServer

/// Clients that connect and never speak, drip a request, or open too many sockets must not hold
/// the mock: each is closed within its timeout, and connections beyond the cap are closed at once
/// while the earlier ones keep being served.
@Suite("Connection timeouts and cap", .serialized)
struct ConnectionLimitTests {
    static func request(_ question: String = "hi") -> String {
        let body = Fixture.textRequest(question).serialized()
        return "POST \(Fixture.chatPath()) HTTP/1.1\r\nHost: 127.0.0.1\r\napi-key: test-key-123\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    static func start(idle: Duration = .seconds(30), header: Duration = .seconds(10), max: Int = 512) async throws -> RunningMockServer {
        try await MockServer.start(
            options: MockServerOptions(connections: ConnectionLimits(idleTimeout: idle, headerTimeout: header, maxConnections: max)))
    }

    @Test("a connection that sends nothing is closed after the idle timeout")
    func silentConnection() async throws {
        let server = try await Self.start(idle: .milliseconds(500))
        let connection = try RawConnection(port: server.port)
        let started = Date()
        let (_, closed) = await connection.readUntilClosed(within: 5)
        #expect(closed)
        #expect(Date().timeIntervalSince(started) >= 0.3)
        await server.stop()
    }

    @Test("a request line dripped a byte at a time is closed after the header timeout, well before the idle one")
    func drippedHead() async throws {
        let server = try await Self.start(idle: .seconds(30), header: .milliseconds(700))
        let connection = try RawConnection(port: server.port)
        let head = Array("POST /openai/deployments/x/chat/completions?api-version=2025-01-01-preview HTTP/1.1\r\nHost: a\r\n")
        // The server's deadline starts at the first byte, sent here; the close is timed by a reader
        // of its own, where it happens. A full suite can leave the drip's task unscheduled for
        // seconds between two bytes, which says nothing of the server.
        let started = Date()
        #expect(connection.send(String(head[0])))
        let drip = Task {
            for byte in head.dropFirst() {
                if Task.isCancelled || !connection.send(String(byte)) { break }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let closedAfter = await connection.closedAt(within: 30).map { $0.timeIntervalSince(started) }
        drip.cancel()
        await drip.value
        #expect(closedAfter != nil, "still open 30 s after the drip began")
        #expect((closedAfter ?? 99) < 5, "closed after \(closedAfter ?? 99) s")
        await server.stop()
    }

    @Test("a head followed by half a body, then silence, is closed after the idle timeout")
    func halfBody() async throws {
        let server = try await Self.start(idle: .milliseconds(600), header: .seconds(30))
        let connection = try RawConnection(port: server.port)
        connection.send("POST \(Fixture.chatPath()) HTTP/1.1\r\nHost: a\r\napi-key: k\r\nContent-Length: 400\r\n\r\n{\"messages\": [")
        let (_, closed) = await connection.readUntilClosed(within: 5)
        #expect(closed)
        await server.stop()
    }

    @Test("a kept-alive connection is served again after a pause longer than the header timeout")
    func keepAliveSurvivesHeaderTimeout() async throws {
        // Margins wide enough for a loaded CI machine: the pause is well past the header timeout.
        let server = try await Self.start(idle: .seconds(20), header: .milliseconds(1_000))
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(Self.request()))
        #expect(await connection.readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        try await Task.sleep(for: .milliseconds(2_000))
        #expect(connection.send(Self.request("again")))
        #expect(await connection.readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        await server.stop()
    }

    @Test("beyond --max-connections a new connection is closed at once; the open ones are still served; a freed slot is reused")
    func connectionCap() async throws {
        let server = try await Self.start(max: 3)
        var held = try (0..<3).map { _ in try RawConnection(port: server.port) }
        // The three must be accepted (set up) before the fourth arrives; one answered request on
        // each proves it.
        for connection in held {
            #expect(connection.send(Self.request()))
            #expect(await connection.readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        }
        let extra = try RawConnection(port: server.port)
        let (_, closed) = await extra.readUntilClosed(within: 5)
        #expect(closed, "a fourth connection stayed open")
        #expect(held[0].send(Self.request("still there?")))
        #expect(await held[0].readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)

        var reused = false
        held.removeLast()  // the last reference: closes the third socket
        for _ in 0..<50 where !reused {
            try await Task.sleep(for: .milliseconds(100))
            let next = try RawConnection(port: server.port)
            if next.send(Self.request("new")), await next.readResponse(within: 5)?.hasPrefix("HTTP/1.1 200") == true { reused = true }
        }
        #expect(reused, "no new connection was served after one was closed")
        #expect(held.count == 2)
        await server.stop()
    }

    @Test("a connection beyond the cap that has sent nothing sees an orderly close (end of stream), not a reset")
    func overCapCloseIsOrderly() async throws {
        let server = try await Self.start(max: 1)
        let held = try RawConnection(port: server.port)
        #expect(held.send(Self.request()))
        #expect(await held.readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        let extra = try RawConnection(port: server.port)
        #expect(await extra.closeKind(within: 5) == .orderly)
        await server.stop()
    }

    @Test("timeouts parse with units and refuse nonsense", arguments: [("30s", 30_000), ("500ms", 500), ("2m", 120_000), ("15", 15_000)])
    func parsing(text: String, milliseconds: Int) throws {
        #expect(try parseTimeout(text, option: "--idle-timeout") == .milliseconds(milliseconds))
    }

    @Test("zero, negative, infinite and over-an-hour timeouts are refused with the option's name", arguments: ["0", "-1s", "inf", "2h", "3601s", "x"])
    func badTimeouts(text: String) {
        #expect(throws: MockOptionError.self) { try parseTimeout(text, option: "--idle-timeout") }
        #expect((try? parseTimeout(text, option: "--idle-timeout")) == nil)
    }
}

/// The whole-body deadline (`--body-timeout`): bytes that keep trickling in reset the idle timeout,
/// not this one.
@Suite("Body timeout", .serialized)
struct BodyTimeoutTests {
    @Test("a body dripped a byte at a time is answered 408 and closed after the body timeout, well before the idle one")
    func drippedBody() async throws {
        let server = try await MockServer.start(
            options: MockServerOptions(
                connections: ConnectionLimits(idleTimeout: .seconds(60), headerTimeout: .seconds(30), maxConnections: 16, bodyTimeout: .milliseconds(800))))
        let connection = try RawConnection(port: server.port)
        let body = Fixture.textRequest("hi").serialized()
        #expect(connection.send(
            "POST \(Fixture.chatPath()) HTTP/1.1\r\nHost: 127.0.0.1\r\napi-key: k\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"))
        let started = Date()
        var answer = ""
        var closed = false
        for byte in body.utf8.dropLast() {
            if !connection.send(String(UnicodeScalar(byte))) { break }
            let (text, isClosed) = await connection.readUntilClosed(within: 0.25)
            answer += text
            if isClosed { closed = true; break }
        }
        if !closed {
            let (rest, isClosed) = await connection.readUntilClosed(within: 5)
            answer += rest
            closed = isClosed
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed, "still open after the whole drip")
        #expect(answer.hasPrefix("HTTP/1.1 408"), "answered \(answer.prefix(80))")
        #expect(answer.contains("--body-timeout"))
        // Cut by the body timeout: the drip resets the idle timeout (60 s) at every byte, and the
        // header timeout (30 s) only starts after an answer. Wide margin for a loaded machine.
        #expect(elapsed >= 0.6 && elapsed < 25)
        let logged = await server.requests()
        #expect(logged.last?.status == 408)
        await server.stop()
    }

    @Test("a body sent at once is answered as usual with a short body timeout")
    func promptBody() async throws {
        let server = try await MockServer.start(
            options: MockServerOptions(
                connections: ConnectionLimits(idleTimeout: .seconds(30), headerTimeout: .seconds(10), maxConnections: 16, bodyTimeout: .milliseconds(500))))
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(ConnectionLimitTests.request()))
        #expect(await connection.readResponse(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        await server.stop()
    }

    @Test("--body-timeout parses like the other timeouts")
    func parsing() throws {
        #expect(try parseTimeout("45s", option: "--body-timeout") == .seconds(45))
        #expect(ConnectionLimits.default.bodyTimeout == .seconds(30))
    }
}
