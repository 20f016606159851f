import Core
import Foundation
import Markup

/// Loads a DocFX article: front matter, includes (recursively), zones, tabs, alerts, directives.
///
/// Broken Markdown never throws: it becomes findings. Only an unreadable article throws.
public struct DocFXLoader: Sendable {
    /// Absolute docs root; include and code targets outside it are refused.
    public let root: String
    /// An explicit `zone-pivot-groups.yml`; when nil, one is looked for upward from the article.
    public let pivotGroupsFile: String?
    /// `~/` prefixes given on the command line (`--map`); they win over the docset's own.
    public let mappings: [PathMapping]
    /// Parsed include files, shared by the loads of one run.
    public let includeCache: IncludeCache
    /// Articles, includes and code sources larger than this are not read (`--max-file-bytes`).
    public var maxFileBytes = InputFileBound.defaultMaxBytes
    /// True when `root` is only the folder named on the command line, not a root the user chose
    /// (`--root`): includes may then reach the rest of the docset (see `PathResolver.boundary`).
    public var rootIsInferred = false

    /// - Parameters:
    ///   - root: the docs root; nil means the folder of each article loaded.
    ///   - pivotGroupsFile: the `zone-pivot-groups.yml` to check pivots against.
    ///   - mappings: `~/` prefixes mapped to folders, beside those the docset declares.
    ///   - includeCache: parsed includes; pass one cache to every load of a run so a shared include
    ///     is parsed once.
    public init(root: String?, pivotGroupsFile: String? = nil, mappings: [PathMapping] = [], includeCache: IncludeCache = IncludeCache()) {
        self.root = root.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? ""
        self.pivotGroupsFile = pivotGroupsFile
        self.mappings = mappings
        self.includeCache = includeCache
    }

    /// The file as text; its bytes are released on return rather than kept beside the text for the
    /// whole load.
    private static func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Loads the article at `path`.
    public func load(article path: String) throws(DocFXLoadError) -> DocFXDocument {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DocFXLoadError(path: path, message: "cannot read the file; check the path")
        }
        switch InputFileBound.inspect(absolute, maxBytes: maxFileBytes) {
        case .notRegularFile(let kind):
            throw DocFXLoadError(path: path, message: InputFileBound.notRegularMessage(kind: kind))
        case .tooLarge(let bytes):
            return tooLarge(absolute: absolute, bytes: bytes)
        case .readable, .missing, .folder:
            break
        }
        guard let text = Self.readText(absolute) else {
            throw DocFXLoadError(path: path, message: "cannot read the file; check the path")
        }
        // Without --root, the docset's own root (its docfx.json) is where `~/` and includes point.
        let articleDirectory = URL(fileURLWithPath: absolute).deletingLastPathComponent().standardizedFileURL.path
        let docsetRoot = PathMappingDiscovery.docsetRoot(from: articleDirectory)
        let rootPath = root.isEmpty ? (docsetRoot ?? articleDirectory) : root
        let declared = PathMappingDiscovery.discover(from: articleDirectory)
        let resolver = PathResolver(root: rootPath, boundary: readingBoundary(root: rootPath, docset: docsetRoot, articleDirectory: articleDirectory),
                                    mappings: mappings + declared.filter { d in !mappings.contains { $0.prefix == d.prefix } })
        let relative = resolver.display(absolute)
        let markup = includeCache.cached(atPath: absolute) ?? MarkupDocument(parsing: text)
        var (frontMatter, findings) = FrontMatterParser.parse(markup.frontMatter, lines: markup.lines, file: relative)
        if let line = markup.tooDeepAtLine {
            findings.append(Finding(
                rule: "input-too-deep", severity: .error, location: SourceLocation(file: relative, line: line),
                message: "block quotes, lists or emphasis are nested more than \(MarkupDocument.maxNesting) levels deep here; docverify did not read what is nested deeper. Flatten the nesting"))
        }
        var reader = BlockReader(resolver: resolver, stack: [absolute], cache: includeCache)
        reader.maxFileBytes = maxFileBytes
        let items = reader.convert(markup.blocks, file: SourceFile(absolute: absolute, relative: relative, lines: markup.lines))
        let blocks = reader.group(items)
        findings += reader.findings
        let (pivots, pivotFindings) = PivotResolver.resolve(
            blocks: blocks, frontMatter: frontMatter, file: relative, articleDirectory: URL(fileURLWithPath: absolute).deletingLastPathComponent().path,
            explicitGroupsFile: pivotGroupsFile)
        findings += pivotFindings
        // An include reached from several places reports its problems once.
        var seen = Set<Finding>()
        findings = findings.filter { seen.insert($0).inserted }
        if frontMatter.values.isEmpty, markup.frontMatter.yaml == nil { frontMatter = FrontMatter() }
        var document = DocFXDocument(file: relative, root: rootPath, frontMatter: frontMatter, blocks: blocks, pivots: pivots, findings: findings)
        document.sources = [absolute] + reader.reached
        return document
    }
}

extension DocFXLoader {
    /// How far includes may reach from `root`. A root the user chose is the limit. An inferred one
    /// (an article's or a named folder's) widens to the docset around it — its docfx.json folder,
    /// else its git checkout — since a how-to's `../includes/` is part of the page; with neither,
    /// the limit stays the root but is uncertain (`PathResolver.escapeIsUncertain`).
    func readingBoundary(root rootPath: String, docset: String?, articleDirectory: String) -> (folder: String?, uncertain: Bool) {
        guard root.isEmpty || rootIsInferred else { return (nil, false) }
        let wider = [docset, PathMappingDiscovery.checkoutRoot(from: articleDirectory)].compactMap { $0 }
            .first { $0 == rootPath || PathResolver.relative(rootPath, to: $0) != nil }
        return (wider, wider == nil)
    }

    /// An article over `maxFileBytes`: an empty document whose one finding says so, so the page is
    /// reported (and fails) rather than read.
    func tooLarge(absolute: String, bytes: Int) -> DocFXDocument {
        let articleDirectory = URL(fileURLWithPath: absolute).deletingLastPathComponent().standardizedFileURL.path
        let rootPath = root.isEmpty ? (PathMappingDiscovery.docsetRoot(from: articleDirectory) ?? articleDirectory) : root
        let relative = PathResolver(root: rootPath, mappings: mappings).display(absolute)
        let finding = Finding(
            rule: "input-too-large", severity: .error, location: SourceLocation(file: relative, line: 1),
            message: "this article " + InputFileBound.tooLargeMessage(bytes: bytes, maxBytes: maxFileBytes))
        var document = DocFXDocument(file: relative, root: rootPath, frontMatter: FrontMatter(), blocks: [], pivots: [], findings: [finding])
        document.sources = [absolute]
        return document
    }
}

/// The top-level article cannot be read (the CLI's exit status 2).
public struct DocFXLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// A Markdown file being read: where it is and its lines.
struct SourceFile {
    var absolute: String
    var relative: String
    var lines: [String]

    func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: relative, line: line, column: column)
    }
}
