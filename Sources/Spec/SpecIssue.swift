import Core

/// What a request body does that its spec schema does not allow; each kind is one finding rule.
public enum SpecIssueKind: String, Sendable, Hashable, Codable, CaseIterable {
    case unknownField = "spec-unknown-field"
    case enumViolation = "spec-enum-violation"
    case type = "spec-type"
    case required = "spec-required"
}

/// One disagreement between a JSON value and a schema, at a JSON path (`messages[1].audio`).
public struct SpecIssue: Sendable, Hashable {
    public var kind: SpecIssueKind
    public var path: String
    public var message: String
    /// For unknown fields: true when the schema closes the object (`additionalProperties: false`);
    /// an open object allows any member, so the field is only absent from the spec, not refused by it.
    public var closed: Bool
    /// The request's side (`"marin"`, `a string`), and the spec's (`one of "alloy", …`), for reports.
    public var found: String
    public var expected: String

    public init(kind: SpecIssueKind, path: String, message: String, closed: Bool = true, found: String = "", expected: String = "") {
        self.kind = kind
        self.path = path
        self.message = message
        self.closed = closed
        self.found = found
        self.expected = expected
    }

    /// Issues that make the value invalid under JSON Schema (an undeclared member of an open object does not).
    var isHard: Bool { kind != .unknownField || closed }

    /// The finding's severity. The spec may lag the service, so nothing here is an error on its own:
    /// a value the schema refuses is a warning, a member merely not declared by an open schema a note.
    public var severity: Severity { isHard ? .warning : .note }
}
