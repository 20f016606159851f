import Core
import DocFX
import Foundation
import Testing

/// A how-to article includes `../includes/x.md`: outside its own folder, inside its docset. When
/// the user names only the article or a folder (no `--root`), includes reach the docset around it
/// (its docfx.json folder, else its git checkout); with neither, a target past the folder is a
/// warning that docverify did not read it, never an error blaming the page.
@Suite struct InferredRootTests {
    static let article = "# How to\n\n[!INCLUDE [steps](../includes/steps.md)]\n"
    static let steps = "Shared steps of the docset.\n"

    func docs(_ extra: [String: String] = [:]) throws -> TempDocs {
        try TempDocs(["set/how-to/a.md": Self.article, "set/includes/steps.md": Self.steps].merging(extra) { $1 })
    }

    func text(_ doc: DocFXDocument) -> String { "\(doc.blocks)" }

    @Test func withoutDocsetMarksAnEscapeIsAWarningAndNotRead() throws {
        let docs = try docs()
        // The article alone, and its folder named as the place to look: both inferred roots.
        var folder = DocFXLoader(root: docs.path("set/how-to"))
        folder.rootIsInferred = true
        for doc in [try DocFXLoader(root: nil).load(article: docs.path("set/how-to/a.md")), try folder.load(article: docs.path("set/how-to/a.md"))] {
            let escapes = doc.findings("include-escape")
            #expect(escapes.map(\.severity) == [.warning])
            #expect(escapes.first?.message.contains("pass --root") == true)
            #expect(!text(doc).contains("Shared steps"))
        }
    }

    @Test func aRootTheUserChoseStaysAnError() throws {
        let docs = try docs(["set/docfx.json": "{}"])
        let doc = try DocFXLoader(root: docs.path("set/how-to")).load(article: docs.path("set/how-to/a.md"))
        #expect(doc.findings("include-escape").map(\.severity) == [.error])
        #expect(!text(doc).contains("Shared steps"))
    }

    @Test func theDocsetsDocfxJsonWidensAnInferredFolder() throws {
        let docs = try docs(["set/docfx.json": "{}"])
        var loader = DocFXLoader(root: docs.path("set/how-to"))
        loader.rootIsInferred = true
        let doc = try loader.load(article: docs.path("set/how-to/a.md"))
        #expect(doc.findings.isEmpty)
        #expect(text(doc).contains("Shared steps"))
        #expect(doc.blocks.last?.location.file == "../includes/steps.md")
        #expect(doc.file == "a.md")
    }

    @Test func aGitCheckoutWidensButItsHiddenFoldersStayOut() throws {
        let docs = try docs([
            "set/.git/config": "[credential]\n\ttoken = hidden-value\n",
            "set/how-to/b.md": "# B\n\n[!INCLUDE [c](../.git/config)]\n",
        ])
        let doc = try DocFXLoader(root: nil).load(article: docs.path("set/how-to/a.md"))
        #expect(doc.findings.isEmpty)
        #expect(text(doc).contains("Shared steps"))
        let hidden = try DocFXLoader(root: nil).load(article: docs.path("set/how-to/b.md"))
        #expect(hidden.findings("include-escape").map(\.severity) == [.error])
        #expect(!text(hidden).contains("hidden-value"))
    }

    @Test func pastTheCheckoutIsAnError() throws {
        let docs = try docs([
            "set/.git/HEAD": "ref: refs/heads/main\n",
            "secret.md": "outside text\n",
            "set/how-to/c.md": "# C\n\n[!INCLUDE [s](../../secret.md)]\n",
        ])
        let doc = try DocFXLoader(root: nil).load(article: docs.path("set/how-to/c.md"))
        #expect(doc.findings("include-escape").map(\.severity) == [.error])
        #expect(!text(doc).contains("outside text"))
    }
}
