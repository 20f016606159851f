/// An SDK client's base URL taken apart, so an SDK call's path is joined to it once: an endpoint
/// that already holds `/openai/v1/` or `/openai/deployments/{d}/` keeps that form instead of
/// gaining a second `/openai/…`.
struct BaseURL {
    /// Scheme and host.
    var endpoint: SymbolicValue
    /// The path the base URL holds, without a trailing `/` (`""`, `/openai/v1`, `/openai/deployments/{deployment}`).
    var prefix: String
    var deployment: SymbolicValue?
    var query: [String: SymbolicValue]

    init(_ value: SymbolicValue) {
        let url = RESTURLTemplate.split(value.templateParts(fallback: "endpoint"))
        endpoint = url.endpoint
        var p = url.path
        while p.hasSuffix("/") { p.removeLast() }
        prefix = p
        deployment = url.deployment
        query = url.query
    }

    /// `…/openai/v1`: the v1 API, no deployment in the path.
    var isV1: Bool { prefix.hasSuffix("/openai/v1") }

    /// `…/openai/deployments/{deployment}`.
    var hasDeployment: Bool { prefix.contains("/deployments/{deployment}") }

    /// The part before `/deployments/…`, for calls that are not deployment-scoped.
    var beforeDeployments: String {
        guard let r = prefix.range(of: "/deployments/{deployment}") else { return prefix }
        return String(prefix[..<r.lowerBound])
    }

    /// `/openai` under whatever path the base holds (an Azure endpoint is the resource root).
    var openAIPrefix: String { prefix.hasSuffix("/openai") ? prefix : prefix + "/openai" }
}
