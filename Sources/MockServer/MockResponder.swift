import Core
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The mock's whole HTTP surface: every catalog operation, Azure's checks in Azure's order, faults, logging.
struct MockResponder: HTTPResponder {
    typealias Context = MockRequestContext

    let profile: MockProfile
    let options: MockServerOptions
    let faults: FaultInjector
    let audioStore: AudioStore
    let imageStore: ImageStore
    let assistants: AssistantsService
    let log: RequestLog
    /// Answers what the routes below do not serve (see ``FallbackAnswerer``).
    var fallback: FallbackAnswerer? = nil
    /// Audio of recent chat answers (see ``AudioAnswerCache``).
    let audioCache = AudioAnswerCache()

    /// The header a test sets to get a given status back (`x-docverify-fault: 503`).
    static let faultHeader = HTTPField.Name("x-docverify-fault")!

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var bodyBytes = 0
        let response: Response
        do {
            response = try await answer(request, bodyBytes: &bodyBytes)
        } catch let error as MockError {
            response = error.response(headers: commonHeaders())
            // The body was left unread: the connection cannot carry another request.
            if error.closeConnection { context.channel.pipeline.fireUserInboundEventTriggered(MockConnectionEvent.closeAfterResponse) }
        }
        if options.latency > .zero { try? await Task.sleep(for: options.latency) }
        guard log.isRecording else { return response }
        await log.append(
            LoggedRequest(
                time: Int(Date().timeIntervalSince1970 * 1_000), method: request.method.rawValue,
                path: RequestLog.redactedPath(request.uri.path, headers: request.headers),
                query: RequestLog.redactedQuery(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, headers: request.headers),
                headers: RequestLog.redactedHeaders(request.headers), bodyBytes: bodyBytes, status: response.status.code))
        return response
    }

    /// Request ids on every answer; runs tell pollers to come back soon (the SDKs' `create_and_poll`
    /// honours `openai-poll-after-ms`), so tests do not wait a second per poll.
    private func commonHeaders(for route: MockRoute? = nil) -> HTTPFields {
        var headers = HTTPFields()
        if let route, route.operation.id.hasPrefix("threads.runs") {
            headers[HTTPField.Name("openai-poll-after-ms")!] = "20"
        }
        let id = UUID().uuidString.lowercased()
        headers[HTTPField.Name("apim-request-id")!] = id
        headers[HTTPField.Name("x-request-id")!] = id
        return headers
    }

    private func answer(_ request: Request, bodyBytes: inout Int) async throws -> Response {
        let path = request.uri.path
        // Downloads of generated images: plain GETs without credentials, like the storage URLs
        // the service answers with.
        if path.hasPrefix(ImagesAnswer.downloadPrefix), request.method == .get {
            return try await downloadImage(path)
        }
        let route: MockRoute
        switch MockRoute.resolve(method: request.method.rawValue, path: path) {
        case .found(let found): route = found
        case .unknown:
            // An operation docverify has no model of: the spec (`--spec`) may answer it.
            if let fallback, let answered = try await answerByFallback(request, fallback, bodyBytes: &bodyBytes) { return answered }
            throw MockError.resourceNotFound("This mock serves the Azure OpenAI data-plane operations listed in docs/mock-endpoint.md; '\(path)' is none of them.")
        case .wrongMethod(let allowed):
            throw MockError(
                status: .methodNotAllowed, code: "405",
                message: "\(request.method.rawValue) is not allowed on \(path); use \(allowed.joined(separator: " or ")).")
        }
        guard isAuthorized(request.headers) else { throw MockError.unauthorized() }
        try APIVersionPolicy.check(request.uri.queryParameters["api-version"].map(String.init), route: route, profile: profile)
        if let deploymentName = route.deployment, !profile.deployments.contains(deploymentName) {
            throw MockError.deploymentNotFound(deploymentName, known: profile.deployments)
        }
        if let fault = try await injectedFault(request.headers) { throw MockError.injectedFault(fault) }

        let limit = profile.limits.maxRequestBytes
        let timeout = options.connections.bodyTimeout
        if route.operation.id == "chat.completions.create" {
            // The one operation whose JSON carries megabytes of base64: read with its large strings
            // set aside, so the body and the parsed audio are not both held whole.
            let body = try await Self.accepted(BodyReader.readSplicing(request, limit: limit, timeout: timeout), limit: limit, timeout: timeout, bodyBytes: &bodyBytes)
            bodyBytes = body.count
            let parsed = Result { () throws(MockError) in try body.parse() }
            return try await answer(route, request: request, body: [], parsed: parsed)
        }
        let body = try await Self.accepted(BodyReader.read(request, limit: limit, timeout: timeout), limit: limit, timeout: timeout, bodyBytes: &bodyBytes)
        bodyBytes = body.count
        // Parsed once, for the api-version features and the handler: a 20 MB body is not parsed twice.
        let parsed = route.operation.body == .json ? Result { () throws(MockError) in try parseRequestJSON(body) } : nil
        return try await answer(route, request: request, body: body, parsed: parsed)
    }

    private func answer(_ route: MockRoute, request: Request, body: [UInt8], parsed: Result<JSONValue, MockError>?) async throws -> Response {
        let json = try? parsed?.get()
        try APIVersionPolicy.checkFeatures(json, version: request.uri.queryParameters["api-version"].map(String.init), route: route)
        let answer = try await dispatch(route, request: request, body: body, parsed: parsed)
        return answer.response(headers: commonHeaders(for: route))
    }

    /// The body, or the error for one too large or too slow.
    private static func accepted<Body>(_ outcome: BodyReader.Outcome<Body>, limit: Int, timeout: Duration, bodyBytes: inout Int) throws(MockError) -> Body {
        switch outcome {
        case .complete(let body):
            return body
        case .tooLarge(let received):
            bodyBytes = received
            throw MockError.tooLarge(
                "The request body is larger than \(limit) bytes, the most this endpoint accepts. Send less data (for audio: a shorter or compressed recording).",
                closeConnection: true)
        case .timedOut(let received):
            bodyBytes = received
            throw MockError.bodyTimedOut(after: timeout, received: received)
        }
    }

    /// The operation's handler. Bodies are judged by the operation's own model, never another's.
    private func dispatch(_ route: MockRoute, request: Request, body: [UInt8], parsed: Result<JSONValue, MockError>?) async throws -> MockAnswer {
        let now = Int(Date().timeIntervalSince1970)
        let id = route.operation.id
        switch id {
        case "chat.completions.create":
            // A body that did not parse is answered with its syntax error.
            guard let parsed else { throw MockError.invalidRequest(param: nil, "The request body is not valid JSON.") }
            let json = try parsed.get()
            let view = try decodeChatRequest(json: json, profile: profile)
            return try await complete(view, deployment: route.deployment ?? json["model"]?.stringValue ?? "gpt-4o")
        case "audio.transcriptions.create", "audio.translations.create":
            let form = try multipartForm(request, body: body)
            try SharedModelCheck.form(form, route: route)
            let task: TranscriptionAnswer.Task = id == "audio.translations.create" ? .translate : .transcribe
            return try TranscriptionAnswer(task: task, form: form, deployment: route.deployment).answer()
        case "files.create":
            let form = try multipartForm(request, body: body)
            try SharedModelCheck.form(form, route: route)
            return try await assistants.uploadFile(form, now: now)
        default:
            break
        }
        // JSON operations: the shared model first, then the handler.
        var members: [String: JSONValue] = [:]
        if route.operation.body == .json {
            members = id == "threads.create" ? try JSONRequest.optionalObject(body) : try JSONRequest.object(body)
            try SharedModelCheck.json(members, route: route)
        }
        let model = route.deployment ?? members["model"]?.stringValue ?? "gpt-4o"
        switch id {
        case "completions.create":
            return try CompletionsAnswer.answer(members, model: model, now: now)
        case "embeddings.create":
            return try EmbeddingsAnswer.answer(members, model: model)
        case "images.generate":
            return try await ImagesAnswer.answer(members, model: model, now: now, baseURL: baseURL(request), store: imageStore)
        case "audio.speech.create":
            return try SpeechAnswer.answer(members, deployment: route.deployment)
        default:
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            return try await assistants.handle(operation: id, ids: route.ids, members: members, query: query, now: now)
        }
    }

    private func multipartForm(_ request: Request, body: [UInt8]) throws(MockError) -> MultipartForm {
        do {
            return try MultipartParser.parse(body, boundary: MultipartParser.boundary(contentType: request.headers[.contentType]))
        } catch {
            throw MockError.invalidRequest(param: nil, error.message)
        }
    }

    /// The URL clients reached this server by, for links in answers (image URLs).
    private func baseURL(_ request: Request) -> String {
        let scheme = options.tls == nil ? "http" : "https"
        return "\(scheme)://\(request.head.authority ?? "127.0.0.1")"
    }

    private func downloadImage(_ path: String) async throws -> Response {
        let name = path.dropFirst(ImagesAnswer.downloadPrefix.count)
        guard name.hasSuffix(".png"), let png = await imageStore.image(String(name.dropLast(4))) else {
            throw MockError(status: .notFound, code: "BlobNotFound", message: "The specified image does not exist or has been evicted.")
        }
        return MockAnswer(contentType: "image/png", body: png).response(headers: commonHeaders())
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

    private func complete(_ view: ChatRequestView, deployment: String) async throws -> MockAnswer {
        let now = Int(Date().timeIntervalSince1970)
        for message in view.messages {
            guard let reference = message.audioReference else { continue }
            if await audioStore.lookup(reference.id, now: now) == nil {
                throw MockError.invalidRequest(
                    param: reference.path,
                    "Audio with id '\(reference.id)' was not found or has expired. Use the 'audio.id' of an answer from this endpoint, within \(profile.audioTTLSeconds) seconds.")
            }
        }
        let answer = ChatCompletionAnswer(request: view, deployment: deployment, profile: profile, audioCache: audioCache)
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
        if view.stream { return .events(StreamedAnswer.events(for: body, includeUsage: view.streamUsage)) }
        return .encodedSplicingAudio(body)
    }

    /// The fallback's answer to an authorized request, nil when it has none.
    private func answerByFallback(_ request: Request, _ fallback: FallbackAnswerer, bodyBytes: inout Int) async throws -> Response? {
        guard isAuthorized(request.headers) else { throw MockError.unauthorized() }
        var body = Data()
        let timeout = options.connections.bodyTimeout
        switch try await BodyReader.read(request, limit: profile.limits.maxRequestBytes, timeout: timeout) {
        case .complete(let bytes): body = Data(bytes)
        case .tooLarge: break
        case .timedOut(let received): throw MockError.bodyTimedOut(after: timeout, received: received)
        }
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
