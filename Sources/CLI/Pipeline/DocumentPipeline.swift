import Config
import Core
import Extraction
import Foundation
import DocFX
import Limits
import Quickstart
import Requests
import Spec

/// One document taken through the static stages: parsed, extracted, built into typed requests and
/// checked across pivots. What `check` prints and what `run` executes.
struct CheckedDocument: Sendable {
    var extraction: DocumentExtraction
    /// Built requests by sample id.
    var requests: [Int: [BuiltRequest]]
    /// Every static finding: Markdown, extraction, request bodies, document checks.
    var findings: [Finding]
    /// The limits the article states, read from the tree it was loaded into (for `drift`).
    var limits: [DocumentedLimit] = []

    var document: QuickstartDocument { extraction.document }
}

/// An article read once: its DocFX tree (what the limits are read from) and its quickstart model.
struct LoadedArticle: Sendable {
    var docfx: DocFXDocument
    var document: QuickstartDocument
}

/// The shared front half of `list`, `check` and `run`: which articles, loaded how.
struct DocumentPipeline {
    var paths: [String]
    var root: String?
    var pivotGroups: String?
    /// `--map ~/prefix=DIR`, as written.
    var map: [String] = []
    /// `--shard k/n`: only the articles of that shard.
    var shard: Shard?
    /// The `.docverify.yml` in effect, if any.
    var config: ConfigFile?
    /// `include` / `exclude` of the configuration file.
    var selection: ArticleSelection?
    /// `rules` of the configuration file, applied after suppressions and baselines.
    var rules = RuleOverrides()
    /// `--changed-since REF`: only articles that reach a changed file.
    var changed: ChangedSince?
    /// How many articles are loaded and checked at once (tests set 1 to compare with a serial run).
    var parallelWidth = ProcessInfo.processInfo.activeProcessorCount
    /// `--max-file-bytes`: larger articles, includes and code sources are not read.
    var maxFileBytes = InputFileBound.defaultMaxBytes
    /// Set by a command's `run()` whose process ends after it: the include cache is kept until exit
    /// instead of being freed, one include at a time, on one core (see ``ExitTeardown``).
    var keepCachesUntilExit = false

    /// The `--map` options, checked: each `~/prefix=DIR` with an existing folder.
    func mappings() throws -> [PathMapping] {
        try map.map { text in
            guard let mapping = PathMapping.parse(text) else {
                throw UsageError(message: "cannot read --map '\(text)'; write it as ~/prefix=FOLDER, e.g. --map ~/reusable-content=../reusable-content")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: mapping.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError(message: "--map '\(text)': the folder '\(mapping.directory)' does not exist")
            }
            return mapping
        }
    }
    /// The `--spec` files; empty leaves the spec checks out.
    var specs = SpecSet([])

    /// Validates the flags, then loads every article (include-only files skipped unless named).
    func loadDocuments() throws -> [QuickstartDocument] {
        try eachArticle { $0.document }
    }

    /// Loads every article once, on every core, and applies `body` to each; results in article
    /// order, so output is the same as a serial run's. The first article that cannot be read
    /// (in order) is the error thrown.
    func eachArticle<Output: Sendable>(_ body: @Sendable (LoadedArticle) -> Output) throws -> [Output] {
        try eachDocFX(ArticleLoadPolicy()) { docfx in body(LoadedArticle(docfx: docfx, document: QuickstartLoader.build(docfx))) }
    }

