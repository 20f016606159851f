import Core
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The mock's whole HTTP surface: one route, Azure's checks in Azure's order, faults, logging.
struct MockResponder: HTTPResponder {
    typealias Context = MockRequestContext

    let profile: MockProfile
    let options: MockServerOptions
    let faults: FaultInjector
    let audioStore: AudioStore
    let log: RequestLog
    /// Answers what the routes below do not serve (see ``FallbackAnswerer``).
    var fallback: FallbackAnswerer? = nil

    /// The header a test sets to get a given status back (`x-docverify-fault: 503`).
    static let faultHeader = HTTPField.Name("x-docverify-fault")!

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var bodyBytes = 0
        let response: Response
        do {
            response = try await answer(request, bodyBytes: &bodyBytes)
        } catch let error as MockError {
            response = error.response(headers: commonHeaders())
        }
        if options.latency > .zero { try? await Task.sleep(for: options.latency) }
        await log.append(
            LoggedRequest(
                time: Int(Date().timeIntervalSince1970 * 1_000), method: request.method.rawValue, path: request.uri.path,
                query: request.uri.queryParameters.map { [String($0.key), String($0.value)] },
                headers: RequestLog.redactedHeaders(request.headers), bodyBytes: bodyBytes, status: response.status.code))
        return response
    }

    private func commonHeaders() -> HTTPFields {
        var headers = HTTPFields()
        let id = UUID().uuidString.lowercased()
        headers[HTTPField.Name("apim-request-id")!] = id
        headers[HTTPField.Name("x-request-id")!] = id
        return headers
    }

    private func answer(_ request: Request, bodyBytes: inout Int) async throws -> Response {
        // /openai/deployments/{deployment}/chat/completions
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard segments.count == 5, segments.first == "openai", segments.dropFirst().first == "deployments",
            Array(segments.suffix(2)) == ["chat", "completions"], let deployment = segments.dropFirst(2).first, !deployment.isEmpty
        else {
            if let fallback, let answered = try await answerByFallback(request, fallback, bodyBytes: &bodyBytes) { return answered }
            throw MockError.resourceNotFound("This mock serves POST /openai/deployments/{deployment}/chat/completions only.")
        }
        guard isAuthorized(request.headers) else { throw MockError.unauthorized() }
        guard let version = request.uri.queryParameters["api-version"].map(String.init), !version.isEmpty else {
            throw MockError.resourceNotFound("The 'api-version' query parameter is missing; supported: \(profile.apiVersions.joined(separator: ", ")).")
        }
        guard profile.apiVersions.contains(version) else {
            throw MockError.resourceNotFound("api-version '\(version)' is not supported; supported: \(profile.apiVersions.joined(separator: ", ")).")
        }
        let deploymentName = String(deployment).removingPercentEncoding ?? String(deployment)
        guard profile.deployments.contains(deploymentName) else {
            throw MockError.deploymentNotFound(deploymentName, known: profile.deployments)
        }
        guard request.method == .post else {
            throw MockError(status: .methodNotAllowed, code: "405", message: "Use POST for chat completions, not \(request.method.rawValue).")
        }
        if let fault = try await injectedFault(request.headers) { throw MockError.injectedFault(fault) }

        let limit = profile.limits.maxRequestBytes
        switch try await BodyReader.read(request, limit: limit) {
        case .tooLarge(let received):
            bodyBytes = received
            throw MockError.tooLarge(
                "The request body is larger than \(limit) bytes, the most this endpoint accepts. Send less data (for audio: a shorter or compressed recording).",
                closeConnection: true)
        case .complete(let body):
            bodyBytes = body.count
            let view = try decodeChatRequest(body, profile: profile)
            return try await complete(view, deployment: deploymentName)
        }
    }

    private func isAuthorized(_ headers: HTTPFields) -> Bool {
        if let key = headers[HTTPField.Name("api-key")!]?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
            return profile.apiKeys.map { $0.contains(key) } ?? true
        }
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" && !parts[1].trimmingCharacters(in: .whitespaces).isEmpty
        }
        return false
    }

    private func injectedFault(_ headers: HTTPFields) async throws -> HTTPResponse.Status? {
        if let forced = headers[Self.faultHeader] {
            guard let code = Int(forced.trimmingCharacters(in: .whitespaces)), (400...599).contains(code) else {
                throw MockError.invalidRequest(param: nil, "The x-docverify-fault header must be a 4xx or 5xx status code, not '\(forced)'.")
            }
            return HTTPResponse.Status(code: code)
        }
        return await faults.nextFault().map { HTTPResponse.Status(code: $0) }
    }

    private func complete(_ view: ChatRequestView, deployment: String) async throws -> Response {
        let now = Int(Date().timeIntervalSince1970)
        for message in view.messages {
            guard let reference = message.audioReference else { continue }
            if await audioStore.lookup(reference.id, now: now) == nil {
                throw MockError.invalidRequest(
                    param: reference.path,
                    "Audio with id '\(reference.id)' was not found or has expired. Use the 'audio.id' of an answer from this endpoint, within \(profile.audioTTLSeconds) seconds.")
            }
        }
        let answer = ChatCompletionAnswer(request: view, deployment: deployment, profile: profile)
        let hash = answer.requestHash
        var audioID: String?
        let expiresAt = now + profile.audioTTLSeconds
        if view.wantsAudio {
            let id = await audioStore.issueID(requestHash: hash)
            await audioStore.remember(id: id, transcript: answer.transcript, expiresAt: expiresAt)
            audioID = id
        }
        let completionID = "chatcmpl-" + hash.paddedHex
        let body = answer.response(completionID: completionID, created: now, audioID: audioID, expiresAt: expiresAt)
        var headers = commonHeaders()
        if view.stream {
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            let events = StreamedAnswer.events(for: body, includeUsage: view.streamUsage)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: events)))
        }
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONBody.encode(body))))
    }

    /// The fallback's answer to an authorized request, nil when it has none.
    private func answerByFallback(_ request: Request, _ fallback: FallbackAnswerer, bodyBytes: inout Int) async throws -> Response? {
        guard isAuthorized(request.headers) else { throw MockError.unauthorized() }
        var body = Data()
        if case .complete(let bytes) = try await BodyReader.read(request, limit: profile.limits.maxRequestBytes) { body = Data(bytes) }
        bodyBytes = body.count
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { a, _ in a })
        guard let answer = fallback(FallbackRequest(method: request.method.rawValue, path: request.uri.path, query: query, body: body)) else { return nil }
        var headers = commonHeaders()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: answer.body.serialized())))
    }
}
