import Foundation
import Testing
@testable import DocFX

/// Each block added to an open zone once copied every block before it (a zone of a few thousand
/// blocks took seconds; found by the fuzzer's Markdown target).
@Suite struct ZoneScaleTests {
    @Test func zoneOfManyBlocksKeepsThemAllInOrder() throws {
        let body = (0..<20_000).map { "Paragraph \($0).\n\n" }.joined()
        let docs = try TempDocs(["docs/a.md": "# T\n\n::: zone pivot=\"programming-language-python\"\n\n" + body + "::: zone-end\n"])
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        let zones = DocBlockWalker.zones(in: doc.blocks)
        #expect(zones.count == 1)
        #expect(zones.first?.blocks.count == 20_000)
        guard case .paragraph(let last)? = zones.first?.blocks.last else { Issue.record("last block"); return }
        #expect(last.text == "Paragraph 19999.")
    }
}
