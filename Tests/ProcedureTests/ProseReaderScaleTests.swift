import Core
import Testing
@testable import Procedure

/// A paragraph of thousands of links once cost a scan of the whole paragraph per link (2,000
/// links: 14 s in a release build); found by the fuzzer's Markdown target.
@Suite struct ProseReaderScaleTests {
    @Test func paragraphOfManyLinksIsReadOnce() throws {
        let links = String(repeating: "[x](inc.md)", count: 20_000)
        let procedure = ProcedureBuilder.build(try loadArticle("# T\n\n1. Step\n\n" + links + "\n"))
        let pivot = try #require(procedure.pivots.first)
        #expect(!pivot.steps.contains { $0.kind == .setUpElsewhere })
    }

    @Test func setUpWordInTheParagraphOrTheLabelStillCounts() throws {
        let inText = ProcedureBuilder.build(try loadArticle("# T\n\nTo set up, see [this page](a/b.md) and [that](c.md).\n"))
        #expect(inText.pivots.first?.steps.filter { $0.kind == .setUpElsewhere }.map(\.link) == ["a/b.md"])
        // A label is part of its paragraph: the paragraph's first link is the one it sends to.
        let inLabel = ProcedureBuilder.build(try loadArticle("# T\n\nSee [here](x.md) or [the prerequisites](p.md).\n"))
        #expect(inLabel.pivots.first?.steps.filter { $0.kind == .setUpElsewhere }.map(\.link) == ["x.md"])
        let none = ProcedureBuilder.build(try loadArticle("# T\n\nSee [here](x.md) or [there](p.md).\n"))
        #expect(none.pivots.first?.steps.contains { $0.kind == .setUpElsewhere } == false)
        // A word split between a label and the paragraph's start ("…get" + " " + "started…").
        let straddling = ProcedureBuilder.build(try loadArticle("# T\n\n[Get](s.md) started.\n"))
        #expect(straddling.pivots.first?.steps.filter { $0.kind == .setUpElsewhere }.map(\.link) == ["s.md"])
    }
}

/// Every sample of a step once searched the step's text through Foundation (a UTF-16 copy each
/// time): a long step followed by thousands of fences took seconds. Found by the fuzzer.
@Suite struct SampleReaderMentionTests {
    @Test func mentionsFindsWordsAnywhereAndOnlyWhole() {
        #expect(SampleReader.mentions("Save it as requirements.txt, then", "requirements.txt"))
        #expect(SampleReader.mentions(".env", ".env"))
        #expect(SampleReader.mentions("é then .env", ".env"))
        #expect(!SampleReader.mentions("requirements.tx", "requirements.txt"))
        #expect(!SampleReader.mentions("", ".env"))
        #expect(!SampleReader.mentions("a env b", ".env"))
    }

    @Test func longStepWithManyFences() throws {
        let paragraph = String(repeating: "word ", count: 5_000) + "Put these lines in `.env`:"
        let fences = String(repeating: "```text\nSERVICE_URL=https://x\n```\n\n", count: 500)
        let procedure = ProcedureBuilder.build(try loadArticle("# T\n\n" + paragraph + "\n\n" + fences))
        let pivot = try #require(procedure.pivots.first)
        #expect(pivot.steps.filter { $0.kind == .createFile && $0.file == ".env" }.count == 500)
    }
}
