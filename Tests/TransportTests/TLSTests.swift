import Foundation
import Testing
@testable import Transport

/// A self-signed certificate for 127.0.0.1 / localhost, made with the openssl command.
struct SelfSignedCertificate {
    let directory: URL
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var keyPath: String { directory.appendingPathComponent("key.pem").path }

    static var opensslPath: String? {
        ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func make() throws -> SelfSignedCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = SelfSignedCertificate(directory: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opensslPath ?? "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", certificate.keyPath, "-out", certificate.certificatePath,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CertificateError.opensslFailed(process.terminationStatus) }
        return certificate
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

enum CertificateError: Error {
    case opensslFailed(Int32)
}

@Suite("HTTPS", .enabled(if: SelfSignedCertificate.opensslPath != nil, "needs the openssl command to make a certificate"))
struct TLSTests {
    let client = HTTPClient(jobs: 2)

    @Test func selfSignedServerIsTrustedWithCACertAndRejectedWithout() async throws {
        let certificate = try SelfSignedCertificate.make()
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
        let certificate = try SelfSignedCertificate.make()
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
