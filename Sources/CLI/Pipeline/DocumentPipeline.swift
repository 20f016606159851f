import Core
import Extraction
import Foundation
import Quickstart
import Requests

/// One document taken through the static stages: parsed, extracted, built into typed requests and
/// checked across pivots. What `check` prints and what `run` executes.
struct CheckedDocument: Sendable {
    var extraction: DocumentExtraction
    /// Built requests by sample id.
    var requests: [Int: [BuiltRequest]]
    /// Every static finding: Markdown, extraction, request bodies, document checks.
    var findings: [Finding]

    var document: QuickstartDocument { extraction.document }
}

/// The shared front half of `list`, `check` and `run`: which articles, loaded how.
struct DocumentPipeline {
    var paths: [String]
    var root: String?
    var pivotGroups: String?

    /// Validates the flags, then loads every article (include-only files skipped unless named).
    func loadDocuments() throws -> [QuickstartDocument] {
        if let pivotGroups, !FileManager.default.isReadableFile(atPath: pivotGroups) {
            throw UsageError(message: "cannot read the pivot groups file '\(pivotGroups)'")
        }
        if let root {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError(message: "the docs root '\(root)' is not a folder")
            }
        }
        var documents: [QuickstartDocument] = []
        for (path, articleRoot, explicit) in try ArticleFinder.articles(in: paths, root: root) {
            do {
                let document = try QuickstartLoader.load(path: path, root: articleRoot, pivotGroupsFile: pivotGroups)
                // Files that only exist to be included are not articles, unless named on the command line.
                if document.frontMatter["ms.topic"] == "include" && !explicit { continue }
                documents.append(document)
            } catch {
                throw UsageError(message: error.description)
            }
        }
        return documents
    }

    /// Every article through extraction, typed requests and the document checks.
    func checkDocuments() throws -> [CheckedDocument] {
        let extractor = Extractor()
        let builder = RequestBuilder()
        return try loadDocuments().map { document in
            let extraction = extractor.extract(document)
            let built = builder.build(extraction)
            var seen = Set<Finding>()
            let findings = (extraction.allFindings + built.findings + DocumentChecks.run(extraction))
                .filter { seen.insert($0).inserted }
                .sortedForReport()
            return CheckedDocument(extraction: extraction, requests: built.requests, findings: findings)
        }
    }
}
