import Foundation

/// Resolves the paths DocFX directives name and keeps them inside the docs root.
struct PathResolver: Sendable {
    /// Absolute, standardized docs root without a trailing slash: paths are shown relative to it,
    /// and `~/` and `/` paths start from it.
    let root: String
    /// How far reading may reach: the root, or — when the root was only inferred from the command
    /// line — the docset (its docfx.json folder) or the git checkout that holds it, because a
    /// how-to article's `../includes/x.md` lies outside its own folder but inside its docset.
    let boundary: String
    /// True when the root was inferred and nothing (docfx.json, a git checkout) says where the
    /// docset ends: a path outside it may well be part of the docset, so refusing it is
    /// docverify's uncertainty, not a proven escape.
    let uncertainBoundary: Bool
    /// `~/` prefixes mapped to other folders, longest prefix first.
    let mappings: [PathMapping]
    /// The boundary with its symlinks resolved, then a slash: resolved once per article, not per include.
    private let realBoundaryPrefix: String

    init(root: String, boundary: (folder: String?, uncertain: Bool) = (nil, false), mappings: [PathMapping] = []) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.boundary = boundary.folder.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? self.root
        self.uncertainBoundary = boundary.uncertain
        self.mappings = mappings.sorted { $0.prefix.count > $1.prefix.count }
        let realBoundary = URL(fileURLWithPath: self.boundary).resolvingSymlinksInPath().path
        self.realBoundaryPrefix = realBoundary.hasSuffix("/") ? realBoundary : realBoundary + "/"
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
        if let relative = relativePath(absolute) {
            guard staysInsideAfterSymlinks(absolute) else { return .outside(absolute: absolute) }
            return .inside(absolute: absolute, relative: relative)
        }
        // Beyond the root but inside the wider boundary: shown as a path from the root (`../x.md`).
        // Hidden folders there (`.git`, whose config can hold a checkout's credentials) stay out.
        guard boundary != root, let beyond = Self.relative(absolute, to: boundary), !beyond.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
              staysInsideAfterSymlinks(absolute), let shown = Self.dotted(absolute, from: root)
        else { return .outside(absolute: absolute) }
        return .inside(absolute: absolute, relative: shown)
    }

    /// True when a refused `absolute` might still belong to the docset: it lies outside an
    /// inferred root whose docset end nothing marks (and is no symlink or hidden-folder escape
    /// from inside it). Such a refusal is docverify's uncertainty, reported below error.
    func escapeIsUncertain(_ absolute: String) -> Bool {
        uncertainBoundary && Self.relative(absolute, to: boundary) == nil
    }

    /// The path relative to the root, nil when it is outside.
    func relativePath(_ absolute: String) -> String? { Self.relative(absolute, to: root) }

    static func relative(_ absolute: String, to base: String) -> String? {
        let standardized = PlainPath.isStandardized(absolute) ? absolute : URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard standardized.hasPrefix(prefix) else { return nil }
        return String(standardized.dropFirst(prefix.count))
    }

    /// `absolute` from `base` with `..` steps (`../includes/a.md`).
    static func dotted(_ absolute: String, from base: String) -> String? {
        let path = PlainPath.isStandardized(absolute) ? absolute : URL(fileURLWithPath: absolute).standardizedFileURL.path
        let target = path.split(separator: "/"), from = base.split(separator: "/")
        var shared = 0
        while shared < min(target.count, from.count), target[shared] == from[shared] { shared += 1 }
        let ups = Array(repeating: "..", count: from.count - shared)
        return (ups + target[shared...].map(String.init)).joined(separator: "/")
    }

    /// Readers follow symlinks, so a link inside the root (a file or a folder on the way) that
    /// points outside must be refused too: the real path has to be inside the real boundary.
    func staysInsideAfterSymlinks(_ absolute: String) -> Bool {
        let real = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        return real.hasPrefix(realBoundaryPrefix)
    }

    /// A path for messages: relative when inside the root, absolute otherwise.
    func display(_ absolute: String) -> String { relativePath(absolute) ?? absolute }
}
