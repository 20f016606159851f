import Core
import Foundation

/// SARIF 2.1.0: every catalog rule under tool.driver.rules, one result per finding.
public enum SARIFReport {
    public static func render(_ documents: [ReportDocument], root: String?, lines: SourceLines = .workingFolderFirst()) -> String {
        let rules: [JSONValue] = RuleCatalog.rules.map { rule in
            .object([
                "id": .string(rule.id),
                "shortDescription": .object(["text": .string(rule.description)]),
                "fullDescription": .object(["text": .string(rule.description)]),
                "help": .object(["text": .string("\(rule.description) See docs/findings.md#\(rule.id).")]),
                "defaultConfiguration": .object(["level": .string(level(rule.defaultSeverity))]),
            ])
        }
        var results: [JSONValue] = []
        for document in documents {
            for finding in document.findings.sortedForReport() {
                var region: [String: JSONValue] = [
                    "startLine": .int(max(finding.location.line, 1)),
                    "startColumn": .int(max(finding.location.column, 1)),
                ]
                let snippet = lines.line(finding.location.file, finding.location.line)
                if !snippet.isEmpty { region["snippet"] = .object(["text": .string(snippet)]) }
                var result: [String: JSONValue] = [
                    "ruleId": .string(finding.rule),
                    "level": .string(level(finding.severity)),
                    "message": .object(["text": .string(finding.message)]),
                    "locations": .array([.object(["physicalLocation": .object([
                        "artifactLocation": .object(["uri": .string(relativePath(finding.location.file, root: root))]),
                        "region": .object(region),
                    ])])]),
                    "partialFingerprints": .object(["docverify/v1": .string(lines.fingerprint(finding))]),
                ]
                // A shared include's finding, reported once: the articles that reach it.
                if let articles = document.articles[finding], articles.count > 1 {
                    result["relatedLocations"] = .array(articles.enumerated().map { index, article in
                        .object([
                            "id": .int(index),
                            "physicalLocation": .object(["artifactLocation": .object(["uri": .string(relativePath(article, root: root))])]),
                            "message": .object(["text": .string("reached from \(relativePath(article, root: root))")]),
                        ])
                    })
                    result["properties"] = .object(["articles": .array(articles.map { .string(relativePath($0, root: root)) })])
                }
                results.append(.object(result))
            }
        }
        let log: JSONValue = .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("docverify"),
                    "informationUri": .string("https://example.invalid/docverify"),
                    "rules": .array(rules),
                ])]),
                "results": .array(results),
            ])]),
        ])
        return log.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
