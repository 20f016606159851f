import Foundation

/// Where a `~/` path prefix lives on disk: DocFX maps `~/reusable-content/…` to a dependent
/// repository checked out beside the docset (`.openpublishing.publish.config.json`,
/// `dependent_repositories` with `path_to_root`), and docverify can be told the same with
/// `--map ~/reusable-content=DIR`. A mapped folder is a root of its own: paths resolved through it
/// never leave it.
public struct PathMapping: Hashable, Sendable {
    /// `~/reusable-content`, without a trailing slash.
    public var prefix: String
    /// The absolute, standardized folder the prefix stands for.
    public var directory: String

    public init(prefix: String, directory: String) {
        var p = prefix
        while p.hasSuffix("/") && p.count > 2 { p.removeLast() }
        self.prefix = p
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL.path
    }

    /// Parses `~/prefix=DIR` (the `--map` option); nil when it isn't of that form.
    public static func parse(_ text: String) -> PathMapping? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let prefix = String(text[..<equals]), directory = String(text[text.index(after: equals)...])
        guard prefix.hasPrefix("~/"), prefix.count > 2, !directory.isEmpty, !prefix.contains("..") else { return nil }
        return PathMapping(prefix: prefix, directory: directory)
    }

    /// The remainder of `path` after this prefix (`includes/x.md`), nil when the prefix doesn't apply.
    func remainder(of path: String) -> String? {
        guard path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count + 1))
    }
}

/// Finds the mappings a docset declares for itself.
public enum PathMappingDiscovery {
    /// How many folders up from the article to look for the publish configuration.
    static let searchDepth = 8

    /// `dependent_repositories` of the nearest `.openpublishing.publish.config.json` above
    /// `directory`, each mapped to its `path_to_root` folder when that folder exists (a checkout);
    /// missing checkouts stay unmapped, so their includes are `include-external`.
    public static func discover(from directory: String) -> [PathMapping] {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<searchDepth {
            let config = current.appendingPathComponent(".openpublishing.publish.config.json")
            if let data = FileManager.default.contents(atPath: config.path) {
                return mappings(config: data, repositoryRoot: current.path)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return []
    }

    /// The docset root DocFX uses for `~/`: the nearest folder above `directory` (itself included)
    /// holding a `docfx.json`, nil when there is none within reach.
    public static func docsetRoot(from directory: String) -> String? { nearest("docfx.json", from: directory) }

    /// The top of the git checkout holding `directory` (the nearest folder with a `.git` entry),
    /// nil when there is none within reach.
    public static func checkoutRoot(from directory: String) -> String? { nearest(".git", from: directory) }

    private static func nearest(_ entry: String, from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<searchDepth {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(entry).path) { return current.path }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return nil
    }

    static func mappings(config: Data, repositoryRoot: String) -> [PathMapping] {
        guard let json = try? JSONSerialization.jsonObject(with: config) as? [String: Any],
              let repositories = json["dependent_repositories"] as? [[String: Any]] else { return [] }
        return repositories.compactMap { repository in
            guard let pathToRoot = repository["path_to_root"] as? String, !pathToRoot.isEmpty, !pathToRoot.contains("..") else { return nil }
            let directory = URL(fileURLWithPath: repositoryRoot).appendingPathComponent(pathToRoot).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return PathMapping(prefix: "~/" + pathToRoot, directory: directory)
        }
    }
}
