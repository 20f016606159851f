import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The embedded Azure OpenAI data-plane mock: a real HTTP(S) server on loopback.
///
/// ```swift
/// let server = try await MockServer.start(profile: .default)
/// defer { Task { await server.stop() } }
/// // POST \(server.baseURL)/openai/deployments/gpt-4o-audio-preview/chat/completions?api-version=2025-01-01-preview
/// ```
public struct MockServer: Sendable {
    public let profile: MockProfile
    public let options: MockServerOptions

    /// A server description; nothing runs until ``start(host:port:profile:options:)``, ``serve(host:port:profile:options:onListening:)`` or ``application(host:port:)``.
    public init(profile: MockProfile = .default, options: MockServerOptions = .init()) {
        self.profile = profile
        self.options = options
    }

    /// Starts a server in the background and returns once it is listening. `port: 0` picks a free
    /// port; read it from ``RunningMockServer/baseURL``. Call ``RunningMockServer/stop()`` when done.
    public static func start(
        host: String = "127.0.0.1", port: Int = 0, profile: MockProfile = .default, options: MockServerOptions = .init(),
        fallback: FallbackAnswerer? = nil
    ) async throws -> RunningMockServer {
        let state = try MockServer(profile: profile, options: options).makeState(fallback: fallback)
        let (bound, boundContinuation) = AsyncThrowingStream.makeStream(of: Int.self)
        let app = try makeApplication(state: state, host: host, port: port) { port in
            boundContinuation.yield(port)
        }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: app.logger))
        let task = Task {
            do {
                try await group.run()
                boundContinuation.finish()
            } catch {
                boundContinuation.finish(throwing: error)
                throw error
            }
        }
        for try await boundPort in bound {
            let scheme = options.tls == nil ? "http" : "https"
            return RunningMockServer(
                baseURL: "\(scheme)://\(urlHost(host)):\(boundPort)", port: boundPort, group: group, task: task, log: state.log)
        }
        throw MockServerError("the server stopped before it was listening on \(host):\(port)")
    }

    /// Runs a server until SIGINT or SIGTERM (or until the task is cancelled), calling `onListening`
    /// with the base URL once bound: what `docverify mock serve` does.
    public static func serve(
        host: String = "127.0.0.1", port: Int = 0, profile: MockProfile = .default, options: MockServerOptions = .init(),
        onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        MallocTuning.keepLargeBlocksMapped()
        let state = try MockServer(profile: profile, options: options).makeState(logInMemory: 0)
        let scheme = options.tls == nil ? "http" : "https"
        let app = try makeApplication(state: state, host: host, port: port) { port in
            onListening("\(scheme)://\(urlHost(host)):\(port)")
        }
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigint, .sigterm], logger: app.logger))
        try await group.run()
    }

    /// The Hummingbird application without running it, for in-process tests
    /// (`HummingbirdTesting`'s `app.test(.router)`).
    public func application(host: String = "127.0.0.1", port: Int = 0) throws -> some ApplicationProtocol {
        try Self.makeApplication(state: makeState(), host: host, port: port) { _ in }
    }

    /// Per-server state shared by all requests.
    struct State: Sendable {
        let responder: MockResponder
        let options: MockServerOptions
        var log: RequestLog { responder.log }
    }

    /// `logInMemory`: requests kept for ``RunningMockServer/requests()`` (a served mock has no reader).
    func makeState(fallback: FallbackAnswerer? = nil, logInMemory: Int = 10_000) throws -> State {
        let log = try RequestLog(path: options.logPath, memoryLimit: logInMemory)
        let responder = MockResponder(
            profile: profile, options: options, faults: FaultInjector(rules: options.faults, seed: options.faultSeed),
            audioStore: AudioStore(capacity: profile.storeCapacity), imageStore: ImageStore(capacity: min(profile.storeCapacity, 64)),
            assistants: AssistantsService(settings: .init(runSteps: max(1, profile.runSteps), capacity: profile.storeCapacity)), log: log, fallback: fallback)
        return State(responder: responder, options: options)
    }

    static func makeApplication(
        state: State, host: String, port: Int, onBound: @escaping @Sendable (Int) -> Void
    ) throws -> Application<MockResponder> {
        var logger = Logger(label: "docverify.mock")
        logger.logLevel = ProcessInfo.processInfo.environment["DOCVERIFY_MOCK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: "docverify-mock")
        let onServerRunning: @Sendable (any Channel) async -> Void = { channel in onBound(channel.localAddress?.port ?? port) }
        var server = guardedHTTP1(state.options.connections)
        if let tls = state.options.tls {
            server = try .tls(server, tlsConfiguration: tlsConfiguration(tls))
        }
        return Application(
            responder: state.responder, server: server, configuration: configuration, onServerRunning: onServerRunning, logger: logger)
    }

    /// HTTP/1 with the mock's connection limits: Hummingbird's idle timeout, plus the header
    /// deadline and connection cap of ``GuardedChannel``. The responder wrapper tells the header
    /// deadline when a head has been decoded and when its answer is written.
    static func guardedHTTP1(_ limits: ConnectionLimits) -> HTTPServerBuilder {
        let count = ConnectionCount(limit: limits.maxConnections)
        let configuration = HTTP1Channel.Configuration(idleTimeout: TimeAmount(limits.idleTimeout))
        return HTTPServerBuilder { responder in
            let tracked: HTTPChannelHandler.Responder = { request, writer, channel in
                channel.pipeline.fireUserInboundEventTriggered(MockConnectionEvent.requestHeadReceived)
                defer { channel.pipeline.fireUserInboundEventTriggered(MockConnectionEvent.responseFinished) }
                try await responder(request, writer, channel)
            }
            return GuardedChannel(
                base: HTTP1Channel(responder: tracked, configuration: configuration), headerTimeout: limits.headerTimeout, count: count)
        }
    }

    static func tlsConfiguration(_ files: TLSFiles) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
            let key = try NIOSSLPrivateKey(file: files.privateKeyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        } catch {
            throw MockServerError(
                "cannot load the TLS certificate '\(files.certificatePath)' or key '\(files.privateKeyPath)' (\(error)); both must be PEM files")
        }
    }

    /// IPv6 literals need brackets in URLs.
    static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}

/// A mock server running in this process.
public final class RunningMockServer: Sendable {
    /// `http://127.0.0.1:PORT` (or `https://…` with TLS), without a trailing slash.
    public let baseURL: String
    /// The bound port.
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let log: RequestLog

    init(baseURL: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>, log: RequestLog) {
        self.baseURL = baseURL
        self.port = port
        self.group = group
        self.task = task
        self.log = log
    }

    /// The requests received so far, secrets redacted (the same entries as the `--log` file).
    public func requests() async -> [LoggedRequest] { await log.entries }

    /// Stops accepting connections, lets requests in flight finish, and returns when stopped.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// The server could not start or stopped unexpectedly.
public struct MockServerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
