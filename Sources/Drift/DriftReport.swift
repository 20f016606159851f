import Core
import Foundation
import Spec

/// The drift report: every item of every kind, the probes that were sent, and where docverify's own
/// model differs from the spec.
public struct DriftReport: Sendable {
    public var items: [DriftItem]
    public var probes: [ProbeResult]
    /// Probes planned but not sent because of `--probe-budget`.
    public var probesOverBudget: Int
    public var modelDifferences: [ModelSpecDifference]
    /// Articles in the report, in argument order (so clean ones are listed too).
    public var documents: [String]
    /// Why a kind has no items although it was asked for (no specs, no goldens, …).
    public var remarks: [String]

    /// Items of one cause are kept once per location: a shared include seen through several tabs or
    /// articles reports once.
    public init(
        items: [DriftItem], probes: [ProbeResult] = [], probesOverBudget: Int = 0, modelDifferences: [ModelSpecDifference] = [],
        documents: [String], remarks: [String] = []
    ) {
        var seen = Set<String>()
        self.items = items.filter { item in
            let f = item.finding
            return seen.insert("\(item.kind.rawValue)|\(f.rule)|\(f.location.file)|\(f.location.line)|\(f.message)").inserted
        }.sorted { a, b in
            (a.document, a.finding.location.file, a.finding.location.line, a.finding.rule) < (b.document, b.finding.location.file, b.finding.location.line, b.finding.rule)
        }
        self.probes = probes
        self.probesOverBudget = probesOverBudget
        self.modelDifferences = modelDifferences
        self.documents = documents
        self.remarks = remarks
    }

    public var hasErrors: Bool { items.contains { $0.finding.severity == .error } }

    func count(_ kind: DriftKind, _ severity: Severity) -> Int {
        items.filter { $0.kind == kind && $0.finding.severity == severity }.count
    }

    // MARK: Formats

    /// One finding line per item, then the probes and the model differences.
    public func text() -> String {
        var out = ""
        for item in items { out += "\(item.finding.textLine) (\(item.kind.title))\n" }
        for result in probes {
            out += "probe \(result.probe.limit.location): \(result.probe.summary): \(result.outcome.label)\n"
        }
        if probesOverBudget > 0 { out += "\(probesOverBudget) probe(s) not sent: over --probe-budget\n" }
        for d in modelDifferences { out += "model ↔ spec \(d.specVersion) \(d.name): \(Self.sides(d))\n" }
        for remark in remarks { out += "note: \(remark)\n" }
        let errors = items.filter { $0.finding.severity == .error }.count
        out += "\(items.count) drift item(s), \(errors) error(s); \(probes.count) probe(s) sent\n"
        return out
    }

    /// For a pull-request comment: a summary table, then each document's items linking `file#Lline`.
    public func markdown() -> String {
        var out = "## docverify drift report\n\n| Kind | Errors | Warnings | Notes |\n|---|---:|---:|---:|\n"
        for kind in DriftKind.allCases {
            out += "| \(kind.title) | \(count(kind, .error)) | \(count(kind, .warning)) | \(count(kind, .note)) |\n"
        }
        if !modelDifferences.isEmpty { out += "| model ↔ spec | | \(modelDifferences.count) difference(s) | |\n" }
        for document in documents {
            let mine = items.filter { $0.document == document }
            out += "\n### \(document)\n\n"
            if mine.isEmpty { out += "No drift found.\n"; continue }
            for item in mine {
                let f = item.finding
                out += "- **\(f.severity.rawValue)** `\(f.rule)` (\(item.kind.title)) [\(f.location.file):\(f.location.line)](\(f.location.file)#L\(f.location.line)): \(Self.escaped(f.message))\n"
                if !item.docSide.isEmpty { out += "  - docs: \(Self.escaped(item.docSide))\n" }
                if !item.otherSide.isEmpty { out += "  - \(Self.otherLabel(item.kind)): \(Self.escaped(item.otherSide))\n" }
            }
        }
        if !probes.isEmpty || probesOverBudget > 0 {
            out += "\n### Probes\n\n| Limit | Where | Probe | Answer |\n|---|---|---|---|\n"
            for result in probes {
                let l = result.probe.limit.location
                out += "| \(result.probe.limit.key) = \(Self.escaped(result.probe.limit.value.description)) | [\(l.file):\(l.line)](\(l.file)#L\(l.line)) | \(Self.escaped(result.probe.summary)) | \(Self.escaped(result.outcome.label)) |\n"
            }
            if probesOverBudget > 0 { out += "\n\(probesOverBudget) probe(s) not sent: over `--probe-budget`.\n" }
        }
        if !modelDifferences.isEmpty {
            out += "\n### docverify's model ↔ spec\n\n| Spec | What | Only in the spec | Only in docverify's model |\n|---|---|---|---|\n"
            for d in modelDifferences {
                out += "| \(d.specVersion) | \(d.name) | \(d.onlyInSpec.joined(separator: ", ")) | \(d.onlyInModel.joined(separator: ", ")) |\n"
            }
        }
        if !remarks.isEmpty { out += "\n" + remarks.map { "> \($0)\n" }.joined() }
        return out
    }

