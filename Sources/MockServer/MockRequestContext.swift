import Hummingbird
import NIOCore

/// Request context of the mock. The mock reads bodies itself with its own streaming cap
/// (``MockProfile/Limits/maxRequestBytes``), so Hummingbird's 2 MiB decode limit must never apply.
public struct MockRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's connection, to tell its handlers when an answer is the connection's last.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    public var maxUploadSize: Int { Int.max }
}
