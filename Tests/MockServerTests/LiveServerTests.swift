import Core
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOSSL
import Testing
import TestSupport

@testable import MockServer

@Suite("Running servers")
struct LiveServerTests {
    @Test("start on an ephemeral port, answer over TCP, record requests, stop")
    func startStop() async throws {
        let server = try await MockServer.start(host: "127.0.0.1", port: 0)
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let status = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            let response = try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest()))
            #expect(Fixture.audioBytes(try Fixture.json(response)).map { WAVInfo($0)?.sampleRate } == 24_000)
            return response.status
        }
        #expect(status == .ok)
        let seen = await server.requests()
        #expect(seen.map(\.status) == [200])
        await server.stop()
        // Stopped means the port no longer accepts connections.
        await #expect(throws: (any Error).self) {
            try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                _ = try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("hi")))
            }
        }
    }

    @Test("two servers run side by side on different ports")
    func twoServers() async throws {
        let a = try await MockServer.start()
        let b = try await MockServer.start()
        #expect(a.port != b.port)
        await a.stop()
        await b.stop()
    }

    @Test("a port in use fails to start with an error instead of hanging")
    func portInUse() async throws {
        let a = try await MockServer.start()
        await #expect(throws: (any Error).self) { _ = try await MockServer.start(port: a.port) }
        await a.stop()
    }

    @Test("a body over the cap sent over TCP gets 413 (streamed, not buffered)")
    func liveBodyCap() async throws {
        var profile = MockProfile.default
        profile.limits.maxRequestBytes = 64 * 1_024
        let server = try await MockServer.start(profile: profile)
        let status = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            let big = Fixture.buffer(Fixture.textRequest(String(repeating: "x", count: 256 * 1_024)))
            return try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: big).status
        }
        #expect(status == .contentTooLarge)
        #expect(await server.requests().first?.status == 413)
        await server.stop()
    }

    @Test("HTTPS with a self-signed certificate made here", .enabled(if: SelfSignedCertificate.opensslPath != nil))
    func tls() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        let (cert, key) = (certificate.certificatePath, certificate.keyPath)

        let server = try await MockServer.start(options: MockServerOptions(tls: TLSFiles(certificatePath: cert, privateKeyPath: key)))
        #expect(server.baseURL == "https://127.0.0.1:\(server.port)")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(cert))
        let status = try await TestClient.withClient(
            host: "127.0.0.1", port: server.port, configuration: .init(tlsConfiguration: tls, serverName: "localhost")
        ) { client in
            try await client.post(Fixture.chatPath(), headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("hi"))).status
        }
        #expect(status == .ok)
        await server.stop()
    }

    @Test("missing TLS files fail to start with a message naming them")
    func badTLSFiles() async throws {
        do {
            _ = try await MockServer.start(options: MockServerOptions(tls: TLSFiles(certificatePath: "/nope/cert.pem", privateKeyPath: "/nope/key.pem")))
            Issue.record("started without a certificate")
        } catch {
            #expect("\(error)".contains("/nope/cert.pem"))
        }
    }
}
