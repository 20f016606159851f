import Foundation
import Testing
@testable import DocFX

/// A line of thousands of includes once cost a walk from the line's start per include to find its
/// column (2,000 on one line: about a second; 20,000: minutes); found by the fuzzer.
@Suite struct IncludeLineScaleTests {
    @Test func lineOfManyIncludesGetsEveryColumnInOneWalk() throws {
        let include = "[!INCLUDE [x](missing.md)]"
        let docs = try TempDocs(["docs/a.md": "# T\n\nSee " + String(repeating: include, count: 20_000) + "\n"])
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        let missing = doc.findings("include-missing")
        #expect(missing.count == 20_000)
        #expect(missing.first?.location.column == 5)
        #expect(missing.last?.location.column == 5 + 19_999 * include.count)
    }
}
