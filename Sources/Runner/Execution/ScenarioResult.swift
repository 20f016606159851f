import Core
import Foundation
import Transport

/// The outcome of one scenario.
public enum ScenarioStatus: String, Sendable, Codable {
    case passed
    case failed
    /// Not run: a credential is absent, or a scenario it depends on did not pass.
    case skipped
}

/// One HTTP call of a scenario as it happened.
public struct CallResult: Sendable {
    public var location: SourceLocation
    public var method: String
    /// The URL sent, with secrets never included (they travel in headers).
    public var url: String
    public var status: Int?
    public var timings: Timings?
    public var attempts: Int
    /// The response body as JSON, when it was JSON.
    public var response: JSONValue?
    /// The request exactly as sent and the raw answer, for golden files. Holds the credentials the
    /// request carried: redact before writing it anywhere.
    public var exchange: RecordedExchange?

    public init(
        location: SourceLocation, method: String, url: String, status: Int?, timings: Timings?, attempts: Int, response: JSONValue?,
        exchange: RecordedExchange? = nil
    ) {
        self.location = location
        self.method = method
        self.url = url
        self.status = status
        self.timings = timings
        self.attempts = attempts
        self.response = response
        self.exchange = exchange
    }
}

/// One request as it went on the wire and what came back (nil when no answer arrived).
public struct RecordedExchange: Sendable {
    public var request: HTTPRequest
    public var response: HTTPResponse?
    /// The JSON the request body was serialized from, when it was built from JSON: a golden records
    /// this value (its strings shared with the built request) instead of parsing the bytes again.
    public var requestJSON: JSONValue?

    public init(request: HTTPRequest, response: HTTPResponse?, requestJSON: JSONValue? = nil) {
        self.request = request
        self.response = response
        self.requestJSON = requestJSON
    }
}

/// What running one scenario found.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    public var status: ScenarioStatus
    /// Why it was skipped or, briefly, why it failed.
    public var reason: String?
    public var calls: [CallResult]
    public var findings: [Finding]
    /// Wall time of the scenario's calls, in seconds.
    public var duration: TimeInterval
    /// Uploaded files no step wrote, taken from `--inputs` or generated.
    public var inputs: [SuppliedInput] = []
    /// The run deadline (`--deadline`) passed before the scenario started or while it ran.
    public var cutByDeadline = false

    /// The reason of a scenario the run did not start, or gave up in flight, because it was
    /// interrupted (SIGINT, SIGTERM): not the page's fault, so no finding.
    public static let interruptedReason = "not run: the run was interrupted"

    public init(scenario: Scenario, status: ScenarioStatus, reason: String?, calls: [CallResult], findings: [Finding], duration: TimeInterval) {
        self.scenario = scenario
        self.status = status
        self.reason = reason
        self.calls = calls
        self.findings = findings
        self.duration = duration
    }
}
