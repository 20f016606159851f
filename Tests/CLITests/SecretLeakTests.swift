import Foundation
import Reporting
import Testing
import TestSupport
@testable import CLI
@testable import Core

private let secretLeakBinary = GoldenCommandTests.packageRoot.appendingPathComponent(".build/debug/docverify")

/// The issue's acceptance test for secrets: `run` and `drift` go to an endpoint that echoes every
/// credential it gets back (error bodies, a response header, a 200 body), with recognizable values;
/// every file written and everything printed is searched for them.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: secretLeakBinary.path), "the docverify binary is not built"))
struct SecretLeakTests {
    static let binary = secretLeakBinary
    static let key = "DVSECRET-KEY-1234567890"
    static let token = "DVSECRET-TOKEN.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlMTIz"
    static let password = "DVSECRET-PASS-123"
    static let user = "dvuser"
    /// What libcurl sends for the endpoint's user-info (`Authorization: Basic …`).
    static let basic = Data("\(user):\(password)".utf8).base64EncodedString()
    /// Every spelling that must never be written.
    static let needles = ["DVSECRET", basic, "DVSECRET%2D", basic.replacingOccurrences(of: "=", with: "%3D")]

    /// A page that puts the key in the query string, as some REST samples do.
    static let queryPage = """
        ---
        title: Key in the query
        ---

        # Key in the query

        Send a prompt with the key as a query parameter:

        ```bash
        curl -X POST "$AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21&api-key=$AZURE_OPENAI_API_KEY" \\
          -H "Content-Type: application/json" \\
          -d '{"messages": [{"role": "user", "content": "Say hello."}]}'
        ```
        """

