import ArgumentParser
import Core
import Foundation
import Golden
import Runner

extension RecordMode: ExpressibleByArgument {}
extension MatchMode: ExpressibleByArgument {}

/// The golden-file options of `run` (and of `golden update`, which forces `--record all`).
struct GoldenRunOptions: ParsableArguments {
    @Option(help: "When to write goldens: never, missing, failed or all (default: $DOCVERIFY_RECORD, else never when CI=true, else missing).")
    var record: RecordMode?

    @Option(help: "How answers must agree with the goldens: exact or shape (default: exact against the embedded mock, shape with --endpoint).")
    var match: MatchMode?

    @Option(name: .customLong("golden-dir"), help: "The golden folder (default: golden/ in the repository root, the nearest folder above the docs with .git or golden/).")
    var goldenDir: String?

    @Flag(help: "Answer every request from the goldens instead of the embedded mock or an endpoint.")
    var replay = false

    func validate() throws {
        if record == nil, RecordMode.fromEnvironment(ProcessInfo.processInfo.environment) == nil {
            throw ValidationError("DOCVERIFY_RECORD must be one of never, missing, failed, all")
        }
    }
}

/// Goldens for one `run`: which documents, where their goldens are, and whether they are on.
struct GoldenRun {
    var options: GoldenRunOptions
    var pipeline: DocumentPipeline
    var environment: [String: String]
    /// `golden update`: record everything, and delete stale goldens with `prune`.
    var forceRecord: RecordMode?
    var prune = false

    /// `--golden-dir`, else `golden-dir` of the configuration file.
    var goldenDirectory: String? { options.goldenDir ?? pipeline.config?.goldenDir?.value }

    var recordMode: RecordMode { forceRecord ?? options.record ?? RecordMode.fromEnvironment(environment) ?? .missing }

    /// Each checked document's article path and golden layout.
    func locate(_ documents: [CheckedDocument]) throws -> [String: (article: String, layout: GoldenLayout, docsRoot: String)] {
        var byFile: [String: (String, GoldenLayout, String)] = [:]
        for (path, root, _) in try ArticleFinder.articles(in: pipeline.paths, root: pipeline.root) {
            let docsRoot = URL(fileURLWithPath: root ?? (path as NSString).deletingLastPathComponent).standardizedFileURL.path
            let article = URL(fileURLWithPath: path).standardizedFileURL.path
            let relative = article.hasPrefix(docsRoot + "/") ? String(article.dropFirst(docsRoot.count + 1)) : (article as NSString).lastPathComponent
            byFile[relative] = (article, GoldenLayout.forDocs(at: docsRoot, goldenDirectory: goldenDirectory), docsRoot)
        }
        return byFile
    }

    /// Goldens are on when the golden folder exists, or when asked for (`--record`, `--golden-dir`,
    /// `--replay`, `golden update`): a docs folder that never opted in is not written to.
    func enabled(_ layout: GoldenLayout) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: layout.directory, isDirectory: &isDirectory) && isDirectory.boolValue
        return exists || forceRecord != nil || options.record != nil || goldenDirectory != nil || options.replay
    }

    func recorder(configuration: RunConfiguration) -> GoldenRecorder {
        GoldenRecorder(redactor: .command(
            environment: environment, variables: [configuration.apiKeyEnvironmentName, configuration.tokenEnvironmentName],
            endpoint: configuration.endpoint))
    }

    /// The replay responder over the goldens of `documents`.
    func replayBook(_ documents: [CheckedDocument]) throws -> ReplayBook? {
        guard options.replay else { return nil }
        let located = try locate(documents)
        guard let layout = located.values.first?.layout else { return nil }
        let folders = documents.compactMap { doc in located[doc.document.file].map { layout.documentFolder(layout.documentPath(ofArticle: $0.article)) } }
        return ReplayBook(layout: layout, folders: folders)
    }

    /// Compares, records and reports; returns the reports with golden findings and what changed.
    func apply(_ reports: [RunReport], documents: [CheckedDocument], configuration: RunConfiguration) throws -> ([RunReport], GoldenChanges) {
        let located = try locate(documents)
        let reports = outputChecks(reports, documents: documents, located: located, configuration: configuration)
        if options.replay { return (ReplayFindings.apply(reports), GoldenChanges()) }
        let match = options.match ?? (configuration.endpoint == nil ? .exact : .shape)
        var inputs: [GoldenSession.Document] = []
        var passthrough: [Int: RunReport] = [:]
        for (index, report) in reports.enumerated() {
            guard let (article, layout, _) = located[report.file], enabled(layout) else { passthrough[index] = report; continue }
            inputs.append(GoldenSession.Document(report: report, article: article, layout: layout))
        }
        guard let rulesDirectory = inputs.first?.layout.directory else { return (reports, GoldenChanges()) }
        let rules: GoldenRules
        do {
            rules = try GoldenRules.load(directory: rulesDirectory)
        } catch {
            throw UsageError(message: "\(error)")
        }
        let session = GoldenSession(
            record: recordMode, diff: GoldenDiff(mode: match, rules: rules), recorder: recorder(configuration: configuration), prune: prune)
        let (updated, changes) = try session.apply(inputs)
        var iterator = updated.makeIterator()
        let merged = reports.indices.map { passthrough[$0] ?? iterator.next()! }
        return (merged, changes)
    }

    /// `output-drift` and `output-file-mismatch`: the outputs the pages promise against the run.
    func outputChecks(
        _ reports: [RunReport], documents: [CheckedDocument], located: [String: (article: String, layout: GoldenLayout, docsRoot: String)],
        configuration: RunConfiguration
    ) -> [RunReport] {
        reports.map { report in
            guard let document = documents.first(where: { $0.document.file == report.file }) else { return report }
            let docsRoot = located[report.file]?.docsRoot ?? FileManager.default.currentDirectoryPath
            let checks = DocumentedOutputs(usingMock: configuration.endpoint == nil && !options.replay) { file in
                FileManager.default.contents(atPath: (docsRoot as NSString).appendingPathComponent(file)).map { String(decoding: $0, as: UTF8.self) }
            }
            var report = report
            report.staticFindings += checks.check(report, extraction: document.extraction)
            return report
        }
    }

    /// The unified diffs of the differing goldens, for the text format.
    static func diffs(_ changes: GoldenChanges, colour: Bool) -> String {
        changes.mismatches.map { UnifiedDiff.render(old: $0.old, new: $0.new, name: $0.file, colour: colour) }.joined()
    }
}
