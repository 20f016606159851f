import Foundation
import Testing
@testable import DocFX

/// `..` and absolute paths were refused, but a symlink inside the docs root that points outside
/// was followed: the outside file's text appeared in `list` and `check` output.
@Suite struct SymlinkEscapeTests {
    static let secret = "TOP-SECRET-OUTSIDE-TEXT"

    func docs(article: String) throws -> TempDocs {
        let docs = try TempDocs([
            "docs/a.md": article,
            "docs/inside.md": "Inside text.\n",
            "outside/secret.md": Self.secret + "\n",
            "outside/secret.py": "print('\(Self.secret)')\n",
        ])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: docs.path("docs/link.md"), withDestinationPath: docs.path("outside/secret.md"))
        try fm.createSymbolicLink(atPath: docs.path("docs/code.py"), withDestinationPath: docs.path("outside/secret.py"))
        try fm.createSymbolicLink(atPath: docs.path("docs/folder"), withDestinationPath: docs.path("outside"))
        try fm.createSymbolicLink(atPath: docs.path("docs/inside-link.md"), withDestinationPath: docs.path("docs/inside.md"))
        return docs
    }

    func text(_ doc: DocFXDocument) -> String { "\(doc.blocks)" }

    @Test("a symlinked include, file or folder, is an escape", arguments: ["link.md", "folder/secret.md"])
    func include(target: String) throws {
        let docs = try docs(article: "# T\n\n[!INCLUDE [x](\(target))]\n")
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings("include-escape").map(\.location.line) == [3])
        #expect(!text(doc).contains(Self.secret))
    }

    @Test func symlinkedCodeSourceIsAnEscape() throws {
        let docs = try docs(article: "# T\n\n:::code language=\"python\" source=\"code.py\":::\n\n[!code-python[](folder/secret.py)]\n")
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings("include-escape").map(\.location.line) == [3, 5])
        #expect(!text(doc).contains(Self.secret))
    }

    @Test func aSymlinkThatStaysInsideIsFollowed() throws {
        let docs = try docs(article: "# T\n\n[!INCLUDE [x](inside-link.md)]\n")
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings.isEmpty)
        #expect(text(doc).contains("Inside text."))
    }
}
