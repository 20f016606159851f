/// When a run writes golden files, after swift-snapshot-testing's record modes.
public enum RecordMode: String, Sendable, CaseIterable {
    /// Never write; a missing golden is `golden-missing` (error). What CI does.
    case never
    /// Write goldens that do not exist yet; compare the others.
    case missing
    /// Also rewrite a golden that differs (the run still reports the difference, once).
    case failed
    /// Rewrite every golden (`docverify golden update`).
    case all

    /// The mode when no `--record` is given: `DOCVERIFY_RECORD` if set, else `never` when
    /// `CI=true` (CI must not write), else `missing`. Nil when `DOCVERIFY_RECORD` holds no mode.
    public static func fromEnvironment(_ environment: [String: String]) -> RecordMode? {
        if let value = environment["DOCVERIFY_RECORD"], !value.isEmpty {
            return RecordMode(rawValue: value.lowercased())
        }
        return environment["CI"]?.lowercased() == "true" ? .never : .missing
    }

    /// Whether a golden in state `state` is written in this mode (one that agrees never is: its
    /// file stays byte for byte as reviewed).
    public func writes(_ state: GoldenState) -> Bool {
        switch (self, state) {
        case (.never, _), (_, .same): false
        case (.all, _): true
        case (.missing, .absent), (.failed, .absent), (.failed, .different): true
        default: false
        }
    }
}

/// How a scenario's new record relates to its golden file.
public enum GoldenState: String, Sendable {
    case absent, same, different
}
