import Testing
@testable import Markup

@Suite struct MarkupParserTests {
    @Test func frontMatterIsBlankedAndLinesKept() {
        let doc = MarkupDocument(parsing: "---\ntitle: T\nkey: v\n---\n\n# Heading\n")
        #expect(doc.frontMatter.yaml == "title: T\nkey: v")
        #expect(doc.frontMatter.yamlStartLine == 2)
        #expect(doc.frontMatter.endLine == 4)
        #expect(doc.blocks.count == 1)
        guard case .heading(let heading)? = doc.blocks.first else { Issue.record("no heading"); return }
        #expect(heading.level == 1)
        #expect(heading.span.startLine == 6)
        #expect(heading.plainText == "Heading")
    }

    @Test func noFrontMatterWhenNotClosed() {
        let split = FrontMatterSplit(text: "---\ntitle: T\n")
        #expect(split.yaml == nil)
        #expect(split.endLine == nil)
    }

    @Test func paragraphKeepsRawLinesAndSoftBreaks() {
        let doc = MarkupDocument(parsing: "first line\n::: zone pivot=\"a\"\nthird `code`\n")
        guard case .paragraph(let p)? = doc.blocks.first else { Issue.record("no paragraph"); return }
        #expect(p.lines.map(\.text) == ["first line", "::: zone pivot=\"a\"", "third `code`"])
        #expect(p.lines.map(\.number) == [1, 2, 3])
        #expect(p.inlines.contains(.softBreak))
        #expect(p.inlines.codeSpans == ["code"])
    }

    @Test func fencedCodeInsideListItem() {
        let text = "1. Create the `a.py` file:\n\n    ```python\n    import os\n      print(1)\n    ```\n"
        let doc = MarkupDocument(parsing: text)
        guard case .list(let list)? = doc.blocks.first else { Issue.record("no list"); return }
        #expect(list.isOrdered)
        let item = list.items[0]
        guard case .codeBlock(let code)? = item.children.last else { Issue.record("no code"); return }
        #expect(code.isFenced)
        #expect(code.infoString == "python")
        #expect(code.literal == "import os\n  print(1)\n")
        #expect(code.fenceLine == 3)
        #expect(code.codeStartLine == 4)
        #expect(code.column == 5)
        // Code column 1 of line 2 ("  print") sits at Markdown column 5 of line 5.
        let line5 = Array(text.split(separator: "\n", omittingEmptySubsequences: false)[4])
        #expect(String(line5[(code.column - 1)...]) == "  print(1)")
    }

    @Test func indentedCodeBlock() {
        let doc = MarkupDocument(parsing: "text\n\n    indented()\n")
        guard case .codeBlock(let code)? = doc.blocks.last else { Issue.record("no code"); return }
        #expect(!code.isFenced)
        #expect(code.literal == "indented()\n")
        #expect(code.codeStartLine == 3)
        #expect(code.column == 5)
    }

    @Test func htmlBlockEndLineFromLiteral() {
        let doc = MarkupDocument(parsing: "<!-- one\ntwo\nthree -->\n\n<!-- single -->\n\ntext\n")
        let html = doc.blocks.compactMap { block -> HTMLBlock? in if case .htmlBlock(let h) = block { return h }; return nil }
        #expect(html.count == 2)
        #expect(html[0].span.startLine == 1)
        #expect(html[0].span.endLine == 3)
        #expect(html[1].span.startLine == 5)
        #expect(html[1].span.endLine == 5)
    }

    @Test func blockQuoteLinesLoseMarkers() {
        let doc = MarkupDocument(parsing: "> [!NOTE]\n> Body text.\n")
        guard case .blockQuote(let quote)? = doc.blocks.first, case .paragraph(let p)? = quote.children.first else {
            Issue.record("no quote"); return
        }
        #expect(p.lines.map(\.text) == ["[!NOTE]", "Body text."])
    }

    @Test func thematicBreakAndLinks() {
        let doc = MarkupDocument(parsing: "## [Label](#tab/id)\n\n---\n")
        guard case .heading(let h)? = doc.blocks.first else { Issue.record("no heading"); return }
        #expect(h.inlines == [.link(destination: "#tab/id", title: "", children: [.text("Label")])])
        guard case .thematicBreak(let rule)? = doc.blocks.last else { Issue.record("no break"); return }
        #expect(rule.span.startLine == 3)
    }
}

@Suite struct SourceLinesTests {
    @Test func rawLinesOfAnyBlock() {
        let doc = MarkupDocument(parsing: "---\na: b\n---\n| x | y |\n|---|---|\n| 1 | 2 |\n")
        guard case .paragraph(let table)? = doc.blocks.first else { Issue.record("no paragraph"); return }
        #expect(doc.sourceLines(table.span).map(\.number) == [4, 5, 6])
        #expect(doc.sourceLines(table.span).first?.text == "| x | y |")
    }
}

@Suite("Front matter is read in place: the document is the one parsed from the blanked copy")
struct FrontMatterInPlaceTests {
    @Test func blocksAndLinesMatchTheBlankedBody() {
        let texts = [
            "---\ntitle: T\nms.topic: quickstart\n---\n\n# Title\n\nSome *text*.\n\n```bash\ncurl -d '{}' x\n```\n",
            "---\r\ntitle: T\r\n---\r\n# Title\r\n\r\n```python\r\nprint(1)\r\n```\r\n",
            "---\ntitle: T\n---",
            "---\ntitle: T\n---\n",
            "---\ntitle: T\n...\nText right after.\n- a\n- b\n",
            "# No front matter\n\n```\ncode\n```\n",
        ]
        for text in texts {
            let split = FrontMatterSplit(text: text)
            let inPlace = MarkupDocument(parsing: text)
            let blanked = MarkupDocument(parsing: split.body)
            #expect(inPlace.blocks == blanked.blocks, "\(text.debugDescription)")
            // Lines end at each `\n` byte (a Character split would keep `\r\n` whole), `\r` dropped.
            #expect(inPlace.lines == text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
                let line = String(String.UnicodeScalarView($0))
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            })
            let offset = FrontMatterSplit(text: text, blanking: false)
            #expect(offset.body.isEmpty)
            #expect(String(repeating: "\n", count: offset.blankLines) + String(decoding: Array(text.utf8)[offset.bodyOffset...], as: UTF8.self) == split.body)
        }
    }
}
