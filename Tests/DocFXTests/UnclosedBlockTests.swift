import Core
import Testing
@testable import DocFX

/// `tab-group-unclosed` and `code-fence-unclosed` (issue 8 §2): each triggered, each with a clean
/// variant, on fixtures of our own.
@Suite("Unclosed tab groups and code fences")
struct UnclosedBlockTests {
    func load(_ files: [String: String]) throws -> DocFXDocument {
        let directory = try TempDocs(files)
        return try DocFXLoader(root: directory.root).load(article: directory.path("a.md"))
    }

    /// An H3 subsection whose OS tabs are left open, followed by another H3 and then an H2.
    func osTabs(closed: Bool) -> String {
        """
        # Title

        ## Set up

        ### Variables

        #### [Windows](#tab/windows)

        Use setx.

        #### [Linux](#tab/linux)

        Use export.
        \(closed ? "\n---\n" : "")
        ### Run the code

        Run it.

        ## Clean up

        Delete it.
        """
    }

    @Test func anOpenGroupSwallowingTheNextHeadingOfItsSectionLevelIsReported() throws {
        let findings = try load(["a.md": osTabs(closed: false)]).findings("tab-group-unclosed")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.location.file == "a.md" && finding.location.line == 7)
        #expect(finding.message.contains("'Linux'"))
        #expect(finding.message.contains("'Run the code' (a.md:15)"))
        #expect(finding.message.contains("'---'"))
    }

    @Test func aClosedGroupIsClean() throws {
        #expect(try load(["a.md": osTabs(closed: false).replacingOccurrences(of: "Use export.\n", with: "Use export.\n\n---\n")])
            .findings("tab-group-unclosed").isEmpty)
        #expect(try load(["a.md": osTabs(closed: true)]).findings("tab-group-unclosed").isEmpty)
    }

    @Test func aGroupEndedByTheNextH2IsAccepted() throws {
        // Tab headings in an H2 section; the last tab runs into deeper headings and the next H2.
        let text = """
        ## Generate audio

        ### [Microsoft Entra ID](#tab/keyless)

        Keyless code.

        ### [API key](#tab/api-key)

        Key code.

        #### Output

        Some output.

        ## Clean up

        Delete it.
        """
        #expect(try load(["a.md": text]).findings("tab-group-unclosed").isEmpty)
    }

    @Test func aGroupAtTheEndOfAnIncludeIsReportedOnceAtMost() throws {
        let include = osTabs(closed: false).replacingOccurrences(of: "# Title\n\n", with: "")
        let doc = try load(["a.md": "# Title\n\n[!INCLUDE [set up](includes/setup.md)]\n", "includes/setup.md": include])
        let findings = doc.findings("tab-group-unclosed")
        #expect(findings.count == 1)
        #expect(findings.first?.location.file == "includes/setup.md")
    }

    // MARK: code-fence-unclosed

    @Test func anUnclosedFenceSwallowingAHeadingIsAnError() throws {
        let text = """
        # Title

        ## Write the code

        ```python
        import os
        # read the key
        print(os.environ["KEY"])

        ## Run the code

        ```console
        python app.py
        """
        let findings = try load(["a.md": text]).findings("code-fence-unclosed")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location.line == 5)
        #expect(finding.message.contains("'## Run the code' at a.md:10"))
    }

    @Test func anUnclosedFenceThatOnlyEndsTheFileIsClean() throws {
        // Python comments are not headings; nothing after the code is lost.
        let text = "# Title\n\n```python\nimport os\n# read the key\nprint(os.environ[\"KEY\"])\n"
        #expect(try load(["a.md": text]).findings("code-fence-unclosed").isEmpty)
    }

    @Test func closedFencesHoldingHashLinesAreClean() throws {
        let text = """
        # Title

        ```markdown
        ## A heading inside a Markdown sample
        ```

        ````markdown
        ```python
        print("nested")
        ```
        ````

        > ```bash
        > # a comment
        > ```
        """
        #expect(try load(["a.md": text]).findings("code-fence-unclosed").isEmpty)
    }

    @Test func anUnclosedFenceInAListItemSwallowingAFenceIsAnError() throws {
        let text = """
        1. Create the file:

            ```javascript
            const x = 1;

            ```console
            node app.js

        1. Next.
        """
        let findings = try load(["a.md": text]).findings("code-fence-unclosed")
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == 3)
    }
}
