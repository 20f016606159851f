import Core
import Quickstart
import TestSupport
@testable import Procedure

/// Loads an article of our own (`a.md`, with optional includes) through the real loader.
func loadArticle(_ markdown: String, includes: [String: String] = [:]) throws -> QuickstartDocument {
    var files = includes
    files["a.md"] = markdown
    let root = try MarkdownFixture.folder(files)
    return try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
}

func procedureFindings(_ markdown: String) throws -> [Finding] {
    let document = try loadArticle(markdown)
    let context = ProcedureContext(document: document, procedure: ProcedureBuilder.build(document))
    return FileMissingCheck.findings(context) + BuildStepCheck.findings(context)
}
