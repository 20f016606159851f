import Foundation
import Runner

/// Where goldens live: `<golden dir>/<document path without .md>/<pivot>/<section-slug>--<tab>.json`.
///
/// The golden dir defaults to `golden/` in the repository root, which is the nearest folder at or
/// above the docs root that holds a `.git` entry or a `golden/` folder (the docs root itself when
/// there is none). Document paths are relative to that repository root, so the goldens of
/// `docs/examples/audio-chat-quickstart.md` sit in `golden/docs/examples/audio-chat-quickstart/`.
public struct GoldenLayout: Sendable, Hashable {
    /// The repository root, absolute.
    public var repositoryRoot: String
    /// The folder holding the goldens, absolute.
    public var directory: String

    public init(repositoryRoot: String, directory: String? = nil) {
        self.repositoryRoot = Self.absolute(repositoryRoot)
        self.directory = Self.absolute(directory ?? (self.repositoryRoot as NSString).appendingPathComponent("golden"))
    }

    /// The layout for docs under `docsRoot`, with `--golden-dir` when given.
    public static func forDocs(at docsRoot: String, goldenDirectory: String? = nil) -> GoldenLayout {
        GoldenLayout(repositoryRoot: repositoryRoot(above: docsRoot), directory: goldenDirectory)
    }

    /// The nearest folder at or above `path` with `.git` or `golden/` (at most 64 levels up).
    public static func repositoryRoot(above path: String) -> String {
        let start = absolute(path)
        var current = start
        let fm = FileManager.default
        for _ in 0..<64 {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: (current as NSString).appendingPathComponent(".git")) { return current }
            if fm.fileExists(atPath: (current as NSString).appendingPathComponent("golden"), isDirectory: &isDirectory), isDirectory.boolValue {
                return current
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        return start
    }

    /// `article` (a path to the Markdown file) relative to the repository root; the file name alone
    /// when it lies outside.
    public func documentPath(ofArticle article: String) -> String {
        let path = Self.absolute(article)
        let prefix = repositoryRoot.hasSuffix("/") ? repositoryRoot : repositoryRoot + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
    }

    /// The folder of one document's goldens, relative to ``directory``.
    public func documentFolder(_ documentPath: String) -> String {
        documentPath.lowercased().hasSuffix(".md") ? String(documentPath.dropLast(3)) : documentPath
    }

    /// A scenario's golden file, relative to ``directory``.
    public func file(for scenario: Scenario, documentPath: String) -> String {
        let name = Self.slug(scenario.section) + (scenario.tab.map { "--" + Self.slug($0) } ?? "") + ".json"
        return [documentFolder(documentPath), scenario.pivot.map(Self.slug) ?? "_", name].joined(separator: "/")
    }

    /// The absolute path of a file relative to ``directory``.
    public func absolute(_ relative: String) -> String { (directory as NSString).appendingPathComponent(relative) }

    /// Lowercase letters and digits, everything else one `-`.
    public static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "_" : out
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
