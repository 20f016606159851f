import Core
import Testing
@testable import DocFX

@Suite struct ArticleStructureTests {
    let doc: DocFXDocument

    init() throws { doc = try Fixtures.load("basic/article.md") }

    @Test func frontMatterKeysTyped() {
        #expect(doc.frontMatter.title == "Sample article")
        #expect(doc.frontMatter.topic == "quickstart")
        #expect(doc.frontMatter.date == "03/04/2025")
        #expect(doc.frontMatter.zonePivotGroups == ["demo-languages"])
        #expect(doc.frontMatter.values["author"] == "one, two")
        #expect(doc.frontMatter.keyLines["zone_pivot_groups"] == 5)
        #expect(doc.file == "article.md")
    }

    @Test func zonesSplitFromParagraphsAndIncludesKeepTheirFile() throws {
        let zones = DocBlockWalker.zones(in: doc.blocks)
        #expect(zones.map(\.pivots) == [["lang-python"], ["lang-rest"]])
        #expect(zones[0].location == SourceLocation(file: "article.md", line: 14))
        #expect(zones[0].endLocation?.line == 16)
        guard case .paragraph(let p)? = zones[0].blocks.first else { Issue.record("zone content"); return }
        #expect(p.text == "Python only text.")
        #expect(p.location.line == 15)
        // The include's blocks sit in the REST zone with the include's own file and lines.
        let restBlocks = allBlocks(zones[1].blocks)
        let code = restBlocks.compactMap { block -> DocCodeBlock? in if case .code(let c) = block { return c }; return nil }
        #expect(code.count == 1)
        #expect(code.first?.location == SourceLocation(file: "includes/shared.md", line: 9, column: 5))
        #expect(code.first?.block.literal == "print(\"hi\")\n")
        #expect(doc.pivots == ["lang-python", "lang-rest"])
        // The paragraph before the zone keeps its text without the directive line.
        guard case .paragraph(let intro)? = doc.blocks.dropFirst().first else { Issue.record("intro"); return }
        #expect(intro.text == "Intro text before zones.")
        #expect(intro.lines.count == 1)
    }

    @Test func tabGroupEndsAtThematicBreak() throws {
        let groups = doc.blocks.compactMap { block -> TabGroup? in if case .tabGroup(let g) = block { return g }; return nil }
        #expect(groups.count == 1)
        let group = try #require(groups.first)
        #expect(group.level == 1)
        #expect(group.tabs.map(\.link.id) == ["key", "token+entra", "other"])
        #expect(group.tabs[1].link.ids == ["token", "entra"])
        #expect(group.tabs[2].link.condition == "key")
        #expect(group.tabs.map(\.link.label) == ["Key", "Token", "Other"])
        #expect(group.tabs[0].location.line == 26)
        // "After the group." is outside the group.
        let index = try #require(doc.blocks.firstIndex { if case .tabGroup = $0 { true } else { false } })
        guard case .paragraph(let after) = doc.blocks[index + 1] else { Issue.record("after"); return }
        #expect(after.text == "After the group.")
    }

    @Test func alertsAndInvalidNote() {
        let alerts = doc.blocks.compactMap { block -> Alert? in if case .alert(let a) = block { return a }; return nil }
        #expect(alerts.map(\.kind) == [.note])
        guard case .paragraph(let body)? = alerts.first?.blocks.first else { Issue.record("alert body"); return }
        #expect(body.text == "Alerts have their marker alone.")
        #expect(body.location.line == 43)
        let quotes = doc.blocks.compactMap { block -> DocBlockQuote? in if case .blockQuote(let q) = block { return q }; return nil }
        #expect(quotes.count == 1)
        let invalid = doc.findings("note-invalid")
        #expect(invalid.count == 1)
        #expect(invalid.first?.severity == .warning)
        #expect(invalid.first?.location.line == 45)
    }

    @Test func pipeTable() throws {
        let tables = doc.blocks.compactMap { block -> PipeTable? in if case .table(let t) = block { return t }; return nil }
        let table = try #require(tables.first)
        #expect(table.header.map(\.text) == ["Name", "Value"])
        #expect(table.alignments == [.left, .right])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].map(\.text) == ["a | b", "one<br>two"])
        #expect(table.rows[0][1].lines == ["one", "two"])
        #expect(table.rows[1][0].text == "`x|y`")
        #expect(table.location.line == 47)
        #expect(table.rows[1][0].location.line == 50)
    }

    @Test func images() {
        let images = doc.blocks.compactMap { block -> ImageDirective? in if case .image(let i) = block { return i }; return nil }
        #expect(images.map(\.type) == ["content", "complex"])
        #expect(images[0].source == "media/pic.png")
        #expect(images[0].altText == "A picture.")
        #expect(images[1].description.count == 1)
        #expect(images[1].location.line == 54)
    }

    @Test func codeDirectivesPullCode() {
        let pulled = doc.blocks.compactMap { block -> CodeDirective? in if case .codeDirective(let c) = block { return c }; return nil }
        #expect(pulled.count == 3)
        #expect(pulled[0].code == "print(1)\nprint(2)\n")
        #expect(pulled[0].sourceStartLine == 2)
        #expect(pulled[0].source == "snippets/app.py")
        #expect(pulled[0].ranges == [2...3])
        #expect(pulled[0].location.line == 58)
        #expect(pulled[1].language == "python")
        #expect(pulled[1].code == "x = 3\ny = 4\n")
        #expect(pulled[1].sourceStartLine == 5)
        #expect(pulled[2].snippetID == "main")
        #expect(pulled[2].code == "x = 3\ny = 4\n")
        #expect(pulled[2].sourceStartLine == 5)
    }

    @Test func inlineIncludeResolved() {
        // The inline include is read (its paragraph follows), and nothing is reported.
        let paragraphs = allBlocks(doc.blocks).compactMap { block -> DocParagraph? in if case .paragraph(let p) = block { return p }; return nil }
        #expect(paragraphs.contains { $0.location.file == "includes/inline.md" && $0.text == "a short inline include" })
        #expect(doc.findings.filter { $0.severity == .error }.isEmpty)
    }
}
