import Hummingbird

/// Request context of the mock. The mock reads bodies itself with its own streaming cap
/// (``MockProfile/Limits/maxRequestBytes``), so Hummingbird's 2 MiB decode limit must never apply.
public struct MockRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Int.max }
}
