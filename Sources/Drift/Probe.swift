import Core
import Limits

/// What a probe sends beyond a minimal chat completions request.
public enum ProbePayload: Sendable, Hashable {
    /// Audio output in this voice.
    case voice(String)
    /// A silent WAV recording of this many bytes as input audio.
    case inputAudio(bytes: Int)
    /// `max_tokens` set to this value.
    case maxTokens(Int)
    /// A request with audio output sent with this api-version.
    case apiVersion(String)
}

/// What the docs say the endpoint should do with a probe.
public enum ProbeExpectation: String, Sendable, Hashable, Codable {
    /// Within the documented limit: the endpoint should accept it.
    case accept
    /// Beyond the documented limit: the endpoint should refuse it.
    case refuse
}

/// One boundary request for one documented limit.
public struct Probe: Sendable, Hashable {
    /// The limit statement it tests (its file and line are reported with the result).
    public var limit: DocumentedLimit
    /// `voice 'fable' (not in the documented list)`.
    public var summary: String
    public var payload: ProbePayload
    public var expectation: ProbeExpectation

    public init(limit: DocumentedLimit, summary: String, payload: ProbePayload, expectation: ProbeExpectation) {
        self.limit = limit
        self.summary = summary
        self.payload = payload
        self.expectation = expectation
    }
}

/// How the endpoint answered a probe.
public enum ProbeOutcome: Sendable, Hashable {
    case accepted(status: Int)
    /// A 4xx that judges the request (400, 404, 413, 422), with the service's message.
    case refused(status: Int, message: String)
    /// Anything that says nothing about the limit: auth, throttling, server errors, no connection,
    /// an unknown deployment.
    case inconclusive(String)

    public var label: String {
        switch self {
        case .accepted(let status): "accepted (\(status))"
        case .refused(let status, let message): "refused (\(status)\(message.isEmpty ? "" : ": " + message))"
        case .inconclusive(let reason): "inconclusive (\(reason))"
        }
    }
}

/// A probe and its answer.
public struct ProbeResult: Sendable, Hashable {
    public var probe: Probe
    public var outcome: ProbeOutcome

    public init(probe: Probe, outcome: ProbeOutcome) {
        self.probe = probe
        self.outcome = outcome
    }

    /// `limit-stricter` when the endpoint refuses what the docs allow, `limit-not-enforced` when it
    /// accepts what they rule out; nil when it behaves as documented or said nothing.
    public var finding: Finding? {
        let limit = probe.limit
        switch (probe.expectation, outcome) {
        case (.accept, .refused(let status, let message)):
            return Finding(
                rule: "limit-stricter", severity: .error, location: limit.location,
                message: "the endpoint refused \(probe.summary) with \(status)\(message.isEmpty ? "" : " (\(message))"), though the page states \(limit.key) = \(limit.value) here; readers following the page hit this; correct the statement or the service")
        case (.refuse, .accepted(let status)):
            return Finding(
                rule: "limit-not-enforced", severity: .warning, location: limit.location,
                message: "the endpoint accepted \(probe.summary) with \(status), beyond \(limit.key) = \(limit.value) stated here; the docs are stricter than the service: update the statement if the service's behavior is intended")
        default:
            return nil
        }
    }
}
