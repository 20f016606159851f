import ArgumentParser
import Core
import Foundation
import Policy
import Runner

/// `--baseline` / `--write-baseline`, and the inline suppressions every command honours.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Report only findings not in this baseline file (written by --write-baseline).")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write every finding of this run to FILE as the new baseline.")
    var writeBaseline: String?

    /// Suppressions, then the baseline (and writing one), over one run's findings.
    func apply(_ findings: [Finding], roots: [String]) throws -> [Finding] {
        let sources = SourceLines(roots: roots)
        let kept = Suppressions.apply(findings, sources: sources)
        if let writeBaseline {
            try writeAtomically(Baseline(findings: kept, lines: sources.lines).encoded(), to: writeBaseline)
        }
        guard let baseline else { return kept }
        do {
            return try Baseline.read(path: baseline).new(kept, lines: sources.lines)
        } catch let error as BaselineError {
            throw UsageError(message: error.description)
        }
    }

    /// The same over `check`'s documents: each keeps its own findings; an unused suppression goes
    /// to the first document that reads its file.
    func apply(_ checked: [CheckedDocument]) throws -> [CheckedDocument] {
        let all = checked.flatMap(\.findings)
        let kept = try apply(all, roots: Array(Set(checked.map(\.document.root))).sorted())
        let keptSet = Set(kept)
        let original = Set(all)
        var added = kept.filter { !original.contains($0) }
        return checked.map { document in
            var document = document
            let files = Set(document.findings.map(\.location.file)).union([document.document.file])
            let mine = added.filter { files.contains($0.location.file) }
            added.removeAll { files.contains($0.location.file) }
            document.findings = (document.findings.filter(keptSet.contains) + mine).sortedForReport()
            document.extraction.document.findings = document.extraction.document.findings.filter(keptSet.contains)
            return document
        }
    }

    /// The same over `run`'s reports: static and scenario findings filtered, new ones (unused
    /// suppressions) added to the document's static findings.
    func apply(_ reports: [RunReport], roots: [String]) throws -> [RunReport] {
        let kept = try apply(reports.flatMap(\.findings), roots: roots)
        let keptSet = Set(kept)
        let original = Set(reports.flatMap(\.findings))
        return reports.map { report in
            var report = report
            report.staticFindings = report.staticFindings.filter(keptSet.contains)
                + kept.filter { !original.contains($0) && $0.location.file == report.file }
            report.scenarios = report.scenarios.map { scenario in
                var scenario = scenario
                scenario.findings = scenario.findings.filter(keptSet.contains)
                return scenario
            }
            return report
        }
    }
}
