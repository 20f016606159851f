import Foundation

/// A throw-away self-signed certificate for 127.0.0.1 / localhost, made with the `openssl` command,
/// for the HTTPS tests of the transport, the mock server and the runner.
public struct SelfSignedCertificate: Sendable {
    public let directory: URL
    public var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    public var keyPath: String { directory.appendingPathComponent("key.pem").path }

    /// The openssl command, nil when it is not installed (HTTPS tests then skip).
    public static var opensslPath: String? {
        ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Makes the certificate; openssl runs off the concurrency pool, for at most 120 s.
    public static func make() async throws -> SelfSignedCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = SelfSignedCertificate(directory: directory)
        let outcome = try await ChildProcess.run(opensslPath ?? "/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", certificate.keyPath, "-out", certificate.certificatePath,
        ])
        guard outcome.status == 0, !outcome.signaled else { throw CertificateError.opensslFailed(outcome.status) }
        return certificate
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

public enum CertificateError: Error {
    case opensslFailed(Int32)
}
