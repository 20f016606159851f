import Testing
@testable import Markup

/// Hostile nesting once exhausted the stack in the cmark-to-Swift conversion.
@Suite struct NestingBoundTests {
    @Test("20,000 nested block quotes convert, cut at the bound", arguments: ["> ", "- ", "1. "])
    func deepContainers(marker: String) {
        let doc = MarkupDocument(parsing: String(repeating: marker, count: 20_000) + "x\n")
        #expect(doc.tooDeepAtLine == 1)
        #expect(!doc.blocks.isEmpty)
    }

    @Test func longEmphasisRunsConvert() {
        let stars = String(repeating: "*", count: 30_000)
        let doc = MarkupDocument(parsing: "a \(stars)b\(stars) c\n\n" + String(repeating: "_", count: 20_000) + "\n")
        #expect(doc.blocks.count >= 1)
    }

    @Test func ordinaryNestingIsNotCut() {
        let doc = MarkupDocument(parsing: "> - a\n>   - b\n>     > **c _d_**\n")
        #expect(doc.tooDeepAtLine == nil)
    }
}
