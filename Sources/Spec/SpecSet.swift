import Core
import Limits

/// The specs passed with `--spec`, one per api-version (a later file of the same version wins).
public struct SpecSet: Sendable {
    public var documents: [SpecDocument]

    public init(_ documents: [SpecDocument]) { self.documents = documents }

    public var isEmpty: Bool { documents.isEmpty }

    /// Every api-version some loaded spec serves.
    public var apiVersions: Set<String> { documents.reduce(into: Set<String>()) { $0.formUnion($1.apiVersions) } }

    /// The spec of `apiVersion`; without one (or without a literal version), the newest spec, which is
    /// the best guess at what the service accepts.
    public func document(for apiVersion: String?) -> SpecDocument? {
        if let apiVersion, let exact = documents.last(where: { $0.apiVersions.contains(apiVersion) }) { return exact }
        return newest
    }

    /// The spec of the latest api-version.
    public var newest: SpecDocument? {
        documents.max { APIVersionOrder.isOlder($0.version, than: $1.version) }
    }
}
