import Core
import DocFX
import Foundation

/// Builds the quickstart model of an article: per pivot, sections, tabs, steps and code samples.
public enum QuickstartLoader {
    /// Loads and models the article at `path`.
    ///
    /// Bad Markdown never throws; it becomes `findings` on the document.
    /// - Parameters:
    ///   - root: the docs root (`--root`); nil means the article's folder.
    ///   - pivotGroupsFile: a `zone-pivot-groups.yml` (`--pivot-groups`); nil means look upward from the article.
    /// - Throws: ``QuickstartLoadError`` when the article itself cannot be read.
    ///   - mappings: `~/` prefixes mapped to folders (`--map`).
    public static func load(path: String, root: String?, pivotGroupsFile: String?, mappings: [PathMapping] = []) throws(QuickstartLoadError) -> QuickstartDocument {
        let document: DocFXDocument
        do {
            document = try DocFXLoader(root: root, pivotGroupsFile: pivotGroupsFile, mappings: mappings).load(article: path)
        } catch {
            throw QuickstartLoadError(path: error.path, message: error.message)
        }
        return build(document)
    }

    /// Models an already loaded DocFX article.
    public static func build(_ document: DocFXDocument) -> QuickstartDocument {
        var ids = SampleIDs()
        let pivotIDs: [String?] = document.pivots.isEmpty ? [nil] : document.pivots
        let pivots = pivotIDs.map { id in
            Pivot(id: id, sections: SectionBuilder.sections(of: PivotFlattener.flatten(document.blocks, pivot: id), ids: &ids))
        }
        return QuickstartDocument(
            file: document.file, title: document.frontMatter.title ?? firstTitle(document.blocks),
            frontMatter: document.frontMatter.values, pivots: pivots, findings: document.findings.sortedForReport())
    }

    static func firstTitle(_ blocks: [DocBlock]) -> String? {
        for block in blocks {
            if case .heading(let heading) = block, heading.level == 1, heading.tab == nil { return heading.text }
        }
        return nil
    }
}

/// The article given to ``QuickstartLoader/load(path:root:pivotGroupsFile:)`` cannot be read.
public struct QuickstartLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Hands out sample ids in document order.
struct SampleIDs {
    private var next = 1
    mutating func take() -> Int {
        defer { next += 1 }
        return next
    }
}
