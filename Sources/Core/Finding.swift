/// One problem found in a document: the shared currency of every command.
///
/// `rule` is a stable identifier (`include-missing`, `python-syntax`, `pivot-drift`, …) that tools
/// and suppressions can rely on; `message` says what is wrong and what to do.
public struct Finding: Hashable, Sendable, Codable {
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The zone pivot the finding belongs to, when it is specific to one.
    public var pivot: String?
    /// The tab id the finding belongs to, when it is specific to one.
    public var tab: String?

    public init(
        rule: String, severity: Severity, location: SourceLocation, message: String,
        pivot: String? = nil, tab: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.pivot = pivot
        self.tab = tab
    }

    /// `file:line:col: severity: message [rule]`, the text format every command prints.
    public var textLine: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(rule)]"
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, file, line, column, message, pivot, tab
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        location = SourceLocation(
            file: try c.decode(String.self, forKey: .file),
            line: try c.decode(Int.self, forKey: .line),
            column: try c.decodeIfPresent(Int.self, forKey: .column) ?? 1)
        message = try c.decode(String.self, forKey: .message)
        pivot = try c.decodeIfPresent(String.self, forKey: .pivot)
        tab = try c.decodeIfPresent(String.self, forKey: .tab)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(message, forKey: .message)
        // Explicit nulls: the JSON contract always carries these keys.
        try c.encode(pivot, forKey: .pivot)
        try c.encode(tab, forKey: .tab)
    }
}

extension Sequence where Element == Finding {
    /// True when any finding is an error: the exit status of every command follows this.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Findings in reading order: file, line, column, then rule for a stable output.
    public func sortedForReport() -> [Finding] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            return a.rule < b.rule
        }
    }
}
