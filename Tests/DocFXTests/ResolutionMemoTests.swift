import Foundation
import Testing
@testable import DocFX

/// Includes named again from the same folder reuse the first resolution; the answers must be the
/// resolver's own, also for escapes and for files of another folder.
@Suite struct ResolutionMemoTests {
    func describe(_ resolution: PathResolver.Resolution) -> String {
        switch resolution {
        case .inside(let absolute, let relative): "inside \(absolute) \(relative)"
        case .outside(let absolute): "outside \(absolute)"
        }
    }

    @Test func rememberedResolutionsAreTheResolversOwn() throws {
        let docs = try TempDocs(["docs/a.md": "# A\n", "docs/includes/one.md": "One\n", "docs/includes/two.md": "Two\n"])
        let resolver = PathResolver(root: docs.path("docs"))
        var memo = ResolutionMemo()
        let froms = [docs.path("docs/includes/one.md"), docs.path("docs/includes/two.md"), docs.path("docs/a.md")]
        let written = ["two.md", "../a.md", "../../outside.md", "~/includes/one.md", "/a.md", "includes/one.md", "x%20y.md#part"]
        for _ in 0..<2 {
            for from in froms {
                for path in written {
                    #expect(describe(memo.resolve(path, fromFile: from, with: resolver)) == describe(resolver.resolve(path, fromFile: from)), "\(path) from \(from)")
                }
            }
        }
        // Two folders (docs/includes and docs), each path resolved once per folder.
        #expect(memo.misses == 2 * written.count)
    }

    @Test func sharedIncludeFromSiblingFilesIsResolvedOnce() throws {
        let docs = try TempDocs([
            "docs/a.md": "# A\n\n[!INCLUDE [one](includes/one.md)]\n\n[!INCLUDE [two](includes/two.md)]\n",
            "docs/includes/one.md": "[!INCLUDE [shared](shared.md)]\n", "docs/includes/two.md": "[!INCLUDE [shared](shared.md)]\n",
            "docs/includes/shared.md": "Shared text.\n",
        ])
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.isEmpty)
        let shared = doc.blocks.filter { if case .paragraph(let p) = $0 { p.text == "Shared text." } else { false } }
        #expect(shared.map(\.location.file) == ["includes/shared.md", "includes/shared.md"])
        #expect(doc.sources.filter { $0.hasSuffix("shared.md") }.count == 2)
    }
}
