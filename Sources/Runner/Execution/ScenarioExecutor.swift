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
    /// Where uploads no step wrote come from.
    var inputs: InputFiles
    /// `--deadline`: no call starts after it; the one in flight is cancelled by the runner.
    var deadline: RunDeadline? = nil

    /// Runs `scenario` with what its dependencies left (files they wrote, ids they got); returns the
    /// result and what it leaves for the scenarios after it.
    func run(_ scenario: Scenario, carried: ScenarioState) async -> (ScenarioResult, ScenarioState) {
        var files = carried.files
        var calls: [CallResult] = []
        var findings: [Finding] = []
        var supplied: [SuppliedInput] = []
        var ids = carried.ids
        let started = Date()
        // The first call not sent because it goes to another service, when the calls after it
        // could still be sent (a management call that sets a deployment up, then inference).
        var otherService: String?

        func finish(_ status: ScenarioStatus, _ reason: String?) -> (ScenarioResult, ScenarioState) {
            var result = ScenarioResult(
                scenario: scenario, status: status, reason: reason, calls: calls,
                findings: findings.map { tagged($0, scenario) }, duration: Date().timeIntervalSince(started))
            result.inputs = supplied
            return (result, ScenarioState(files: files, ids: ids))
        }

        if let reason = missingCredential(scenario) {
            return finish(.skipped, reason)
        }

        for entry in scenario.samples {
            let requests = built[entry.sample.id] ?? []
            var responses: [Int: JSONValue] = [:]
            var audioOutputs: [Data] = []
            for (index, request) in requests.enumerated() {
                if let deadline, deadline.hasPassed {
                    var cut = finish(.skipped, deadline.reason)
                    cut.0.cutByDeadline = true
                    return cut
                }
                // A call the embedded mock has no answer for: its 404 would be the mock's limit,
                // not the page's.
                if configuration.usesMock, request.operation == nil, request.extracted.purpose != .download {
                    // An operation docverify doesn't model (unless a spec fallback answers it).
                    if configuration.mockFallback == nil,
                       let family = UnmodeledOperations.family(method: request.extracted.method, path: request.extracted.path) {
                        return finish(.skipped, "the call at line \(request.location.line) uses \(family), which the embedded mock doesn't serve; run against an endpoint (--endpoint) to test it")
                    }
                    // Another service (Azure Resource Manager, a search index): not the page's to judge here.
                    if !request.extracted.path.hasPrefix("/openai/") {
                        let reason = "the call at line \(request.location.line) goes to a service other than Azure OpenAI, which the embedded mock doesn't serve"
                        // Later calls that read its answer can't be sent without it.
                        if requests[(index + 1)...].contains(where: { Self.readsAnswers($0.extracted) }) {
                            return finish(.skipped, reason)
                        }
                        otherService = otherService ?? reason
                        continue
                    }
                }
                // `thread_abc123` in a REST path stands for the id the reader's earlier call (on
                // this page or another) returned; with no such call in the run there is nothing to
                // put in its place, and the 404 would be docverify's, not the page's.
                // (A replay answers from its recording, whatever the id: nothing to check there.)
                if configuration.responder == nil,
                   let example = Self.exampleIDs(of: request.extracted).first(where: { !ids.canFill($0) }) {
                    findings.append(Finding(
                        rule: "request-unresolved", severity: .note, location: request.location,
                        message: "docverify could not run this call: `\(example)` is an id an earlier call returns, and no call of this run returned one of its kind"))
                    return finish(.skipped, "the call at line \(request.location.line) needs the id `\(example)` from an earlier call the run didn't make")
                }
                // Files the call uploads that no earlier step wrote: --inputs, else a stand-in.
                for path in Self.files(of: request.extracted).sorted() where files[path] == nil {
                    guard let input = inputs.supply(path) else {
                        return finish(.skipped, "the call at line \(request.location.line) uploads \(path), which no step writes and docverify has no stand-in for; pass --inputs DIR with a file of that name")
                    }
                    files[path] = input.data
                    supplied.append(input.input)
                }
                var resolver = PlaceholderResolver(
                    baseURL: baseURL, credentials: credentials, environment: configuration.environment,
                    files: files, responses: responses,
                    endpointPlaceholders: PlaceholderResolver.placeholders(in: request.extracted.endpoint).filter(\.isEnvironment),
                    apiKeyPlaceholders: PlaceholderResolver.placeholders(in: request.extracted.headers["api-key"]),
                    tokenPlaceholders: PlaceholderResolver.placeholders(in: request.extracted.headers["authorization"]).filter(\.isEnvironment))
                if configuration.usesMock {
                    resolver.standInVariables = Self.standInVariables(of: request.extracted, resolver: resolver)
                    for name in resolver.standInVariables.sorted() where !supplied.contains(where: { $0.path == "$" + name }) {
                        supplied.append(SuppliedInput(path: "$" + name, source: .standIn("a stand-in value (the variable is unset)")))
                    }
                }
                let assembly = RequestAssembly(
                    resolver: resolver, baseURL: baseURL, credentials: credentials, deployment: configuration.deployment,
                    usesMock: configuration.usesMock, ids: ids)
                let httpRequest: HTTPRequest
                let sentJSON: JSONValue?
                switch assembly.assemble(request, pathParameters: Self.pathParameters(of: request.extracted)) {
                case .request(let r, let json):
                    httpRequest = r
                    sentJSON = json
                case .unresolved(let why):
                    findings.append(Finding(rule: "request-unresolved", severity: .error, location: request.location,
                                            message: "cannot run this call: \(why)"))
                    return finish(.failed, "a value the call needs is missing")
                case .missingInput(let path):
                    return finish(.skipped, "the call at line \(request.location.line) uploads \(path), which nothing provides")
                case .needsEnvironment(let what):
                    // Whether the page tells the reader to set them is `env-var-undefined`'s to say.
                    findings.append(Finding(rule: "request-unresolved", severity: .note, location: request.location,
                                            message: "docverify could not run this call: it needs \(what), which the reader sets and docverify has no value for; set it in docverify's environment to run this call"))
                    return finish(.skipped, "the call at line \(request.location.line) needs \(what)")
                case .beyondReading(let why):
                    findings.append(Finding(rule: "request-unresolved", severity: .note, location: request.location,
                                            message: "docverify could not run this call: \(why); the calls before it were checked"))
                    return finish(.skipped, "the call at line \(request.location.line) needs a value docverify can't supply: \(why)")
                }

                var response: HTTPResponse
                do {
                    if let responder = configuration.responder {
                        response = await responder(httpRequest)
                    } else {
                        response = try await client.send(httpRequest, options: configuration.transport).redacted(by: configuration.redactor)
                    }
                } catch {
                    let deadlineCut: Bool
                    if case .cancelled = error, let deadline, deadline.hasPassed { deadlineCut = true } else { deadlineCut = false }
                    // An interrupted run aborts transfers in flight: the endpoint is not to blame.
                    if Task.isCancelled, !deadlineCut { return finish(.skipped, ScenarioResult.interruptedReason) }
                    calls.append(CallResult(location: request.location, method: httpRequest.method, url: SecretRedactor.stripUserInfo(httpRequest.url), status: nil, timings: nil, attempts: 1, response: nil,
                                            exchange: RecordedExchange(request: httpRequest, response: nil, requestJSON: sentJSON)))
                    if deadlineCut, let deadline {
                        var cut = finish(.skipped, "cancelled in flight: " + deadline.reason)
                        cut.0.cutByDeadline = true
                        return cut
                    }
                    if case .responseTooLarge(_, let limit) = error {
                        // docverify's own bound, not the page's fault: a warning, and the call is not judged.
                        findings.append(Finding(
                            rule: "response-too-large", severity: .warning, location: request.location,
                            message: "the answer to this call is larger than \(limit) bytes, so docverify stopped reading it and did not check it; raise --max-response-bytes if an answer this large is expected"))
                        return finish(.skipped, "the answer passed --max-response-bytes (\(limit) bytes)")
                    }
                    findings.append(Finding(
                        rule: "endpoint-unreachable", severity: .error, location: request.location,
                        message: "\(error.description); check --endpoint and that the service is reachable"))
                    return finish(.failed, "endpoint unreachable")
                }
                let kind = AnswerKind.of(request)
                var answer = AnswerChecks.check(
                    response, kind: kind, request: request, call: index, reads: entry.extraction.responseReads,
                    placeholderFormats: configuration.usesMock ? Self.mockPlaceholderFormats : [])
                // Replayed answers hold only the recorded calls: no polling.
                if configuration.responder == nil, response.isSuccess, let operation = request.operation?.id, case .object? = answer.json {
                    let laterRetrieve = requests[(index + 1)...].contains { $0.operation?.id == RunPolling.runRetrieve }
                    if operation == RunPolling.runRetrieve || (RunPolling.runStarters.contains(operation) && !laterRetrieve) {
                        let polled = await poll(httpRequest, operation: operation, run: answer.json!, location: request.location)
                        findings += polled.findings
                        if let final = polled.response {
                            response = final
                            answer.json = try? JSONValue.parse(String(decoding: final.body, as: UTF8.self))
                        }
                    }
                }
                findings += answer.findings
                calls.append(CallResult(location: request.location, method: httpRequest.method, url: SecretRedactor.stripUserInfo(httpRequest.url), status: response.status,
                                        timings: response.timings, attempts: response.attempts, response: answer.json,
                                        exchange: RecordedExchange(request: httpRequest, response: response, requestJSON: sentJSON)))
                if let audio = answer.chatAudio { audioOutputs.append(audio) }
                guard response.isSuccess, let json = answer.json ?? (answer.saved != nil ? .null : nil) else {
                    return finish(.failed, response.isSuccess ? "the answer could not be read" : "HTTP \(response.status)")
                }
                if let saved = answer.saved, let target = request.extracted.savesResponseTo {
                    files[target.path] = saved
                }
                ids.record(json)
                responses[index] = json
            }
            // A sample that writes files writes the audio it received (what every audio quickstart does).
            if let audio = audioOutputs.last {
                let saved = Set(requests.compactMap { $0.extracted.savesResponseTo?.path })
                for write in entry.extraction.writes where !saved.contains(write.path) { files[write.path] = audio }
            }
        }
        let failed = findings.contains { $0.severity == .error }
        if !failed, calls.isEmpty, let otherService { return finish(.skipped, otherService) }
        return finish(failed ? .failed : .passed, failed ? "a response check failed" : nil)
    }

    /// Retrieves the run until it leaves the pending statuses (bounded). `request` is the retrieve
    /// itself, or a call that started the run (the SDK's `create_and_poll` polls after it).
    private func poll(_ request: HTTPRequest, operation: String, run: JSONValue, location: SourceLocation) async -> (response: HTTPResponse?, findings: [Finding]) {
        var retrieve = request
        if operation != RunPolling.runRetrieve {
            guard let thread = run["thread_id"]?.stringValue, let id = run["id"]?.stringValue,
                  let url = Self.runURL(from: request.url, thread: thread, run: id) else { return (nil, []) }
            var headers = request.headers
            headers.remove("content-type")
            retrieve = HTTPRequest(method: "GET", url: url, headers: headers, body: nil)
        }
        var status = run["status"]?.stringValue
        var last: HTTPResponse?
        var count = 0
        while RunPolling.isPending(status), count < RunPolling.maxRetrieves {
            count += 1
            if !configuration.usesMock { try? await Task.sleep(for: .milliseconds(Int(RunPolling.liveInterval * 1000))) }
            let polled: HTTPResponse?
            if let responder = configuration.responder { polled = await responder(retrieve) } else { polled = try? await client.send(retrieve, options: configuration.transport).redacted(by: configuration.redactor) }
            guard let response = polled, response.isSuccess,
                  let json = try? JSONValue.parse(String(decoding: response.body, as: UTF8.self)) else { break }
            last = response
            status = json["status"]?.stringValue
        }
        if RunPolling.isPending(status) || (status != nil && !RunPolling.finished.contains(status!)) {
            return (last, [Finding(rule: "run-incomplete", severity: .warning, location: location,
                                   message: "the assistants run ended \(status ?? "without a status") after \(count) retrieves, so its reply may be missing")])
        }
        return (last, [])
    }

    /// `…/openai/threads/{thread}/runs/{run}?query` from the URL of a call that started the run.
    static func runURL(from url: String, thread: String, run: String) -> String? {
        let parts = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let range = parts[0].range(of: "/threads") else { return nil }
        let base = parts[0][..<range.upperBound]
        let query = parts.count > 1 ? "?" + parts[1] : ""
        return "\(base)/\(RequestAssembly.percentEncoded(thread))/runs/\(RequestAssembly.percentEncoded(run))\(query)"
    }

    /// Paths of the files a call sends (body placeholders, form file parts, a raw body).
    static func files(of request: ExtractedRequest) -> Set<String> {
        var values: [SymbolicValue] = [request.body ?? .null, request.rawBody ?? .null]
        if request.purpose == .download { return [] }
        values += (request.multipart ?? []).map(\.value)
        return values.reduce(into: Set<String>()) { acc, value in
            for case .file(let path, _) in PlaceholderResolver.placeholders(in: value) { acc.insert(path) }
        }
    }

    /// The values of the path's run-time holes (`{thread_id}`).
    static func pathParameters(of request: ExtractedRequest) -> [String: SymbolicValue] {
        request.pathParameters
    }

    /// The embedded mock answers opus with labelled stand-in bytes, not an Ogg stream.
    static let mockPlaceholderFormats: Set<String> = ["opus"]

    /// In live mode a tab whose credential is absent is skipped, not failed.
    func missingCredential(_ scenario: Scenario) -> String? {
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

    /// True when the call sends a value taken from an earlier call's answer.
    static func readsAnswers(_ request: ExtractedRequest) -> Bool {
        let values: [SymbolicValue?] = [request.endpoint, request.deployment, request.body]
            + Array(request.query.values) + Array(request.headers.values) + Array(request.pathParameters.values)
            + (request.multipart ?? []).map(\.value) + [request.rawBody]
        return values.contains { value in
            PlaceholderResolver.placeholders(in: value).contains { if case .response = $0 { true } else { false } }
        }
    }

    /// The example ids the call holds: in its path (`thread_abc123`, `{thread_id}`), and id-shaped
    /// strings of its body (`"assistant_id": "asst_abc123"`), which can only have been copied from
    /// an earlier answer shown on the page.
    static func exampleIDs(of request: ExtractedRequest) -> [String] {
        var found = request.pathParameters.values.compactMap { value -> String? in
            if case .placeholder(.readerValue(.resourceID, let text)) = value { return text }
            return nil
        }
        func walk(_ value: SymbolicValue, depth: Int) {
            guard depth < 32 else { return }
            switch value {
            case .string(let s) where ResourceIDs.prefix(of: s) != nil: found.append(s)
            case .array(let items): for item in items { walk(item, depth: depth + 1) }
            case .object(let members): for member in members.values { walk(member, depth: depth + 1) }
            default: break
            }
        }
        if let body = request.body { walk(body, depth: 0) }
        return Array(Set(found)).sorted()
    }

    /// Unset environment variables the call reads only in its body or deployment name: the reader
    /// sets them to their own values (a search index, a deployment), which the embedded mock never
    /// looks up, so a stand-in lets the request itself be tested. Variables in the endpoint, the
    /// query (an api-version) or a path id stay unresolved: there a made-up value would be wrong.
    static func standInVariables(of request: ExtractedRequest, resolver: PlaceholderResolver) -> Set<String> {
        func unsetNames(_ values: [SymbolicValue?]) -> Set<String> {
            Set(values.flatMap { PlaceholderResolver.placeholders(in: $0) }.compactMap { placeholder -> String? in
                guard case .environment(let name, nil) = placeholder, resolver.resolve(placeholder) == nil else { return nil }
                return name
            })
        }
        let free = unsetNames([request.body, request.deployment])
        let pinned = unsetNames([request.endpoint] + Array(request.query.values) + Array(request.pathParameters.values)
                                + Array(request.headers.values))
        return free.subtracting(pinned)
    }

    static func describe(_ placeholders: [Placeholder]) -> String {
        let names = placeholders.map { p -> String in
            switch p {
            case .environment(let name, _): return "environment variable \(name)"
            case .file(let path, _): return "file \(path) (no earlier scenario wrote it)"
            case .response(let call, let path): return "\(path) of response \(call + 1)"
            case .credential(let kind): return "credential \(kind.rawValue)"
            case .unknown(let text): return "`\(text)`"
            case .readerValue(let kind, let text): return "the reader's own \(kind.rawValue) (`\(text)` on the page)"
            }
        }
        return Array(Set(names)).sorted().joined(separator: ", ")
    }
}
