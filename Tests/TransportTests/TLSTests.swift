import Foundation
import Testing
import TestSupport
@testable import Transport

@Suite("HTTPS", .enabled(if: SelfSignedCertificate.opensslPath != nil, "needs the openssl command to make a certificate"))
struct TLSTests {
    let client = HTTPClient(jobs: 2)

    @Test func selfSignedServerIsTrustedWithCACertAndRejectedWithout() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        let files = TestServer.TLSFiles(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
        try await TestServer.with(tls: files) { server in
            #expect(server.baseURL.hasPrefix("https://"))
            let request = HTTPRequest(method: "POST", url: server.baseURL + "/echo", body: Data("over tls".utf8))

            let trusted = try await client.send(request, options: TransportOptions(caCertPath: certificate.certificatePath, retry: .none))
            #expect(trusted.status == 200)
            #expect(try JSONDecoder().decode(Echo.self, from: trusted.body).body == "over tls")
            #expect((trusted.timings.tls ?? 0) > 0)

            // The system CA store does not know a certificate made a moment ago.
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.send(request, options: TransportOptions(retry: .none))
            }
            guard case .tls(let url, _) = error else {
                Issue.record("expected a TLS error, got \(String(describing: error))")
                return
            }
            #expect(url == server.baseURL + "/echo")
            #expect(error?.description.contains("--cacert") == true)

            let insecure = try await client.send(request, options: TransportOptions(insecure: true, retry: .none))
            #expect(insecure.status == 200)
        }
    }

    @Test func missingCACertFileIsATLSError() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        let files = TestServer.TLSFiles(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
        try await TestServer.with(tls: files) { server in
            let options = TransportOptions(caCertPath: certificate.directory.appendingPathComponent("missing.pem").path, retry: .none)
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.send(HTTPRequest(url: server.baseURL + "/echo"), options: options)
            }
            guard case .tls = error else {
                Issue.record("expected a TLS error, got \(String(describing: error))")
                return
            }
        }
    }
}
