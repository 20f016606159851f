import Core

/// Notes that say the same thing about every call of a page (the same stand-in endpoint, the
/// same operation docverify doesn't model) are kept once per document: a page of twelve samples
/// otherwise shows twelve identical notes, and the findings worth reading drown in them.
public enum RepeatedNotes {
    /// Rules whose notes repeat word for word across a page's samples; one table.
    public static let rules: Set<String> = ["placeholder-value", "request-unknown-operation"]

    /// `findings` (in reading order) with each repeated note of ``rules`` kept at its first place,
    /// its message naming how many other places say the same. Other findings are untouched.
    public static func collapse(_ findings: [Finding]) -> [Finding] {
        struct Key: Hashable { var rule: String; var message: String }
        var others: [Key: [SourceLocation]] = [:]
        var first: [Key: Int] = [:]
        var kept: [Finding] = []
        for finding in findings {
            guard finding.severity == .note, rules.contains(finding.rule) else {
                kept.append(finding)
                continue
            }
            let key = Key(rule: finding.rule, message: finding.message)
            if first[key] == nil {
                first[key] = kept.count
                kept.append(finding)
            } else if finding.location != kept[first[key]!].location {
                others[key, default: []].append(finding.location)
            }
        }
        for (key, locations) in others {
            let index = first[key]!
            let lines = Set(locations.map { "\($0.file == kept[index].location.file ? "" : $0.file + ":")\($0.line)" })
            let listed = lines.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
            let shown = listed.prefix(8).joined(separator: ", ") + (listed.count > 8 ? ", …" : "")
            kept[index].message += " (the same holds at \(locations.count) more place\(locations.count == 1 ? "" : "s") on this page: line\(listed.count == 1 ? "" : "s") \(shown))"
        }
        return kept
    }
}
