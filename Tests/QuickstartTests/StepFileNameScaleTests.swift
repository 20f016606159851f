import Core
import Testing
import TestSupport
@testable import Quickstart

/// A long paragraph followed by many fences once had the paragraph read again for every fence
/// (about 4 s for a 14 KB page the fuzzer made); the file name is now found once per step.
@Suite struct StepFileNameScaleTests {
    static func load(_ markdown: String) throws -> QuickstartDocument {
        let root = try MarkdownFixture.folder(["a.md": markdown])
        return try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
    }

    @Test func manyFencesAfterALongParagraph() throws {
        let paragraph = String(repeating: "word ", count: 20_000) + "then save `app.py`."
        let fences = String(repeating: "```python\nprint(1)\n```\n\n", count: 2_000)
        let document = try Self.load("# T\n\n" + paragraph + "\n\n" + fences + "```json\n{}\n```\n")
        let samples = document.allSamples.map(\.sample)
        #expect(samples.count == 2_001)
        #expect(samples.dropLast().allSatisfy { $0.fileName == "app.py" })
        // Another language under the same step is looked up on its own.
        #expect(samples.last?.fileName == nil)
    }
}
