import Foundation
import Testing
@testable import CLI

/// Pages saved with Windows line endings (a writer's checkout with `core.autocrlf`) are read like
/// their LF twins. Before, `\r\n` being one Swift Character made such a file a single "line": no
/// fence was recognized, the page checked green with no findings, and `run` trapped reading the
/// line before an output block.
@Suite struct CRLFDocumentsTests {
    /// Pivots, an include holding a table and a broken fence, a `:::code` source with a syntax
    /// error in its selected range, and an output block under an "Output" heading.
    static let files: [String: String] = {
        var article = CheckCommandTests.article(pivots: [("p0", "Hello"), ("p1", "Bonjour")])
        article += """

            [!INCLUDE [shared](includes/shared.md)]

            ## Run a saved script

            :::code language="python" source="scripts/broken.py" range="1-2":::

            ### Output

            ```json
            {"id": "chatcmpl-1", "object": "chat.completion"}
            ```

            """
        return [
            "quickstart.md": article,
            "includes/shared.md": "---\nms.topic: include\n---\n\n| Voice | Use |\n|---|---|\n| alloy | default |\n\n```python\nprint(\"open\n```\n",
            "scripts/broken.py": "import os\nprint(os.environ[\"HOME\"\n\nprint(\"never read\")\n",
        ]
    }()

    static func folder(crlf: Bool) throws -> String {
        try ListCommandTests.docs(files.mapValues { crlf ? $0.replacingOccurrences(of: "\n", with: "\r\n") : $0 })
    }

    func checked(_ root: String) throws -> [CheckedDocument] {
        let command = try #require(try DocverifyCommand.parseAsRoot(["check", "--root", root, root]) as? CheckCommand)
        return try command.documents.pipeline.checkDocuments()
    }

    @Test("a CRLF docset gives the LF docset's findings and requests")
    func sameFindings() throws {
        let lf = try Self.folder(crlf: false)
        let crlf = try Self.folder(crlf: true)
        defer { for root in [lf, crlf] { try? FileManager.default.removeItem(atPath: root) } }
        let plain = try checked(lf)
        let windows = try checked(crlf)
        let rules = Set(plain.flatMap(\.findings).map(\.rule))
        // The fixture's own faults are found in LF, so the comparison below is not of two empty lists.
        #expect(rules.contains("python-syntax"))
        #expect(!plain.flatMap(\.requests).isEmpty)
        #expect(windows.map(\.findings) == plain.map(\.findings))
        #expect(windows.map(\.requests) == plain.map(\.requests))
    }
}
