import Core
import Foundation
import Runner

/// What a run does with goldens: compare each scenario's exchanges with its golden file, record
/// according to the record mode, and report missing, differing and stale goldens.
public struct GoldenSession: Sendable {
    public var record: RecordMode
    public var diff: GoldenDiff
    public var recorder: GoldenRecorder
    /// Delete goldens that belong to no scenario (`golden update --prune`).
    public var prune: Bool
    /// Runs between writing a golden's temporary file and renaming it (tests interrupt there).
    public var beforeRename: @Sendable () throws -> Void

    public init(
        record: RecordMode, diff: GoldenDiff, recorder: GoldenRecorder = GoldenRecorder(), prune: Bool = false,
        beforeRename: @escaping @Sendable () throws -> Void = {}
    ) {
        self.record = record
        self.diff = diff
        self.recorder = recorder
        self.prune = prune
        self.beforeRename = beforeRename
    }

    /// One run document with where its article is.
    public struct Document: Sendable {
        public var report: RunReport
        /// Path of the Markdown article, for the document path in the golden dir.
        public var article: String
        public var layout: GoldenLayout

        public init(report: RunReport, article: String, layout: GoldenLayout) {
            self.report = report
            self.article = article
            self.layout = layout
        }
    }

    /// The reports with golden findings added (a scenario with an error finding fails), and what
    /// was written.
    public func apply(_ documents: [Document]) throws -> ([RunReport], GoldenChanges) {
        var changes = GoldenChanges()
        var reports: [RunReport] = []
        for document in documents {
            reports.append(try apply(document, changes: &changes))
        }
        return (reports, changes)
    }

    func apply(_ document: Document, changes: inout GoldenChanges) throws -> RunReport {
        var report = document.report
        let store = GoldenStore(layout: document.layout)
        let documentPath = document.layout.documentPath(ofArticle: document.article)
        var expectedFiles = Set<String>()
        for index in report.scenarios.indices {
            let result = report.scenarios[index]
            let relative = document.layout.file(for: result.scenario, documentPath: documentPath)
            expectedFiles.insert(relative)
            guard result.status != .skipped, let value = recorder.record(result, document: documentPath) else { continue }
            let text = GoldenStore.text(value)
            let existing = store.read(relative)
            let locations = result.calls.filter { $0.exchange != nil }.map(\.location)
            let shown = "\((document.layout.directory as NSString).lastPathComponent)/\(relative)"
            var findings: [Finding] = []
            var state = GoldenState.same
            if let existing {
                let differences = compare(existing: existing, new: value, locations: locations)
                if !differences.isEmpty {
                    state = .different
                    if record != .all {
                        findings += differences.map { location, lines in
                            Finding(rule: "golden-mismatch", severity: .error, location: location,
                                    message: "the exchange differs from \(shown): " + lines.joined(separator: "; ")
                                        + (record.writes(.different) ? " (re-recorded)" : "; if the change is intended, run `docverify golden update`"))
                        }
                        changes.mismatches.append(GoldenChanges.Mismatch(file: shown, old: existing, new: text))
                    }
                }
            } else {
                state = .absent
                if !record.writes(.absent) {
                    findings.append(Finding(
                        rule: "golden-missing", severity: .error, location: locations.first ?? result.scenario.sectionLocation,
                        message: "scenario \(result.scenario.id) has no golden file \(shown); record it with `docverify golden update \(documentPath)`"
                            + (record == .never ? " (this run records nothing: --record never, or CI=true)" : "")))
                }
            }
            // A failing scenario's answers are not what the page promises: never recorded.
            if record.writes(state), result.status == .passed {
                try store.write(text, to: relative, beforeRename: beforeRename)
                if state == .absent { changes.created.append(shown) } else { changes.changed.append(shown) }
            } else if state == .same {
                changes.unchanged.append(shown)
            }
            if !findings.isEmpty {
                report.scenarios[index].findings += findings.map { tagged($0, result.scenario) }
                if findings.contains(where: { $0.severity == .error }) {
                    report.scenarios[index].status = .failed
                    report.scenarios[index].reason = report.scenarios[index].reason ?? "it differs from its golden file"
                }
            }
        }
        for stale in store.files(under: document.layout.documentFolder(documentPath)) where !expectedFiles.contains(stale) {
            let shown = "\((document.layout.directory as NSString).lastPathComponent)/\(stale)"
            if prune {
                try store.delete(stale)
                changes.pruned.append(shown)
            } else {
                report.staticFindings.append(Finding(
                    rule: "golden-stale", severity: .warning, location: SourceLocation(file: report.file, line: 1),
                    message: "\(shown) belongs to no scenario of this document (a pivot, section or tab was renamed or removed); delete it, or run `docverify golden update --prune`"))
            }
        }
        return report
    }

    /// Differences per exchange, at the line of the call that made it.
    func compare(existing: String, new: JSONValue, locations: [SourceLocation]) -> [(SourceLocation, [String])] {
        guard let old = try? JSONValue.parse(existing) else {
            return [(locations.first ?? SourceLocation(file: "", line: 1), ["the golden file is not valid JSON"])]
        }
        let oldExchanges = old["exchanges"]?.arrayValue ?? []
        let newExchanges = new["exchanges"]?.arrayValue ?? []
        var out: [(SourceLocation, [String])] = []
        for i in 0..<max(oldExchanges.count, newExchanges.count) {
            let location = locations.indices.contains(i) ? locations[i] : (locations.last ?? SourceLocation(file: "", line: 1))
            guard i < oldExchanges.count, i < newExchanges.count else {
                out.append((location, ["the golden has \(oldExchanges.count) call(s), the run made \(newExchanges.count)"]))
                break
            }
            let differences = diff.compare(expected: oldExchanges[i], actual: newExchanges[i])
            if !differences.isEmpty {
                let prefix = oldExchanges.count > 1 ? "call \(i + 1): " : ""
                out.append((location, differences.prefix(12).map { prefix + $0.description } + (differences.count > 12 ? ["… \(differences.count - 12) more"] : [])))
            }
        }
        return out
    }

    private func tagged(_ finding: Finding, _ scenario: Scenario) -> Finding {
        var f = finding
        f.pivot = f.pivot ?? scenario.pivot
        f.tab = f.tab ?? scenario.tab
        return f
    }
}

/// What a run did to the golden folder, for `golden update`'s summary and the diff display.
public struct GoldenChanges: Sendable {
    public struct Mismatch: Sendable {
        public var file: String
        public var old: String
        public var new: String
    }

    public var created: [String] = []
    public var changed: [String] = []
    public var unchanged: [String] = []
    public var pruned: [String] = []
    /// Goldens that differ, with both texts, for the unified diff.
    public var mismatches: [Mismatch] = []

    public init() {}
}
