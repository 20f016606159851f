import Foundation
import MockServer
import Transport

/// Where and how `docverify run` sends the doc's requests.
public struct RunConfiguration: Sendable {
    /// The service base URL; nil runs against the embedded mock on an ephemeral loopback port.
    public var endpoint: String?
    /// Environment variable our process reads the API key from (the samples' own variable by default).
    public var apiKeyEnvironmentName: String
    /// Environment variable our process reads the Entra ID bearer token from.
    public var tokenEnvironmentName: String
    /// Our process's environment (injected so tests do not depend on the real one).
    public var environment: [String: String]
    /// At most this many transfers at once.
    public var jobs: Int
    public var transport: TransportOptions
    /// `--inputs DIR`: files a sample uploads that no step writes (else generated stand-ins).
    public var inputsDirectory: String?
    /// `--deployment NAME`: used where the page leaves the deployment name to the reader.
    public var deployment: String?
    /// Answers every request in place of the network and the embedded mock (golden replay); the
    /// run then uses the mock's stand-in credentials.
    public var responder: (@Sendable (HTTPRequest) async -> HTTPResponse)?
    /// How the embedded mock answers operations it has no model of (from `--spec`); nil: 404.
    public var mockFallback: FallbackAnswerer?
    /// `--deadline SECONDS`: the whole run's time; calls not started by then are skipped and those in
    /// flight cancelled (nil: no deadline).
    public var deadline: TimeInterval?
    /// `--max-scenarios N`: scenarios past the N-th of the run are skipped with one warning.
    public var maxScenarios = ScenarioCap.defaultMaxScenarios

    public init(
        endpoint: String? = nil, apiKeyEnvironmentName: String = "AZURE_OPENAI_API_KEY",
        tokenEnvironmentName: String = "AZURE_OPENAI_AD_TOKEN",
        environment: [String: String] = ProcessInfo.processInfo.environment,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, transport: TransportOptions = TransportOptions()
    ) {
        self.endpoint = endpoint
        self.apiKeyEnvironmentName = apiKeyEnvironmentName
        self.tokenEnvironmentName = tokenEnvironmentName
        self.environment = environment
        self.jobs = max(1, jobs)
        self.transport = transport
    }

    /// True when the run targets the embedded mock.
    public var usesMock: Bool { endpoint == nil }
}

/// The credentials a run can present, resolved once from the configuration.
struct Credentials: Sendable {
    var apiKey: String?
    var bearerToken: String?

    /// Against the mock any non-empty credential is accepted, so a stand-in is used when the
    /// variable is unset: `docverify run docs/examples` needs nothing else.
    init(configuration: RunConfiguration, usingMock: Bool) {
        let key = configuration.environment[configuration.apiKeyEnvironmentName].flatMap { $0.isEmpty ? nil : $0 }
        let token = configuration.environment[configuration.tokenEnvironmentName].flatMap { $0.isEmpty ? nil : $0 }
        apiKey = key ?? (usingMock ? "docverify-mock-key" : nil)
        bearerToken = token ?? (usingMock ? "docverify-mock-token" : nil)
    }
}
