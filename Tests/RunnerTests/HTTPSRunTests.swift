import Core
import Foundation
import MockServer
import Requests
import Testing
import TestSupport
@testable import Runner

/// A live-endpoint run over HTTPS: the mock serves a self-signed certificate made here, and the
/// libcurl client trusts it only through `--cacert`.
@Suite struct HTTPSRunTests {
    func run(endpoint: String, caCert: String?) async throws -> RunReport {
        let extraction = RunnerFixtures.document()
        let built = RequestBuilder().build(extraction)
        var config = RunConfiguration(endpoint: endpoint, environment: ["AZURE_OPENAI_API_KEY": "https-test-key"], jobs: 2)
        config.transport.retry = .none
        config.transport.caCertPath = caCert
        return try #require(try await DocumentRunner(configuration: config).run([(extraction, built.findings, built.requests)]).first)
    }

    @Test(.enabled(if: SelfSignedCertificate.opensslPath != nil, "needs the openssl command"))
    func runsAgainstTheMockOverHTTPSWithCACert() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        let (cert, key) = (certificate.certificatePath, certificate.keyPath)
        let server = try await MockServer.start(options: MockServerOptions(tls: TLSFiles(certificatePath: cert, privateKeyPath: key)))

        let trusted = try await run(endpoint: server.baseURL, caCert: cert)
        let untrusted = try await run(endpoint: server.baseURL, caCert: nil)
        await server.stop()

        #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
        #expect(trusted.summary == RunSummary(scenarios: 2, passed: 2, failed: 0, skipped: 0))
        #expect(trusted.scenarios[0].calls.first?.timings?.tls != nil)
        // Without the CA file the self-signed certificate is refused: a finding, not a crash.
        #expect(untrusted.findings.contains { $0.rule == "endpoint-unreachable" && $0.message.lowercased().contains("tls") })
    }
}
