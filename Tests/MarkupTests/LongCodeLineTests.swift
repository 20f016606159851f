import Testing
@testable import Markup

/// A fence holding a very long line (a request with inline audio): the literal is exact however it
/// is made, and the document's lines keep only the start of such a line.
@Suite struct LongCodeLineTests {
    static let long = "  -d '{\"data\": \"" + String(repeating: "UklGRiQAAABXQVZF", count: 9_000) + "é\"}'"

    static func code(in doc: MarkupDocument) -> [CodeBlock] {
        var found: [CodeBlock] = []
        func walk(_ blocks: [BlockNode], depth: Int) {
            guard depth < 8 else { return }
            for block in blocks {
                switch block {
                case .codeBlock(let code): found.append(code)
                case .list(let list): for item in list.items { walk(item.children, depth: depth + 1) }
                case .blockQuote(let quote): walk(quote.children, depth: depth + 1)
                default: break
                }
            }
        }
        walk(doc.blocks, depth: 0)
        return found
    }

    @Test func topLevelFenceLiteralIsExactAndItsLongLineShortened() {
        let text = "---\ntitle: T\n---\n\n# Send\n\n```bash\ncurl -s \"$URL\" \\\n\(Self.long)\n```\n\nAfter.\n"
        let doc = MarkupDocument(parsing: text)
        let blocks = Self.code(in: doc)
        #expect(blocks.count == 1)
        #expect(blocks.first?.literal == "curl -s \"$URL\" \\\n\(Self.long)\n")
        #expect(doc.lines[8].utf8.count == MarkupDocument.longCodeLineKept)
        #expect(Self.long.hasPrefix(doc.lines[8]))
        // The fences themselves, and short lines, are kept whole.
        #expect(doc.lines[6] == "```bash")
        #expect(doc.lines[9] == "```")
        #expect(doc.lines[7] == "curl -s \"$URL\" \\")
    }

    @Test func fenceInAListAndLongProseAreKeptAsCmarkReadsThem() {
        let prose = String(repeating: "word ", count: 20_000)
        let text = "1. Run it:\n\n   ```bash\n   \(Self.long)\n   ```\n\n\(prose)\n"
        let doc = MarkupDocument(parsing: text)
        // The list item's fence: indentation removed by cmark, so its literal is cmark's.
        #expect(Self.code(in: doc).first?.literal == Self.long + "\n")
        #expect(doc.lines[3].utf8.count == MarkupDocument.longCodeLineKept)
        // A long paragraph line is not inside a fence: kept whole, and read whole by cmark.
        #expect(doc.lines[6] == prose)
        guard case .paragraph(let paragraph)? = doc.blocks.last else { Issue.record("no paragraph"); return }
        #expect(paragraph.plainText == String(prose.dropLast()))
        #expect(!paragraph.plainText.unicodeScalars.contains("\u{E000}"))
    }

    @Test func severalLongLinesInSeveralFencesAndAMarkerLookalike() {
        let other = "x = \"" + String(repeating: "é", count: 40_000) + "\""
        let text = "```bash\n\(Self.long)\necho\n\(Self.long)\n```\n\n> ```python\n> \(other)\n> ```\n"
        let blocks = Self.code(in: MarkupDocument(parsing: text))
        #expect(blocks.map(\.literal) == ["\(Self.long)\necho\n\(Self.long)\n", "\(other)\n"])
        // Text already holding U+E000 is parsed as it is.
        let marked = "```\n\u{E000}1\u{E001} \(Self.long)\n```\n"
        #expect(Self.code(in: MarkupDocument(parsing: marked)).first?.literal == "\u{E000}1\u{E001} \(Self.long)\n")
    }

    @Test func unclosedFenceEndingOnALongLineKeepsThatLine() {
        // The last line is the block's end line (what an unclosed-fence check reads): kept whole.
        let text = "```bash\n\(Self.long)\n\(Self.long)"
        let doc = MarkupDocument(parsing: text)
        #expect(Self.code(in: doc).first?.literal.hasPrefix("\(Self.long)\n\(Self.long)") == true)
        #expect(doc.lines[1].utf8.count == MarkupDocument.longCodeLineKept)
        #expect(doc.lines[2] == Self.long)
    }
}
