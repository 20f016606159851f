import Foundation

/// Resolves the paths DocFX directives name and keeps them inside the docs root.
struct PathResolver: Sendable {
    /// Absolute, standardized docs root without a trailing slash.
    let root: String
    /// `~/` prefixes mapped to other folders, longest prefix first.
    let mappings: [PathMapping]
    /// The root with its symlinks resolved, then a slash: resolved once per article, not per include.
    private let realRootPrefix: String

    init(root: String, mappings: [PathMapping] = []) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.mappings = mappings.sorted { $0.prefix.count > $1.prefix.count }
        let realRoot = URL(fileURLWithPath: self.root).resolvingSymlinksInPath().path
        self.realRootPrefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
    }

    enum Resolution {
        case inside(absolute: String, relative: String)
        case outside(absolute: String)
    }

    /// `path` as written in `fromFile` (absolute): relative to that file, `~/` and `/` from the root.
    func resolve(_ written: String, fromFile: String) -> Resolution {
        // Without a `%` there is nothing to decode (most paths): Foundation is skipped.
        var path = written.utf8.contains(UInt8(ascii: "%")) ? (written.removingPercentEncoding ?? written) : written
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        let absolute: String
        if path.hasPrefix("~/"), let mapping = mappings.first(where: { $0.remainder(of: path) != nil }) {
            // A mapped folder is a root of its own: the path must stay inside it.
            let mapped = URL(fileURLWithPath: mapping.directory).appendingPathComponent(mapping.remainder(of: path)!).standardizedFileURL.path
            guard mapped.hasPrefix(mapping.directory + "/") else { return .outside(absolute: mapped) }
            if let relative = relativePath(mapped) { return .inside(absolute: mapped, relative: relative) }
            return .inside(absolute: mapped, relative: mapping.prefix + "/" + String(mapped.dropFirst(mapping.directory.count + 1)))
        } else if path.hasPrefix("~/") {
            absolute = PlainPath.join(root, path.dropFirst(2))
                ?? URL(fileURLWithPath: root).appendingPathComponent(String(path.dropFirst(2))).standardizedFileURL.path
        } else if path.hasPrefix("/") {
            absolute = PlainPath.join(root, path.dropFirst())
                ?? URL(fileURLWithPath: root).appendingPathComponent(String(path.dropFirst())).standardizedFileURL.path
        } else if let folder = PlainPath.folder(of: fromFile), let joined = PlainPath.join(folder, Substring(path)) {
            absolute = joined
        } else {
            let directory = URL(fileURLWithPath: fromFile).deletingLastPathComponent()
            absolute = directory.appendingPathComponent(path).standardizedFileURL.path
        }
        guard let relative = relativePath(absolute), staysInsideAfterSymlinks(absolute) else { return .outside(absolute: absolute) }
        return .inside(absolute: absolute, relative: relative)
    }

    /// The path relative to the root, nil when it is outside.
    func relativePath(_ absolute: String) -> String? {
        let standardized = PlainPath.isStandardized(absolute) ? absolute : URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard standardized.hasPrefix(prefix) else { return nil }
        return String(standardized.dropFirst(prefix.count))
    }

    /// Readers follow symlinks, so a link inside the root (a file or a folder on the way) that
    /// points outside must be refused too: the real path has to be inside the real root.
    func staysInsideAfterSymlinks(_ absolute: String) -> Bool {
        let real = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        return real.hasPrefix(realRootPrefix)
    }

    /// A path for messages: relative when inside the root, absolute otherwise.
    func display(_ absolute: String) -> String { relativePath(absolute) ?? absolute }
}
