import Core
import Quickstart
import TestSupport
import Testing
@testable import Extraction

/// Pages of thousands of samples once made `undefined-name` rebuild each sample's view of the page
/// (its tab's steps, the samples sharing its file) per sample: 3,000 samples took 45 s in a release
/// build. Found by the fuzzer; the views are now built once each.
@Suite struct ProcedureScaleTests {
    static func findings(_ markdown: String) throws -> [Finding] {
        let root = try MarkdownFixture.folder(["a.md": markdown])
        return ProcedureChecks.findings(in: try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil))
    }

    @Test func thousandsOfNotebookCellsShareTheirNames() throws {
        // Each unnamed cell imports a module and reads the name the cell before it bound.
        var page = "# T\n\n```python\nimport os\nv0 = os.sep\n```\n\n"
        for i in 1..<1_000 { page += "```python\nimport os\nv\(i) = v\(i - 1) + os.sep\n```\n\n" }
        page += "```python\nimport os\nprint(missing_name, os.sep)\n```\n"
        let undefined = try Self.findings(page).filter { $0.rule == "undefined-name" }
        #expect(undefined.count == 1)
        #expect(undefined.first?.message.contains("missing_name") == true)
    }

    @Test func thousandsOfTabsEachReadOnlyTheirOwn() throws {
        // A name bound in one tab is not the reader's in another.
        var page = "# T\n\n"
        for i in 0..<800 { page += "# [T\(i)](#tab/t\(i))\n\n```python\nimport os\nt\(i) = os.sep\n```\n\n" }
        page += "# [Last](#tab/last)\n\n```python\nimport os\nprint(t0, os.sep)\n```\n\n---\n"
        let undefined = try Self.findings(page).filter { $0.rule == "undefined-name" }
        #expect(undefined.count == 1)
        #expect(undefined.first?.message.contains("t0") == true)
    }
}
