/// A value read from `.docverify.yml`, with the line it was written on (for `docverify config`
/// and for errors).
public struct Configured<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    /// 1-based line of the key in the file.
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// What `rules:` may set a rule to: a severity, or `off` to drop the rule.
public enum RuleSetting: String, Sendable, Equatable, CaseIterable {
    case off, note, warning, error
}

/// The contents of one `.docverify.yml`. Paths are already resolved against the file's folder, so
/// the file means the same thing wherever docverify is started from.
public struct ConfigFile: Sendable, Equatable {
    /// The file itself, as found or given.
    public var path: String
    public var root: Configured<String>?
    public var pivotGroups: Configured<String>?
    /// `~/prefix=DIR` entries, DIR resolved.
    public var map: Configured<[String]>?
    /// Globs over article paths relative to the docs root.
    public var include: Configured<[String]>?
    public var exclude: Configured<[String]>?
    /// Rule id → setting, each with its own line.
    public var rules: [String: Configured<RuleSetting>] = [:]
    public var endpoint: Configured<String>?
    public var apiKeyEnv: Configured<String>?
    public var tokenEnv: Configured<String>?
    public var goldenDir: Configured<String>?
    public var jobs: Configured<Int>?
    public var timeout: Configured<Double>?
    /// Seconds the whole `run` may take (`--deadline`).
    public var deadline: Configured<Double>?
    /// The largest answer `run` reads, in bytes (`--max-response-bytes`).
    public var maxResponseBytes: Configured<Int>?
    /// The largest article, include or code source read, in bytes (`--max-file-bytes`).
    public var maxFileBytes: Configured<Int>?
    /// The most scenarios one `run` executes (`--max-scenarios`).
    public var maxScenarios: Configured<Int>?

    public init(path: String) {
        self.path = path
    }

    /// The keys a file may hold; anything else is refused, so a typo never silently does nothing.
    public static let keys: [String] = [
        "root", "pivot-groups", "map", "include", "exclude", "rules",
        "endpoint", "api-key-env", "token-env", "golden-dir", "jobs", "timeout",
        "deadline", "max-response-bytes",
        "max-file-bytes", "max-scenarios",
    ]

    /// The file name looked for upward from the docs.
    public static let fileName = ".docverify.yml"
}
