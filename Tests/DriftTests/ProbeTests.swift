import Core
import Foundation
import Limits
import MockServer
import Testing
@testable import Drift

private func limit(_ key: String, _ value: LimitValue, line: Int) -> DocumentedLimit {
    DocumentedLimit(key: key, value: value, location: SourceLocation(file: "includes/intro.md", line: line), article: "quickstart.md")
}

/// The corpus quickstart's shape, in our own words: three voices and a 20 MB audio cap.
private let documented = [
    limit("audio.voices", .names(["Alloy", "Echo", "Shimmer"]), line: 30),
    limit("audio.max-input-size", .bytes(20_000_000, written: "20 MB"), line: 32),
]
private let specVoices = ["alloy", "echo", "fable", "onyx", "nova", "shimmer"]

private func probe(_ profile: MockProfile, _ limits: [DocumentedLimit] = documented, budget: Int = 20) async throws -> [ProbeResult] {
    // The probes are about limits, not timeouts: on a machine starved by the whole suite, a 19 MB
    // upload may take longer than the mock's default 30 s body timeout.
    let patient = ConnectionLimits(idleTimeout: .seconds(600), headerTimeout: .seconds(600), maxConnections: 64, bodyTimeout: .seconds(600))
    let server = try await MockServer.start(profile: profile, options: MockServerOptions(connections: patient))
    let target = ProbeTarget(
        baseURL: server.baseURL, deployment: profile.deployments[0], apiVersion: profile.apiVersions?.first ?? "2025-01-01-preview",
        headers: ["api-key": "probe"], interval: .zero)
    let probes = ProbePlanner.plan(limits, knownVoices: specVoices, knownVersions: ["2024-10-21", "2025-01-01-preview"])
    let results = await ProbeRunner.run(probes, target: target, budget: budget)
    await server.stop()
    return results
}

@Suite struct ProbeTests {
    @Test func plansEveryDocumentedBoundary() {
        let minimum = limit("api-version.minimum", .version("2025-01-01-preview"), line: 39)
        let cap = limit("tokens.max-output", .count(4_096), line: 40)
        let probes = ProbePlanner.plan(documented + [minimum, cap], knownVoices: specVoices, knownVersions: ["2024-10-21", "2024-12-01-preview", "2025-01-01-preview"])
        #expect(probes.map(\.summary) == [
            "voice 'alloy' (documented)", "voice 'echo' (documented)", "voice 'shimmer' (documented)",
            "voice 'fable' (not in the documented list)",
            "19000000 bytes of input audio (just under)", "21000000 bytes of input audio (just over)",
            "max_tokens 4096 (at the cap)", "max_tokens 4097 (over the cap)",
            "api-version 2025-01-01-preview (the documented minimum)", "api-version 2024-12-01-preview (the one before the minimum)",
        ])
        #expect(probes.allSatisfy { $0.limit.location.file == "includes/intro.md" })
    }

    @Test func silentRecordingIsAWAVOfTheAskedSize() {
        let wav = ProbeBody.silentWAV(totalBytes: 1_000)
        #expect(wav.count == 1_000)
        #expect(String(decoding: wav.prefix(4), as: UTF8.self) == "RIFF")
    }

    @Test func aMoreGenerousServiceDoesNotEnforceTheDocumentedLimits() async throws {
        var profile = MockProfile.default
        profile.voices = specVoices
        profile.limits.maxAudioBytes = 25_000_000
        let results = try await probe(profile)
        let findings = results.compactMap(\.finding)
        #expect(findings.map(\.rule).sorted() == ["limit-not-enforced", "limit-not-enforced"])
        #expect(findings.contains { $0.location.line == 30 && $0.message.contains("'fable'") })
        #expect(findings.contains { $0.location.line == 32 && $0.message.contains("21000000 bytes") })
        #expect(results.filter { $0.probe.expectation == .accept }.allSatisfy { if case .accepted = $0.outcome { true } else { false } })
    }

    @Test func aServiceRefusingADocumentedVoiceIsStricter() async throws {
        var profile = MockProfile.default
        profile.voices = ["echo", "shimmer"]
        let results = try await probe(profile, [documented[0]])
        let findings = results.compactMap(\.finding)
        #expect(findings.map(\.rule) == ["limit-stricter"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("'alloy'") == true)
    }

    @Test func theBudgetBoundsTheProbes() async throws {
        let results = try await probe(.default, budget: 2)
        #expect(results.count == 2)
    }

    @Test func aMissingDeploymentIsInconclusive() {
        let body = Data(#"{"error": {"code": "DeploymentNotFound", "message": "no"}}"#.utf8)
        if case .inconclusive = ProbeRunner.classify(status: 404, body: body) {} else { Issue.record("expected inconclusive") }
        if case .refused(400, _) = ProbeRunner.classify(status: 400, body: Data()) {} else { Issue.record("expected refused") }
        if case .inconclusive = ProbeRunner.classify(status: 429, body: Data()) {} else { Issue.record("expected inconclusive") }
    }
}
