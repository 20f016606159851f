import ArgumentParser
import Core
import Foundation
import MockServer

/// `docverify mock …`: the embedded Azure OpenAI mock endpoint as a standalone server.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run the embedded Azure OpenAI data-plane mock.",
        subcommands: [Serve.self, Profile.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the mock until SIGINT or SIGTERM; the first line printed is its base URL.",
            discussion: """
                Point a client at the printed URL as its Azure OpenAI endpoint, with any API key \
                (or bearer token). The default service profile follows the REST API specification; \
                --profile FILE replaces parts of it (JSON; keys: apiVersions, deployments, voices, \
                outputFormats, inputFormats, modalities, apiKeys, limits, audioTTLSeconds, runSteps, storeCapacity).
                """)

        @Option(help: "Address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on; 0 picks a free one.")
        var port = 0

        @Option(help: "Service profile (JSON) to use instead of the built-in one.")
        var profile: String?

        @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (needs --tls-key).")
        var tlsCert: String?

        @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert.")
        var tlsKey: String?

        @Option(help: "Inject a status at a rate, STATUS@RATE (e.g. 429@0.2); repeatable.")
        var fault: [String] = []

        @Option(help: "Delay every answer, e.g. 200ms or 1.5s.")
        var latency: String?

        @Option(help: "Append one JSON line per request to FILE (secrets redacted).")
        var log: String?

        @Option(name: .customLong("idle-timeout"), help: "Close a connection silent this long between requests or in a stalled body, e.g. 30s.")
        var idleTimeout = "30s"

        @Option(name: .customLong("header-timeout"), help: "Close a connection whose request head is not complete this long after its first byte, e.g. 10s.")
        var headerTimeout = "10s"

        @Option(name: .customLong("body-timeout"), help: "Answer 408 and close a connection whose request body is not complete this long after its head, e.g. 30s.")
        var bodyTimeout = "30s"

        @Option(name: .customLong("max-connections"), help: "Connections open at once; one more is closed as soon as it is accepted.")
        var maxConnections = ConnectionLimits.default.maxConnections

        func validate() throws {
            if (tlsCert == nil) != (tlsKey == nil) {
                throw ValidationError("--tls-cert and --tls-key go together: give both to serve HTTPS, or neither.")
            }
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535, not \(port).") }
            guard (1...1_000_000).contains(maxConnections) else {
                throw ValidationError("--max-connections must be 1…1000000, not \(maxConnections).")
            }
        }

        func run() async throws {
            let loadedProfile: MockProfile
            var options = MockServerOptions(logPath: log)
            do {
                loadedProfile = try profile.map { try MockProfile.load(path: $0) } ?? .default
                options.faults = try fault.map { text throws(MockOptionError) in try FaultRule(parsing: text) }
                if let latency { options.latency = try parseLatency(latency) }
                options.connections = ConnectionLimits(
                    idleTimeout: try parseTimeout(idleTimeout, option: "--idle-timeout"),
                    headerTimeout: try parseTimeout(headerTimeout, option: "--header-timeout"), maxConnections: maxConnections,
                    bodyTimeout: try parseTimeout(bodyTimeout, option: "--body-timeout"))
            } catch {
                throw ValidationError("\(error)")
            }
            if let tlsCert, let tlsKey {
                options.tls = TLSFiles(certificatePath: tlsCert, privateKeyPath: tlsKey)
            }
            do {
                try await MockServer.serve(host: host, port: port, profile: loadedProfile, options: options) { url in
                    print(url)
                    fflush(nil)
                }
            } catch {
                FileHandle.standardError.write(Data(SecretRedactor.names.redact("docverify mock serve: \(error)\n").utf8))
                throw ExitCode(2)
            }
        }
    }

    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the built-in service profile as JSON, a starting point for --profile.",
            discussion: """
                outputFormats maps each audio.format to how the mock produces it: wav and pcm16 are \
                real audio, flac is the same samples as uncompressed FLAC frames, silent-mp3 is valid MP3 frames of silence, placeholder is a marker text \
                that is not audio.
                """)

        func run() async throws {
            print(MockProfile.default.jsonText)
        }
    }
}
