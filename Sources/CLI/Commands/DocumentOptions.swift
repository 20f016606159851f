import ArgumentParser

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

    var pipeline: DocumentPipeline { DocumentPipeline(paths: paths, root: root, pivotGroups: pivotGroups, map: map) }
}