    /// The report as JSON: `summary` (kind → severity → count), `items`, `probes`, `model`, `remarks`.
    public func json() -> String {
        var summary: [String: JSONValue] = [:]
        for kind in DriftKind.allCases {
            summary[kind.rawValue] = .object(Severity.allCases.reduce(into: [:]) { $0[$1.rawValue] = .int(count(kind, $1)) })
        }
        let itemsJSON: [JSONValue] = items.map { item in
            .object([
                "kind": .string(item.kind.rawValue), "document": .string(item.document), "rule": .string(item.finding.rule),
                "severity": .string(item.finding.severity.rawValue), "file": .string(item.finding.location.file),
                "line": .int(item.finding.location.line), "column": .int(item.finding.location.column),
                "message": .string(item.finding.message), "doc": .string(item.docSide), "other": .string(item.otherSide),
            ])
        }
        let probesJSON: [JSONValue] = probes.map { result in
            var outcome: [String: JSONValue]
            switch result.outcome {
            case .accepted(let status): outcome = ["result": .string("accepted"), "status": .int(status)]
            case .refused(let status, let message): outcome = ["result": .string("refused"), "status": .int(status), "message": .string(message)]
            case .inconclusive(let reason): outcome = ["result": .string("inconclusive"), "reason": .string(reason)]
            }
            outcome["limit"] = .string(result.probe.limit.key)
            outcome["value"] = .string(result.probe.limit.value.description)
            outcome["file"] = .string(result.probe.limit.location.file)
            outcome["line"] = .int(result.probe.limit.location.line)
            outcome["probe"] = .string(result.probe.summary)
            outcome["expected"] = .string(result.probe.expectation.rawValue)
            return .object(outcome)
        }
        let modelJSON: [JSONValue] = modelDifferences.map { d in
            .object([
                "name": .string(d.name), "spec": .string(d.specVersion),
                "onlyInSpec": .array(d.onlyInSpec.map(JSONValue.string)), "onlyInModel": .array(d.onlyInModel.map(JSONValue.string)),
            ])
        }
        let root: JSONValue = .object([
            "summary": .object(summary), "items": .array(itemsJSON), "probes": .array(probesJSON),
            "probesOverBudget": .int(probesOverBudget), "model": .array(modelJSON),
            "documents": .array(documents.map(JSONValue.string)), "remarks": .array(remarks.map(JSONValue.string)),
        ])
        return root.serialized(pretty: true) + "\n"
    }

    static func sides(_ d: ModelSpecDifference) -> String {
        var parts: [String] = []
        if !d.onlyInSpec.isEmpty { parts.append("only in the spec: \(d.onlyInSpec.joined(separator: ", "))") }
        if !d.onlyInModel.isEmpty { parts.append("only in docverify's model: \(d.onlyInModel.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }

    static func otherLabel(_ kind: DriftKind) -> String {
        switch kind {
        case .docSpec: "spec"
        case .docEndpoint: "endpoint"
        case .pivotPivot: "other pivot"
        case .docGolden: "golden"
        }
    }

    /// Table cells and list items must not break on `|` or newlines.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
