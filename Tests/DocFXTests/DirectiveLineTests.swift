import Testing
@testable import DocFX

/// A line is an include directive only when one `[!INCLUDE …]` spans it, spaces around aside;
/// an include with text before or after it is an include written inside the text.
@Suite struct DirectiveLineTests {
    func include(_ line: String) -> (String, String)? {
        guard case .include(let title, let path)? = DirectiveLine(line) else { return nil }
        return (title, path)
    }

    @Test func wholeLineIncludeIsADirective() throws {
        let parts = try #require(include("[!INCLUDE [Set up](includes/setup.md)]"))
        #expect(parts.0 == "Set up" && parts.1 == "includes/setup.md")
        let indented = try #require(include("  [!include[](../shared/keys.md)]\t"))
        #expect(indented.0 == "" && indented.1 == "../shared/keys.md")
    }

    @Test func includeWithTextAroundItIsNotADirective() {
        #expect(include("[!INCLUDE [a](a.md)] then more words") == nil)
        #expect(include("See [!INCLUDE [a](a.md)]") == nil)
        #expect(include("[!INCLUDE [a](a.md)][!INCLUDE [b](b.md)]") == nil)
        #expect(include("[a link](page.md) at the start") == nil)
        #expect(DirectiveLine("[a link](page.md) at the start") == nil)
    }

    @Test func includeMatchesStillFindIncludesInsideText() {
        let matches = DirectiveLine.includeMatches(in: "Before [!INCLUDE [a](a.md)] and [!include [b](b.md)] after")
        #expect(matches.map(\.path) == ["a.md", "b.md"])
    }
}