    /// What the echoing endpoint saw.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [EchoRequest] = []
        private var statuses: [Int] = []
        func add(_ request: EchoRequest) -> Int {
            lock.withLock {
                requests.append(request)
                // The query page's call passes, so its golden is written (with the echoed query in it).
                let status = request.target.contains("/deployments/gpt-4o/") ? 200 : [401, 500, 200][(requests.count - 1) % 3]
                statuses.append(status)
                return status
            }
        }
        var all: [EchoRequest] { lock.withLock { requests } }
        var served: Set<Int> { lock.withLock { Set(statuses) } }
    }

    /// Answers with everything the request carried: in the body (JSON, so `/` comes back as `\/`),
    /// in headers, and as a chat completion's text on a 200.
    static func echo(_ seen: Seen) -> @Sendable (EchoRequest) -> EchoResponse {
        { request in
            let status = seen.add(request)
            let sent = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "; ") + "; target \(request.target)"
            let error: [String: Any] = ["error": ["code": status == 401 ? "Unauthorized" : "InternalError", "message": "You sent \(sent)"],
                                        "echo": ["target": request.target, "headers": Dictionary(request.headers.map { ($0.name, $0.value) }) { a, _ in a }]]
            let completion: [String: Any] = [
                "id": "chatcmpl-echo", "object": "chat.completion", "created": 1, "model": "gpt-4o",
                "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": "You sent \(sent)"]]],
            ]
            var body = (try? JSONSerialization.data(withJSONObject: status == 200 ? completion : error)) ?? Data()
            let authorization = request.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
            let apiKey = request.headers.first { $0.name.lowercased() == "api-key" }?.value
            if status == 500 {
                // Plain text, the credential across the 300th byte where docverify cuts an excerpt:
                // a prefix of it must not survive the cut.
                body = Data((String(repeating: ".", count: 290) + (apiKey ?? authorization) + " " + sent).utf8)
            }
            return EchoResponse(status: status, headers: [
                ("Content-Type", status == 500 ? "text/plain" : "application/json"),
                ("X-Echo-Headers", sent),
                ("X-Echo-Target", request.target),
                ("WWW-Authenticate", "Bearer error=\"invalid_token\", seen=\"\(authorization)\""),
            ], body: body)
        }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary off the concurrency pool (at most 300 s), then keeps its stdout and stderr
    /// in files of `dir` (searched with the rest).
    func docverify(_ arguments: [String], environment: [String: String], in dir: URL, name: String) async throws -> Outcome {
        let outcome = try await ChildProcess.run(Self.binary.path, arguments, environment: environment, timeout: 300)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try outcome.stdout.write(to: dir.appendingPathComponent("\(name).stdout"), atomically: false, encoding: .utf8)
        try outcome.stderr.write(to: dir.appendingPathComponent("\(name).stderr"), atomically: false, encoding: .utf8)
        return Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    static func environment(extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "AZURE_OPENAI_API_KEY": key, "AZURE_OPENAI_AD_TOKEN": token, "CI": "true",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Every file under `dir`, with its text.
    static func files(_ dir: URL) throws -> [(String, String)] {
        var out: [(String, String)] = []
        let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            out.append((url.path, String(decoding: try Data(contentsOf: url), as: UTF8.self)))
        }
        return out
    }

    static func expectNoSecret(in dir: URL) throws {
        let written = try files(dir)
        #expect(!written.isEmpty)
        for (path, text) in written {
            for needle in needles {
                #expect(!text.contains(needle), "\(path) contains \(needle)")
            }
        }
    }

    static func workspace() throws -> (dir: URL, docs: String) {
        let (root, docs) = try GoldenCommandTests.repository()
        try queryPage.write(toFile: docs + "/query-key.md", atomically: true, encoding: .utf8)
        let out = URL(fileURLWithPath: root).appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        return (URL(fileURLWithPath: root), docs)
    }

    @Test func runToAnEchoingEndpointWritesNoSecretInAnyFormat() async throws {
        let seen = Seen()
        let server = try EchoServer(respond: Self.echo(seen))
        defer { server.stop() }
        let (root, docs) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let endpoint = "http://\(Self.user):\(Self.password)@127.0.0.1:\(server.port)"
        let pages = [docs + "/audio-chat-quickstart.md", docs + "/query-key.md"]
        var reports: [String] = []
        for format in ReportFileFormat.allCases { reports += ["--report", "\(format.rawValue)=\(out.path)/report.\(format.rawValue)"] }
        let common = ["--endpoint", endpoint, "--timeout", "20", "--jobs", "2"]
        let environment = Self.environment(extra: ["GITHUB_STEP_SUMMARY": out.path + "/summary.md"])

        let recorded = try await docverify(
            ["run"] + pages + common + reports + ["--output", out.path + "/main.txt", "--record", "all", "--golden-dir", out.path + "/golden",
                                                  "--write-baseline", out.path + "/baseline.json"],
            environment: environment, in: out, name: "run")
        #expect(recorded.status == 1, "\(recorded.stderr)")
        for format in ["json", "github", "markdown", "sarif", "html"] {
            _ = try await docverify(["run"] + pages + common + ["--format", format, "--record", "never"], environment: environment, in: out, name: "run-\(format)")
        }

        // The endpoint got the credentials, answered each kind of status, and the report shows it.
        let sent = seen.all
        #expect(seen.served == [200, 401, 500])
        #expect(sent.contains { $0.headers.contains { $0.name.lowercased() == "api-key" && $0.value == Self.key } })
        #expect(sent.contains { $0.headers.contains { $0.value == "Bearer \(Self.token)" } })
        #expect(sent.contains { $0.headers.contains { $0.value == "Basic \(Self.basic)" } })
        #expect(sent.contains { $0.target.contains("api-key=\(Self.key)") })
        let json = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(json.contains("response-status"))
        #expect(json.contains("[redacted]"))
        #expect(try !Self.files(out.appendingPathComponent("golden")).isEmpty)
        try Self.expectNoSecret(in: root)
    }

    @Test func driftAndAnUnreachableEndpointPrintNoSecret() async throws {
        let seen = Seen()
        let server = try EchoServer(respond: Self.echo(seen))
        defer { server.stop() }
        let (root, docs) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let pages = [docs + "/audio-chat-quickstart.md", docs + "/query-key.md"]
        let endpoint = "http://\(Self.user):\(Self.password)@127.0.0.1:\(server.port)"
        for format in ["json", "markdown", "text"] {
            let drift = try await docverify(
                ["drift"] + pages + ["--endpoint", endpoint, "--run", "--format", format, "--probe-budget", "2", "--deployment", "gpt-4o"],
                environment: Self.environment(), in: out, name: "drift-\(format)")
            #expect(!drift.stdout.isEmpty, "\(drift.stderr)")
        }
        #expect(!seen.all.isEmpty)
        let refused = try await docverify(
            ["run"] + pages + ["--endpoint", "http://\(Self.user):\(Self.password)@127.0.0.1:1/?sig=\(Self.password)", "--format", "json"],
            environment: Self.environment(), in: out, name: "refused")
        #expect(refused.stdout.contains("endpoint-unreachable"), "\(refused.stderr)")
        #expect(refused.stdout.contains("http://127.0.0.1:1"))
        try Self.expectNoSecret(in: root)
    }

    @Test func theMockLogKeepsNoSecretOfTheQueryOrTheHeaders() async throws {
        let (root, docs) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let log = out.appendingPathComponent("mock.jsonl")
        let mock = try ChildProcess(Self.binary.path, ["mock", "serve", "--port", "0", "--log", log.path])
        // A failed expectation must not leave the mock running: the SIGKILL of its deinit is the
        // fallback, the SIGINT below the normal end.
        let url = try await mock.firstLine(timeout: 60).trimmingCharacters(in: .whitespaces)
        let base = try #require(URL(string: url))
        let endpoint = "http://\(Self.user):\(Self.password)@127.0.0.1:\(try #require(base.port))"
        let result = try await docverify(
            ["run", docs + "/query-key.md", docs + "/audio-chat-quickstart.md", "--endpoint", endpoint, "--format", "json"],
            environment: Self.environment(), in: out, name: "mock-run")
        #expect(result.stdout.contains("\"scenarios\""), "\(result.stderr)")
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains(#"["api-key","REDACTED"]"#))
        #expect(logged.contains(#""authorization":"Bearer REDACTED""#))
        try Self.expectNoSecret(in: root)
        await mock.stop(SIGINT)
    }

    @Test func configShowsTheEndpointWithoutItsCredentials() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let endpoint = "https://\(Self.user):\(Self.password)@name.openai.azure.com/?sig=\(Self.password)"
        let command = try #require(try DocverifyCommand.parseAsRoot(["config", root.path, "--endpoint", endpoint, "--format", "json"]) as? ConfigCommand)
        let output = try command.render()
        #expect(output.contains("https://name.openai.azure.com/?sig=[redacted]"), "\(output)")
        #expect(!output.contains("DVSECRET"))
    }

    @Test func theReportsOwnMarkupSurvivesTheFinalPass() {
        // Every report goes through the redactor as a whole: its script and style must come out unchanged.
        let redactor = SecretRedactor(values: [Self.key, Self.token])
        let html = HTMLReport.render([], root: nil)
        #expect(redactor.redact(html) == html)
        #expect(html.contains("<script>"))
    }

    @Test func theEntryPointKnowsTheCredentialsOfTheArguments() {
        let redactor = SecretRedactor.process(
            arguments: ["docverify", "run", "--api-key-env", "MY_KEY", "--endpoint=http://u:\(Self.password)@h/"],
            environment: ["MY_KEY": Self.key, "AZURE_OPENAI_AD_TOKEN": Self.token])
        let message = "failed: \(Self.key) \(Self.token) http://u:\(Self.password)@h/ \(Self.password)"
        #expect(redactor.redact(message) == "failed: [redacted] [redacted] http://h/ [redacted]")
    }
}
