import Core
import Limits
import Requests
import Spec

/// Gathers the static kinds of drift of one article: doc ↔ spec (request bodies, documented lists)
/// and pivot ↔ pivot (the `pivot-drift` findings of `check`).
public enum DriftCollector {
    public static func staticItems(
        document: String, requests: [BuiltRequest], limits: [DocumentedLimit], checkFindings: [Finding], specs: SpecSet,
        goldens: (any GoldenSource)? = nil
    ) -> [DriftItem] {
        var items: [DriftItem] = []
        for located in SpecRequestChecks.located(requests, specs: specs) {
            items.append(DriftItem(kind: .docSpec, document: document, finding: located.finding, docSide: located.docSide, otherSide: located.specSide))
        }
        for comparison in DocumentedListChecks.compare(limits, specs: specs) {
            for finding in DocumentedListChecks.findings([comparison]) {
                items.append(DriftItem(
                    kind: .docSpec, document: document, finding: finding,
                    docSide: "\(comparison.limit.key): \(comparison.limit.value)",
                    otherSide: "\(comparison.specVersion) \(comparison.site.name): \(comparison.specValues.joined(separator: ", "))"))
            }
        }
        for finding in checkFindings where finding.rule == "pivot-drift" {
            items.append(DriftItem(kind: .pivotPivot, document: document, finding: finding, docSide: "", otherSide: ""))
        }
        items += goldens?.drift(document: document) ?? []
        return items
    }

    /// doc ↔ endpoint items from the probes' answers.
    public static func endpointItems(_ results: [ProbeResult]) -> [DriftItem] {
        results.compactMap { result in
            result.finding.map { finding in
                DriftItem(
                    kind: .docEndpoint, document: result.probe.limit.article, finding: finding,
                    docSide: "\(result.probe.limit.key) = \(result.probe.limit.value)",
                    otherSide: "\(result.probe.summary): \(result.outcome.label)")
            }
        }
    }
}
