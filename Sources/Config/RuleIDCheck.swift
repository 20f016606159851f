/// `rules:` keys checked against the rule ids docverify knows. Config sits before Reporting (which
/// holds the catalog), so the caller passes the ids in.
public enum RuleIDCheck {
    /// The first unknown rule id (in file order), as an error naming its line and the closest
    /// known id; nil when every id is known. A misspelt id would otherwise silently do nothing.
    public static func unknownRule(in config: ConfigFile, known: [String]) -> ConfigError? {
        let knownSet = Set(known)
        let unknown = config.rules.filter { !knownSet.contains($0.key) }.sorted { ($0.value.line, $0.key) < ($1.value.line, $1.key) }
        guard let (id, setting) = unknown.first else { return nil }
        var message = "unknown rule id '\(id)' under 'rules'"
        if let suggestion = closest(to: id, in: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; the rule ids are listed in docs/findings.md"
        }
        return ConfigError(file: config.path, line: setting.line, message: message)
    }

    /// The known id nearest by edit distance, when it is near enough to be a likely typo (at most
    /// a third of the id's length, and at least 1 edit). Ties go to the first in `known`.
    public static func closest(to id: String, in known: [String]) -> String? {
        let limit = max(2, id.count / 3)
        var best: (id: String, distance: Int)?
        for candidate in known {
            let d = distance(id.lowercased(), candidate)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.id
    }

    /// Levenshtein distance over characters; ids are short, so the quadratic table is fine.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
