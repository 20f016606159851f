import Core
import Testing

/// The CommonMark fence rules the line readers outside cmark share.
@Suite struct CodeFenceTests {
    @Test("an opening: three or more backticks or tildes after at most three spaces; the info string trimmed")
    func openings() throws {
        let python = try #require(CodeFence(opening: "```python"))
        #expect(python.character == "`" && python.count == 3 && python.info == "python" && python.marker == "```")
        #expect(try #require(CodeFence(opening: "   ~~~~  json title=\"a\" ")).info == "json title=\"a\"")
        #expect(CodeFence(opening: "```")?.info == "")
        #expect(CodeFence(opening: "``") == nil)
        #expect(CodeFence(opening: "~~") == nil)
        #expect(CodeFence(opening: "    ```") == nil, "four spaces make indented code")
        #expect(CodeFence(opening: "text ```") == nil)
        #expect(CodeFence(opening: "") == nil)
    }

    @Test("a backtick info string can't hold a backtick (that line is inline code); a tilde one can")
    func backtickInfo() {
        #expect(CodeFence(opening: "```x``` is inline code") == nil)
        #expect(CodeFence(opening: "``` a`b") == nil)
        #expect(CodeFence(opening: "~~~ a`b")?.info == "a`b")
    }

    @Test("a closing: the same character, at least as many, then only spaces or tabs")
    func closings() throws {
        let four = try #require(CodeFence(opening: "````md"))
        #expect(four.isClosed(by: "````"))
        #expect(four.isClosed(by: "`````  \t"))
        #expect(four.isClosed(by: "   ````"))
        #expect(!four.isClosed(by: "```"), "shorter than the opening")
        #expect(!four.isClosed(by: "~~~~"), "another character")
        #expect(!four.isClosed(by: "````python"), "a closing fence has no info string")
        #expect(!four.isClosed(by: "    ````"))
        #expect(!four.isClosed(by: ""))
    }
}