    /// ``eachArticle(_:)`` on the DocFX trees alone: what `limits` reads, with `policy` saying
    /// which files it also takes.
    func eachDocFX<Output: Sendable>(_ policy: ArticleLoadPolicy, _ body: @Sendable (DocFXDocument) -> Output) throws -> [Output] {
        let mappings = try mappings()
        if let pivotGroups, !FileManager.default.isReadableFile(atPath: pivotGroups) {
            throw UsageError(message: "cannot read the pivot groups file '\(pivotGroups)'")
        }
        if let root {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError(message: "the docs root '\(root)' is not a folder")
            }
        }
        let articles = try ArticleFinder.articles(in: paths, root: root)
            .filter { selects($0.path, root: $0.root, explicit: $0.explicit, mappings: mappings) }
        // One include cache for the run: articles of a docset share their includes.
        let includeCache = IncludeCache()
        let pivotGroups = pivotGroups
        let maxFileBytes = maxFileBytes
        let rootIsInferred = root == nil
        // After SIGINT / SIGTERM no article starts; nil marks one left out, named on stderr.
        let outcomes = OrderedParallelMap.map(articles, width: parallelWidth) { article -> Result<Output?, UsageError>? in
            if Interruption.requested != nil { return nil }
            var loader = DocFXLoader(root: article.root, pivotGroupsFile: pivotGroups, mappings: mappings, includeCache: includeCache)
            loader.maxFileBytes = maxFileBytes
            // A folder argument is where articles were found, not a root the user chose (`--root`).
            loader.rootIsInferred = rootIsInferred
            let docfx: DocFXDocument
            do {
                docfx = try loader.load(article: article.path)
            } catch {
                return policy.skipUnreadable ? .success(nil) : .failure(UsageError(message: "\(error)"))
            }
            // `--changed-since` is decided on the article loaded here, in parallel and through the include cache.
            if let changed, !changed.affects(docfx, article: article.path) { return .success(nil) }
            // Files that only exist to be included are not articles, unless named on the command line.
            if !policy.keepIncludeFiles && docfx.frontMatter.values["ms.topic"] == "include" && !article.explicit { return .success(nil) }
            return .success(body(docfx))
        }
        Self.reportNotChecked(zip(articles, outcomes).filter { $0.1 == nil }.map(\.0.path))
        if keepCachesUntilExit { ExitTeardown.skip(includeCache) }
        return try outcomes.compactMap { try $0?.get() }
    }

    /// After SIGINT / SIGTERM: the articles left out of the report, on standard error.
    static func reportNotChecked(_ files: [String]) {
        guard !files.isEmpty else { return }
        FileHandle.standardError.write(Data("docverify: interrupted: \(files.count) article(s) not checked: \(files.joined(separator: ", "))\n".utf8))
    }

    /// Whether the article is in this run: its shard, and the configuration's include/exclude (for
    /// articles found in folders). `--changed-since` needs the loaded article: see ``eachDocFX(_:_:)``.
    func selects(_ path: String, root articleRoot: String?, explicit: Bool, mappings: [PathMapping]) -> Bool {
        if let shard, !shard.contains(Self.relative(path, to: articleRoot)) { return false }
        if !explicit, let selection, !selection.contains(Self.relative(path, to: articleRoot)) { return false }
        return true
    }

    /// The article's path relative to its root (the path itself without a root), for sharding.
    static func relative(_ path: String, to root: String?) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let root else { return URL(fileURLWithPath: path).lastPathComponent }
        let prefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Every article through extraction, typed requests and the document checks.
    func checkDocuments() throws -> [CheckedDocument] {
        let extractor = Extractor()
        let builder = RequestBuilder()
        let specs = specs
        return try eachArticle { article in
            let document = article.document
            let extraction = extractor.extract(document)
            let built = builder.build(extraction)
            var seen = Set<Finding>()
            // The limits come from the tree already loaded for this article, not from a second load.
            let limits = LimitExtractor.limits(in: article.docfx)
            let limitFindings = LimitChecks.conflicts(limits) + LimitChecks.check(built.requests.values.flatMap { $0 }, against: limits)
            let specFindings = Self.specFindings(built.requests.values.flatMap { $0 }, limits: limits, specs: specs)
            let findings = RepeatedNotes.collapse((extraction.allFindings + built.findings + DocumentChecks.run(extraction) + limitFindings + specFindings)
                .filter { seen.insert($0).inserted }
                .sortedForReport())
            return CheckedDocument(extraction: extraction, requests: built.requests, findings: findings, limits: limits)
        }
    }

    /// The limits every article states, in argument order (for `limits`, and pages passed together):
    /// include-only files too, unreadable files left out, loaded in parallel with the include cache.
    func documentedLimits() throws -> [DocumentedLimit] {
        let loaded = try eachDocFX(ArticleLoadPolicy(keepIncludeFiles: true, skipUnreadable: true)) { docfx in
            (notRead: docfx.findings.filter { NotReadRemarks.rules.contains($0.rule) }, limits: LimitExtractor.limits(in: docfx))
        }
        NotReadRemarks.warn(loaded.flatMap(\.notRead))
        return loaded.flatMap(\.limits)
    }

    /// Requests and documented lists against the `--spec` files, each finding once per location.
    static func specFindings(_ requests: [BuiltRequest], limits: [DocumentedLimit], specs: SpecSet) -> [Finding] {
        guard !specs.isEmpty else { return [] }
        return SpecRequestChecks.check(requests, specs: specs)
            + DocumentedListChecks.findings(DocumentedListChecks.compare(limits, specs: specs))
    }
}

/// Which files ``DocumentPipeline/eachDocFX(_:_:)`` passes on besides readable articles.
struct ArticleLoadPolicy {
    /// Include-only files (`ms.topic: include`) found in folders are read too (`limits` lists theirs).
    var keepIncludeFiles = false
    /// A file that cannot be read is left out instead of failing the run.
    var skipUnreadable = false
}
