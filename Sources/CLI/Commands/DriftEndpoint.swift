import Core
import Drift
import Foundation
import Limits
import MockServer
import Requests
import Runner
import Spec

/// Where `drift` sends probes and scenarios: the live endpoint, or the embedded mock.
extension DriftCommand {
    /// The embedded mock's lists, compared with the spec like docverify's own model.
    func mockSites(_ profile: MockProfile) -> [(site: SpecEnumSite, values: [String])] {
        let chat = "/chat/completions"
        return [
            (SpecEnumSite("mock.voices", "POST", chat, ["audio", "voice"]), profile.voices),
            (SpecEnumSite("mock.output-formats", "POST", chat, ["audio", "format"]), profile.outputFormats.keys.sorted()),
            (SpecEnumSite("mock.input-formats", "POST", chat, ["messages", "[]", "content", "[]", "input_audio", "format"]), profile.inputFormats),
            (SpecEnumSite("mock.modalities", "POST", chat, ["modalities", "[]"]), profile.modalities),
        ]
    }

    func loadProfile() throws -> MockProfile {
        do {
            return try mockProfile.map { try MockProfile.load(path: $0) } ?? .default
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    /// The embedded mock with `profile`, answering operations it has no model of from the specs.
    func startMock(_ profile: MockProfile, specs: SpecSet) async throws -> RunningMockServer {
        do {
            return try await MockServer.start(profile: profile, fallback: SpecOptions.mockFallback(specs))
        } catch {
            throw EmbeddedMockError(detail: "\(error)")
        }
    }

    /// Every scenario run against the endpoint (or the mock at `mockURL`); what the run finds beyond
    /// the static findings is doc ↔ endpoint drift.
    func runItems(_ checked: [CheckedDocument], mockURL: String?) async -> [DriftItem] {
        var environment = ProcessInfo.processInfo.environment
        if mockURL != nil {
            // The mock takes any credential; stand-ins keep every tab runnable.
            environment[apiKeyEnv] = environment[apiKeyEnv] ?? "docverify-mock-key"
            environment["AZURE_OPENAI_AD_TOKEN"] = environment["AZURE_OPENAI_AD_TOKEN"] ?? "docverify-mock-token"
        }
        let configuration = RunConfiguration(
            endpoint: mockURL ?? endpoint, apiKeyEnvironmentName: apiKeyEnv, environment: environment, jobs: 2)
        guard let reports = try? await DocumentRunner(configuration: configuration).run(checked.map { ($0.extraction, $0.findings, $0.requests) }) else {
            return []
        }
        return reports.flatMap { report in
            report.findings.filter { !report.staticFindings.contains($0) }.map { finding in
                DriftItem(kind: .docEndpoint, document: report.file, finding: finding, docSide: "the sample's request", otherSide: "the endpoint's answer (see the message)")
            }
        }
    }

    /// Sends the probes to the endpoint or to the embedded mock; a remark says why none were sent.
    func probe(_ probes: [Probe], requests: [BuiltRequest], specs: SpecSet, mock: (RunningMockServer, MockProfile)?) async -> ([ProbeResult], String?) {
        let literalDeployment = requests.lazy.compactMap { request -> String? in
            if case .string(let name)? = request.extracted.deployment { return name }
            return nil
        }.first
        let apiVersion = requests.lazy.compactMap(\.apiVersion).first ?? specs.newest?.version
        guard let (server, profile) = mock else {
            let endpoint = endpoint ?? ""
            guard let key = ProcessInfo.processInfo.environment[apiKeyEnv], !key.isEmpty else {
                return ([], "No API key in $\(apiKeyEnv): no probe was sent to \(endpoint).")
            }
            guard let deployment = deployment ?? literalDeployment, let apiVersion else {
                return ([], "No deployment or api-version to probe with: pass --deployment (and samples with an api-version).")
            }
            let target = ProbeTarget(baseURL: endpoint, deployment: deployment, apiVersion: apiVersion, headers: ["api-key": key], interval: Self.liveInterval)
            return (await ProbeRunner.run(probes, target: target, budget: probeBudget), nil)
        }
        let chosen = deployment ?? literalDeployment.flatMap { profile.deployments.contains($0) ? $0 : nil } ?? profile.deployments.first ?? "deployment"
        // A profile without a version list accepts every published version.
        let version = apiVersion.flatMap { v in (profile.apiVersions.map { $0.contains(v) } ?? true) ? v : nil } ?? profile.apiVersions?.first ?? "2025-01-01-preview"
        let target = ProbeTarget(baseURL: server.baseURL, deployment: chosen, apiVersion: version, headers: ["api-key": "docverify-probe"], interval: .zero)
        let (kept, remark) = Self.mockProbes(probes, profile: profile)
        return (await ProbeRunner.run(kept, target: target, budget: probeBudget), remark)
    }

    /// The probes the embedded mock can judge. It has no output token cap. Its api-versions are the
    /// published versions and the features each added (``APIVersionTable``, read from the specs), so
    /// it judges the version probes as the service's history does — unless the profile narrows the
    /// versions and leaves the documented minimum out: probing then would blame the page for the
    /// profile.
    static func mockProbes(_ probes: [Probe], profile: MockProfile) -> ([Probe], String?) {
        var skipped: [String] = []
        let kept = probes.filter { probe in
            switch probe.payload {
            case .maxTokens:
                skipped.append("max_tokens (the mock has no output token cap)")
                return false
            case .apiVersion:
                guard case .version(let minimum) = probe.limit.value, profile.apiVersions?.contains(minimum) ?? true else {
                    skipped.append("api-versions (the mock's profile does not list the documented minimum)")
                    return false
                }
                return true
            default:
                return true
            }
        }
        var reasons: [String] = []
        for reason in skipped where !reasons.contains(reason) { reasons.append(reason) }
        return (kept, reasons.isEmpty ? nil : "Not probed against the embedded mock: \(reasons.joined(separator: "; ")); pass --endpoint to probe the service.")
    }
}
