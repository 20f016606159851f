import Core

/// A shared include's findings, reported once with every article that reaches them.
///
/// Each article is checked on its own, so a problem in an include that five articles reach comes
/// back five times. The same finding (same rule, place, message, pivot and tab) located outside the
/// article that reported it is kept in the first such article only, with the list of articles.
/// Findings that differ per article (another message or pivot context) are different findings and
/// stay with their articles.
public enum SharedFindings {
    /// The documents with shared findings collapsed, in the same order.
    public static func collapse(_ documents: [ReportDocument]) -> [ReportDocument] {
        let reach = articles(documents)
        var reported = Set<Finding>()
        return documents.map { document in
            var kept: [Finding] = []
            var shared: [Finding: [String]] = document.articles
            for finding in document.findings {
                let articles = reach[finding] ?? [document.file]
                guard finding.location.file != document.file, articles.count > 1 else {
                    kept.append(finding)
                    continue
                }
                guard reported.insert(finding).inserted else { continue }
                kept.append(finding)
                shared[finding] = articles
            }
            return ReportDocument(file: document.file, findings: kept, articles: shared)
        }
    }

    /// Every finding → the articles that reported it (or that an earlier merge recorded), sorted
    /// by path so shards merged in any order agree.
    public static func articles(_ documents: [ReportDocument]) -> [Finding: [String]] {
        var result: [Finding: Set<String>] = [:]
        for document in documents {
            for finding in document.findings {
                result[finding, default: []].formUnion(document.articles[finding] ?? [document.file])
            }
        }
        return result.mapValues { $0.sorted() }
    }
}
