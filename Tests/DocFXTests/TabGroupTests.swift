import Core
import Testing
@testable import DocFX

@Suite struct TabGroupTests {
    func load(_ text: String, root: Bool = false, extra: [String: String] = [:]) throws -> DocFXDocument {
        var files = extra
        files["a.md"] = text
        let directory = try TempDocs(files)
        return try DocFXLoader(root: root ? directory.root : nil).load(article: directory.path("a.md"))
    }

    func groups(_ blocks: [DocBlock]) -> [TabGroup] {
        allBlocks(blocks).compactMap { if case .tabGroup(let g) = $0 { g } else { nil } }
    }

    @Test func groupEndsAtEndOfListItemWithoutBreak() throws {
        let doc = try load("""
            1. Pick one:

                # [One](#tab/one)

                First.

                # [Two](#tab/two)

                Second.

            1. Next step.
            """)
        let found = groups(doc.blocks)
        #expect(found.count == 1)
        #expect(found[0].tabs.map(\.link.id) == ["one", "two"])
        #expect(found[0].tabs[1].blocks.count == 1)
        guard case .list(let list)? = doc.blocks.first else { Issue.record("no list"); return }
        #expect(list.items.count == 2)
        #expect(list.items[0].location.line == 1)
    }

    @Test func groupInsideBlockQuote() throws {
        let doc = try load("> ### [A](#tab/a)\n>\n> In A.\n>\n> ### [B](#tab/b)\n>\n> In B.\n")
        let found = groups(doc.blocks)
        #expect(found.map { $0.tabs.map(\.link.id) } == [["a", "b"]])
        #expect(found.first?.level == 3)
    }

    @Test func nonTabHeadingIsTabContentAndOtherLevelsContinueTheGroup() throws {
        let doc = try load("## [A](#tab/a)\n\n### Inside A\n\n#### [B](#tab/b)\n\nIn B.\n\n***\n\n## After\n")
        let found = groups(doc.blocks)
        #expect(found.count == 1)
        #expect(found[0].tabs.map(\.link.id) == ["a", "b"])
        guard case .heading(let inside)? = found[0].tabs[0].blocks.first else { Issue.record("content"); return }
        #expect(inside.text == "Inside A")
        guard case .heading(let after)? = doc.blocks.last else { Issue.record("after"); return }
        #expect(after.text == "After")
        #expect(after.tab == nil)
    }

    @Test func headingWithMoreThanTheLinkIsNotATab() throws {
        let doc = try load("## See [A](#tab/a) here\n\n## [Bad id](#tab/no_underscore)\n")
        #expect(groups(doc.blocks).isEmpty)
    }

    @Test func tabLinkForms() {
        #expect(TabLink.parse(destination: "#tab/a+b", label: "")?.ids == ["a", "b"])
        #expect(TabLink.parse(destination: "#tab/x/cond", label: "")?.condition == "cond")
        #expect(TabLink.parse(destination: "#tab/x/", label: "")?.condition == nil)
        #expect(TabLink.parse(destination: "#tab/", label: "") == nil)
        #expect(TabLink.parse(destination: "#tabs/x", label: "") == nil)
    }

    @Test func tildePathResolvesFromRoot() throws {
        let doc = try load("[!INCLUDE [x](~/shared/x.md)]\n", root: true, extra: ["shared/x.md": "From the root.\n"])
        #expect(doc.findings.isEmpty)
        #expect(doc.blocks.first?.location.file == "shared/x.md")
    }

    @Test func targetZonesAndVisibility() throws {
        let doc = try load("::: zone target=\"pdf\"\n\nPrint only.\n\n::: zone-end\n\n::: zone target=\"docs\"\n\nWeb.\n\n::: zone-end\n")
        let zones = DocBlockWalker.zones(in: doc.blocks)
        #expect(zones.map(\.target) == ["pdf", "docs"])
        #expect(zones.map { $0.isVisible(pivot: nil) } == [false, true])
        #expect(doc.findings.isEmpty)
        #expect(doc.pivots.isEmpty)
    }
}

@Suite struct IncludeScopeTests {
    @Test func tabGroupEndsWithItsInclude() throws {
        let directory = try TempDocs([
            "a.md": "[!INCLUDE [t](t.md)]\n\n## After the include\n",
            "t.md": "## [A](#tab/a)\n\nIn A.\n",
        ])
        let doc = try DocFXLoader(root: nil).load(article: directory.path("a.md"))
        guard case .tabGroup(let group)? = doc.blocks.first, case .heading(let after)? = doc.blocks.last else {
            Issue.record("shape"); return
        }
        #expect(group.tabs.count == 1)
        #expect(group.tabs[0].blocks.count == 1)
        #expect(after.text == "After the include")
        #expect(after.location == SourceLocation(file: "a.md", line: 3))
    }

    @Test func zoneUnclosedInsideIncludeIsReportedThere() throws {
        let directory = try TempDocs([
            "a.md": "---\nzone_pivot_groups: g\n---\n\n[!INCLUDE [t](t.md)]\n\nShared.\n",
            "t.md": "::: zone pivot=\"p\"\n\nOnly p.\n",
        ])
        let doc = try DocFXLoader(root: nil).load(article: directory.path("a.md"))
        #expect(doc.findings.map(\.rule) == ["zone-unclosed"])
        #expect(doc.findings.first?.location == SourceLocation(file: "t.md", line: 1))
        guard case .paragraph(let shared)? = doc.blocks.last else { Issue.record("shared"); return }
        #expect(shared.text == "Shared.")
    }
}
