import Core

/// The two sides a drift item compares.
public enum DriftKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The docs against the API spec: request bodies, documented lists.
    case docSpec = "doc-spec"
    /// The docs against the endpoint: boundary probes of documented limits.
    case docEndpoint = "doc-endpoint"
    /// One pivot or tab against another of the same document.
    case pivotPivot = "pivot-pivot"
    /// A sample's request against its recorded golden (see ``GoldenSource``).
    case docGolden = "doc-golden"

    public var title: String {
        switch self {
        case .docSpec: "doc ↔ spec"
        case .docEndpoint: "doc ↔ endpoint"
        case .pivotPivot: "pivot ↔ pivot"
        case .docGolden: "doc ↔ golden"
        }
    }
}

/// One place where the docs and something else disagree, with both sides.
public struct DriftItem: Sendable, Hashable {
    public var kind: DriftKind
    /// The article the item belongs to (its `file` may be an include).
    public var document: String
    public var finding: Finding
    /// What the docs say or send.
    public var docSide: String
    /// What the other side (spec, endpoint, other pivot, golden) says or does.
    public var otherSide: String

    public init(kind: DriftKind, document: String, finding: Finding, docSide: String, otherSide: String) {
        self.kind = kind
        self.document = document
        self.finding = finding
        self.docSide = docSide
        self.otherSide = otherSide
    }
}

/// Recorded answers of samples, for the doc ↔ golden kind. The goldens are built elsewhere; a source
/// hands its comparison of one document's requests to the report.
public protocol GoldenSource: Sendable {
    /// Items where `document`'s samples no longer match their goldens; empty when it has none.
    func drift(document: String) -> [DriftItem]
}
