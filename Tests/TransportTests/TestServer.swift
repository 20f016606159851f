import Foundation
import Hummingbird
import HummingbirdTLS
import ServiceLifecycle

// A small local Hummingbird server for the transport tests. This file imports Hummingbird
// but not Transport: both define HTTPRequest / HTTPResponse.

/// What the server saw, for assertions.
actor ServerRecord {
    private(set) var hits: [String: Int] = [:]
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    private(set) var uploads: [(bytes: Int, expect: String?)] = []

    func hit(_ route: String) -> Int {
        hits[route, default: 0] += 1
        return hits[route]!
    }

    func enter() {
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
    }

    func leave() {
        inFlight -= 1
    }

    func upload(bytes: Int, expect: String?) {
        uploads.append((bytes, expect))
    }
}

/// The echo route's answer.
struct Echo: Codable, ResponseEncodable {
    var method: String
    var headers: [String: [String]]
    var body: String
}

/// A running test server; `baseURL` is `http://127.0.0.1:PORT` (or https).
struct TestServer: Sendable {
    let baseURL: String
    let record: ServerRecord

    /// PEM certificate and key files for a TLS server.
    struct TLSFiles: Sendable {
        var certificatePath: String
        var keyPath: String
    }

    /// Starts a server on an ephemeral loopback port, runs `body`, then stops the server.
    static func with<T: Sendable>(tls: TLSFiles? = nil, _ body: (TestServer) async throws -> T) async throws -> T {
        let record = ServerRecord()
        let router = makeRouter(record)
        let (ports, portsContinuation) = AsyncStream<Int>.makeStream()
        let tlsConfiguration: TLSConfiguration? = try tls.map { files in
            TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(files.certificatePath).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: files.keyPath, format: .pem))
            )
        }
        // Hummingbird's default logger prints each start at info level to stderr; that noise is harmless.
        let application = Application(
            router: router,
            server: try (tlsConfiguration == nil ? .http1() : .tls(.http1(), tlsConfiguration: tlsConfiguration!)),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portsContinuation.yield(channel.localAddress?.port ?? 0)
                portsContinuation.finish()
            }
        )
        // Stopped by graceful shutdown, which lets in-flight requests finish: cancelling the
        // server task instead can trip NIO's "NIOAsyncWriter deinited without finish()" check.
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: application.logger))
        let running = Task {
            defer { portsContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            _ = await running.result
            throw TestServerError.didNotStart
        }
        let scheme = tls == nil ? "http" : "https"
        let testServer = TestServer(baseURL: "\(scheme)://127.0.0.1:\(port)", record: record)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(testServer))
        } catch {
            result = .failure(error)
        }
        await group.triggerGracefulShutdown()
        _ = await running.result
        return try result.get()
    }

    private static func makeRouter(_ record: ServerRecord) -> Router<BasicRequestContext> {
        let router = Router()

        @Sendable func echo(_ request: Request, _ context: BasicRequestContext) async throws -> Echo {
            var headers: [String: [String]] = [:]
            for field in request.headers {
                headers[field.name.canonicalName, default: []].append(field.value)
            }
            let buffer = try await request.body.collect(upTo: 1 << 20)
            return Echo(method: request.method.rawValue, headers: headers, body: String(decoding: buffer.readableBytesView, as: UTF8.self))
        }
        router.get("echo", use: echo)
        router.post("echo", use: echo)
        router.put("echo", use: echo)
        router.patch("echo", use: echo)
        router.delete("echo", use: echo)

        // Answers with the status named in the path and a custom header.
        router.get("status/:code") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            var headers = HTTPFields()
            headers[.init("X-Test-Header")!] = "hello"
            headers.append(.init(name: .init("X-Repeated")!, value: "one"))
            headers.append(.init(name: .init("X-Repeated")!, value: "two"))
            return Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
        }

        // Streams the body and counts it: no upload size cap, no buffering.
        router.post("upload") { request, _ -> String in
            var bytes = 0
            for try await chunk in request.body {
                bytes += chunk.readableBytes
            }
            await record.upload(bytes: bytes, expect: request.headers[.expect])
            return "\(bytes)"
        }

        // Streams the body and answers with its length and FNV-1a digest: a multi-MB upload is
        // checked byte for byte without the test holding what arrived.
        router.post("digest") { request, _ -> String in
            var bytes = 0
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for try await chunk in request.body {
                for byte in chunk.readableBytesView { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                bytes += chunk.readableBytes
            }
            return "\(bytes) \(String(hash, radix: 16))"
        }

        router.get("sleep/:milliseconds") { _, context -> String in
            let milliseconds = try context.parameters.require("milliseconds", as: Int.self)
            try await Task.sleep(for: .milliseconds(milliseconds))
            return "slept"
        }

        // 429 on the first call, 200 afterwards.
        router.get("flaky") { _, _ -> Response in
            let hit = await record.hit("flaky")
            if hit == 1 {
                var headers = HTTPFields()
                headers[.retryAfter] = "0"
                return Response(status: .tooManyRequests, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "slow down")))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok after \(hit)")))
        }

        // 429 with a Retry-After date in the past on the first call, 200 afterwards.
        router.get("flaky-date") { _, _ -> Response in
            let hit = await record.hit("flaky-date")
            if hit == 1 {
                var headers = HTTPFields()
                headers[.retryAfter] = "Sun, 06 Nov 1994 08:49:37 GMT"
                return Response(status: .tooManyRequests, headers: headers)
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok after \(hit)")))
        }

        // Always 503; `wait` is sent as Retry-After.
        router.get("unavailable/:wait") { _, context -> Response in
            _ = await record.hit("unavailable")
            var headers = HTTPFields()
            headers[.retryAfter] = try context.parameters.require("wait")
            return Response(status: .serviceUnavailable, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "busy")))
        }

        // Holds each request a while so overlapping ones can be counted.
        router.get("slow") { _, _ -> String in
            await record.enter()
            try? await Task.sleep(for: .milliseconds(300))
            await record.leave()
            return "done"
        }
        return router
    }
}

enum TestServerError: Error {
    case didNotStart
}
