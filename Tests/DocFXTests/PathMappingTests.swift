import Core
import Foundation
import Testing
@testable import DocFX

/// `~/` paths mapped to other folders, as DocFX maps dependent repositories (issue 8 §3).
@Suite("~/ path mappings")
struct PathMappingTests {
    let article = "# Title\n\n[!INCLUDE [shared](~/reusable-content/includes/shared.md)]\n"

    @Test func anUnmappedPathOutsideTheDocsetIsANote() throws {
        let docs = try TempDocs(["docs/a.md": article])
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.map(\.rule) == ["include-external"])
        #expect(doc.findings.first?.severity == .note)
        #expect(doc.findings.first?.message.contains("--map") == true)
    }

    @Test func anExplicitMapReadsTheIncludeFromItsFolder() throws {
        let docs = try TempDocs([
            "docs/a.md": article,
            "shared/includes/shared.md": "## Shared heading\n\nShared text.\n",
        ])
        let mapping = try #require(PathMapping.parse("~/reusable-content=" + docs.path("shared")))
        let doc = try DocFXLoader(root: docs.path("docs"), mappings: [mapping]).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.isEmpty)
        let headings = allBlocks(doc.blocks).compactMap { if case .heading(let h) = $0 { h } else { nil } }
        #expect(headings.map(\.text).contains("Shared heading"))
        // Locations inside the mapped folder are named by the prefix, not by an absolute path.
        #expect(headings.first { $0.text == "Shared heading" }?.location.file == "~/reusable-content/includes/shared.md")
    }

    @Test func aMappedFileThatIsMissingIsIncludeMissing() throws {
        let docs = try TempDocs(["docs/a.md": article, "shared/other.md": "x\n"])
        let mapping = PathMapping(prefix: "~/reusable-content", directory: docs.path("shared"))
        let doc = try DocFXLoader(root: docs.path("docs"), mappings: [mapping]).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.map(\.rule) == ["include-missing"])
    }

    @Test func aMappedPathCannotEscapeItsFolder() throws {
        let docs = try TempDocs([
            "docs/a.md": "# T\n\n[!INCLUDE [x](~/reusable-content/../secret.md)]\n",
            "secret.md": "## Secret\n",
            "shared/x.md": "x\n",
        ])
        let mapping = PathMapping(prefix: "~/reusable-content", directory: docs.path("shared"))
        let doc = try DocFXLoader(root: docs.path("docs"), mappings: [mapping]).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.map(\.rule) == ["include-escape"])
    }

    @Test func theDocsetsPublishConfigMapsItsDependentRepositories() throws {
        let docs = try TempDocs([
            ".openpublishing.publish.config.json": #"{"docsets_to_publish": [], "dependent_repositories": [{"path_to_root": "reusable-content", "url": "https://example.test/r", "branch": "main"}, {"path_to_root": "not-checked-out", "url": "https://example.test/n"}]}"#,
            "docs/a.md": article + "\n[!INCLUDE [other](~/not-checked-out/x.md)]\n",
            "reusable-content/includes/shared.md": "## From the dependent repository\n",
        ])
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        // The checked-out repository is read; the missing checkout stays external.
        #expect(doc.findings.map(\.rule) == ["include-external"])
        #expect(doc.findings.first?.message.contains("not-checked-out") == true)
        let headings = allBlocks(doc.blocks).compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(headings.contains("From the dependent repository"))
    }

    @Test func mapOptionsAreParsedStrictly() {
        #expect(PathMapping.parse("~/reusable-content=/tmp/rc")?.prefix == "~/reusable-content")
        #expect(PathMapping.parse("~/reusable-content/=/tmp/rc")?.prefix == "~/reusable-content")
        #expect(PathMapping.parse("reusable-content=/tmp/rc") == nil)
        #expect(PathMapping.parse("~/a/../b=/tmp/rc") == nil)
        #expect(PathMapping.parse("~/rc") == nil)
    }

    @Test func withoutARootTheDocsetsDocfxJSONFolderIsTheRoot() throws {
        let docs = try TempDocs([
            "articles/docfx.json": "{}",
            "articles/openai/quickstart.md": "# Q\n\n[!INCLUDE [a](~/includes/auth.md)]\n\n[!INCLUDE [b](../includes/auth.md)]\n",
            "articles/includes/auth.md": "## Authenticate\n",
        ])
        let doc = try DocFXLoader(root: nil).load(article: docs.path("articles/openai/quickstart.md"))
        #expect(doc.findings.isEmpty)
        #expect(doc.file == "openai/quickstart.md")
        let headings = allBlocks(doc.blocks).compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(headings.filter { $0 == "Authenticate" }.count == 2)
    }
}
