import ArgumentParser
import Config
import Core
import Foundation

/// Output formats every document command offers.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The arguments `list`, `check` and `run` share: which articles and how to resolve them.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "Markdown articles, or folders to take every article from (folders named 'includes' are skipped).")
    var paths: [String]

    @Option(help: "The docs root; includes and code sources outside it are refused (default: the article's folder).")
    var root: String?

    @Option(name: .customLong("pivot-groups"), help: "The zone-pivot-groups.yml to check zone pivots against (default: found upward from the article).")
    var pivotGroups: String?

    @Option(name: .customLong("map"), help: "Map a `~/` prefix to a folder, as DocFX maps dependent repositories: --map ~/reusable-content=DIR (repeatable).")
    var map: [String] = []

    @Option(help: "Check only shard K of N (a deterministic partition of the articles by path), for a CI matrix: --shard 2/4.")
    var shard: String?

    @Option(help: "The configuration file (default: the nearest .docverify.yml above the docs root or the first path, up to the repository root).")
    var config: String?

    @Option(name: .customLong("changed-since"), help: "Only the articles affected by files changed since this git ref (following includes and code sources), such as origin/main.")
    var changedSince: String?

    @Option(name: .customLong("max-file-bytes"), help: "Largest article, include or code source read, in bytes; a larger one is an input-too-large error (default: 67108864, 64 MiB).")
    var maxFileBytes: Int?

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/4") }
        if let maxFileBytes, maxFileBytes < 1 { throw ValidationError("--max-file-bytes must be at least 1") }
    }

    /// The configuration file in effect, if any.
    func configFile() throws -> ConfigFile? {
        try ConfigLookup.load(explicit: config, root: root, paths: paths)
    }

    /// The pipeline with flags over the configuration file over defaults.
    var pipeline: DocumentPipeline {
        get throws {
            let file = try configFile()
            let root = Setting<String?>.pick(flag: root, file: file?.root, in: file).value
            let pivotGroups = Setting<String?>.pick(flag: pivotGroups, file: file?.pivotGroups, in: file).value
            let map = Setting.pick(flag: map.isEmpty ? nil : map, file: file?.map, in: file, default: []).value
            var pipeline = DocumentPipeline(paths: paths, root: root, pivotGroups: pivotGroups, map: map)
            pipeline.shard = shard.flatMap(Shard.init)
            pipeline.config = file
            pipeline.maxFileBytes = Setting.pick(flag: maxFileBytes, file: file?.maxFileBytes, in: file, default: InputFileBound.defaultMaxBytes).value
            if let file {
                pipeline.selection = ArticleSelection(include: file.include?.value ?? [], exclude: file.exclude?.value ?? [])
                pipeline.rules = RuleOverrides(file.rules.mapValues(\.value))
            }
            if let changedSince {
                pipeline.changed = try ChangedSince.load(ref: changedSince, from: Self.folder(of: root ?? paths.first ?? "."))
            }
            return pipeline
        }
    }

    private static func folder(of path: String) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
