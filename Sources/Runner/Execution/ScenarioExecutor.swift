import Core
import Extraction
import Foundation
import Requests
import Transport

/// Runs one scenario's calls in order, resolving each call's placeholders from what came before,
/// and checks every response against what the sample's code expects of it.
struct ScenarioExecutor: Sendable {
    var client: HTTPClient
    var configuration: RunConfiguration
    var baseURL: String
    var credentials: Credentials
    /// Built requests by sample id.
    var built: [Int: [BuiltRequest]]

    /// Runs `scenario` with `inputFiles` (what its dependencies wrote); returns the result and the
    /// files it wrote.
    func run(_ scenario: Scenario, inputFiles: [String: Data]) async -> (ScenarioResult, [String: Data]) {
        var files = inputFiles
        var calls: [CallResult] = []
        var findings: [Finding] = []
        let started = Date()

        func finish(_ status: ScenarioStatus, _ reason: String?) -> (ScenarioResult, [String: Data]) {
            let result = ScenarioResult(
                scenario: scenario, status: status, reason: reason, calls: calls,
                findings: findings.map { tagged($0, scenario) }, duration: Date().timeIntervalSince(started))
            return (result, files)
        }

        if let reason = missingCredential(scenario) {
            return finish(.skipped, reason)
        }

        for entry in scenario.samples {
            let requests = built[entry.sample.id] ?? []
            var responses: [Int: JSONValue] = [:]
            var audioOutputs: [Data] = []
            for (index, request) in requests.enumerated() {
                let resolver = PlaceholderResolver(
                    baseURL: baseURL, credentials: credentials, environment: configuration.environment,
                    files: files, responses: responses,
                    endpointPlaceholders: PlaceholderResolver.placeholders(in: request.extracted.endpoint),
                    apiKeyPlaceholders: PlaceholderResolver.placeholders(in: request.extracted.headers["api-key"]))
                let envelope = [request.extracted.endpoint] + Array(request.extracted.query.values)
                    + Array(request.extracted.headers.values) + [request.extracted.body ?? .null]
                    + [request.extracted.deployment ?? .null]
                let missing = resolver.unresolved(in: envelope)
                if !missing.isEmpty {
                    findings.append(Finding(
                        rule: "request-unresolved", severity: .error, location: request.location,
                        message: "cannot run this call: \(Self.describe(missing)) has no value at run time; make the earlier step that provides it work, or set it"))
                    return finish(.failed, "a value the call needs is missing")
                }
                guard let url = request.url(resolving: resolver.resolve) else {
                    findings.append(Finding(rule: "request-unresolved", severity: .error, location: request.location,
                                            message: "cannot build the URL of this call from its endpoint and deployment"))
                    return finish(.failed, "the URL cannot be built")
                }
                var headers = HTTPHeaders(request.headers(resolving: resolver.resolve).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                if !headers.contains("content-type"), request.extracted.body != nil { headers.append(name: "content-type", value: "application/json") }
                let body = request.extracted.body == nil ? nil : request.encodedBody(resolving: resolver.resolve)
                let httpRequest = HTTPRequest(method: request.method, url: url, headers: headers, body: body)

                let response: HTTPResponse
                do {
                    if let responder = configuration.responder {
                        response = await responder(httpRequest)
                    } else {
                        response = try await client.send(httpRequest, options: configuration.transport)
                    }
                } catch {
                    findings.append(Finding(
                        rule: "endpoint-unreachable", severity: .error, location: request.location,
                        message: "\(error.description); check --endpoint and that the service is reachable"))
                    calls.append(CallResult(location: request.location, method: request.method, url: url, status: nil, timings: nil, attempts: 1, response: nil,
                                            exchange: RecordedExchange(request: httpRequest, response: nil)))
                    return finish(.failed, "endpoint unreachable")
                }
                let json = try? JSONValue.parse(String(decoding: response.body, as: UTF8.self))
                calls.append(CallResult(location: request.location, method: request.method, url: url, status: response.status,
                                        timings: response.timings, attempts: response.attempts, response: json,
                                        exchange: RecordedExchange(request: httpRequest, response: response)))
                let check = ResponseChecks.check(
                    response: response, json: json, request: request, call: index,
                    reads: entry.extraction.responseReads,
                    placeholderFormats: configuration.usesMock ? Self.mockPlaceholderFormats : [])
                findings += check.findings
                if let audio = check.audio { audioOutputs.append(audio) }
                guard response.isSuccess, let json else {
                    return finish(.failed, "HTTP \(response.status)")
                }
                responses[index] = json
            }
            // A sample that writes files writes the audio it received (what every audio quickstart does).
            if let audio = audioOutputs.last {
                for write in entry.extraction.writes { files[write.path] = audio }
            }
        }
        let failed = findings.contains { $0.severity == .error }
        return finish(failed ? .failed : .passed, failed ? "a response check failed" : nil)
    }

    /// The embedded mock answers opus with labelled stand-in bytes, not an Ogg stream.
    static let mockPlaceholderFormats: Set<String> = ["opus"]

    /// In live mode a tab whose credential is absent is skipped, not failed.
    private func missingCredential(_ scenario: Scenario) -> String? {
        let auths = Set(scenario.samples.flatMap { built[$0.sample.id] ?? [] }.compactMap(\.auth))
        if auths.contains(.bearer), credentials.bearerToken == nil {
            return "no Entra ID token: set \(configuration.tokenEnvironmentName) (e.g. from `az account get-access-token`) to run keyless tabs"
        }
        if auths.contains(.apiKey), credentials.apiKey == nil {
            return "no API key: set \(configuration.apiKeyEnvironmentName) to run API-key tabs"
        }
        return nil
    }

    private func tagged(_ finding: Finding, _ scenario: Scenario) -> Finding {
        var f = finding
        f.pivot = f.pivot ?? scenario.pivot
        f.tab = f.tab ?? scenario.tab
        return f
    }

    static func describe(_ placeholders: [Placeholder]) -> String {
        let names = placeholders.map { p -> String in
            switch p {
            case .environment(let name, _): return "environment variable \(name)"
            case .file(let path, _): return "file \(path) (no earlier scenario wrote it)"
            case .response(let call, let path): return "\(path) of response \(call + 1)"
            case .credential(let kind): return "credential \(kind.rawValue)"
            case .unknown(let text): return "`\(text)`"
            }
        }
        return Array(Set(names)).sorted().joined(separator: ", ")
    }
}
