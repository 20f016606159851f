import Core
import Foundation
import Testing
import TestSupport
@testable import DocFX

@Suite struct FindingRuleTests {
    @Test func zoneRules() throws {
        let doc = try Fixtures.load("errors/zones.md")
        let invalid = doc.findings("zone-invalid")
        #expect(invalid.map(\.location.line) == [5, 11])
        #expect(invalid.first?.message.contains("duplicate") == true)
        #expect(invalid.last?.message.contains("target") == true)
        #expect(doc.findings("zone-end-unmatched").map(\.location.line) == [3])
        #expect(doc.findings("zone-nested").map(\.location.line) == [17])
        let unclosed = doc.findings("zone-unclosed")
        #expect(unclosed.map(\.location.line) == [15])
        #expect(unclosed.first?.severity == .warning)
        // Pivots used without zone_pivot_groups.
        #expect(!doc.findings("zone-unknown-pivot").isEmpty)
    }

    @Test func zoneSpacingIsFlexible() throws {
        let directory = try TempDocs(["a.md": ":::zone  pivot = \"x\"\n\nText.\n\n:::zone-end\n"])
        let doc = try DocFXLoader(root: nil).load(article: directory.path("a.md"))
        #expect(DocBlockWalker.zones(in: doc.blocks).map(\.pivots) == [["x"]])
        #expect(doc.findings("zone-invalid").isEmpty)
        #expect(doc.findings("zone-end-unmatched").isEmpty)
    }

    @Test func unknownPivotAgainstGroupsFile() throws {
        let doc = try Fixtures.load("pivots/article.md")
        let unknown = doc.findings("zone-unknown-pivot")
        #expect(unknown.count == 1)
        #expect(unknown.first?.location.line == 10)
        #expect(unknown.first?.message.contains("lang-go") == true)
        #expect(doc.pivots == ["lang-python", "lang-rest", "lang-go"])
    }

    @Test func explicitPivotGroupsFile() throws {
        let groups = Fixtures.directory + "/pivots/zone-pivot-groups.yml"
        let doc = try Fixtures.load("basic/article.md", pivotGroups: groups)
        #expect(doc.findings("zone-unknown-pivot").isEmpty)
        #expect(doc.pivots == ["lang-python", "lang-rest"])
    }

    @Test func includeRules() throws {
        // A root the user chose: `../../outside.md` is past it (an error). The fixtures live in a
        // git checkout, which an inferred root would widen to.
        let doc = try Fixtures.load("errors/includes.md", root: Fixtures.directory + "/errors")
        #expect(doc.findings("include-missing").map(\.location.line) == [3])
        // A `~/` path not in the docset may be mapped by DocFX to another repository: a note.
        let external = doc.findings("include-external")
        #expect(external.map(\.location.line) == [9])
        #expect(external.map(\.severity) == [.note])
        #expect(doc.findings("include-escape").map(\.location.line) == [5])
        let cycle = doc.findings("include-cycle")
        #expect(cycle.count == 1)
        #expect(cycle.first?.location.file == "loop-b.md")
        #expect(cycle.first?.message.contains("loop-a.md → loop-b.md → loop-a.md") == true)
        #expect(doc.findings("code-source-missing").map(\.location.line) == [11, 13])
        #expect(doc.findings.filter { $0.rule.hasPrefix("include") && $0.rule != "include-external" }.allSatisfy { $0.severity == .error })
    }

    @Test func rootOptionAllowsParentIncludes() throws {
        let directory = try TempDocs(["docs/a.md": "[!INCLUDE [x](../shared/b.md)]\n", "shared/b.md": "Shared text.\n"])
        let refused = try DocFXLoader(root: nil).load(article: directory.path("docs/a.md"))
        #expect(refused.findings("include-escape").count == 1)
        let allowed = try DocFXLoader(root: directory.root).load(article: directory.path("docs/a.md"))
        #expect(allowed.findings.isEmpty)
        #expect(allowed.file == "docs/a.md")
        #expect(allowed.blocks.first?.location.file == "shared/b.md")
    }

    @Test func frontMatterInvalid() throws {
        let doc = try Fixtures.load("errors/frontmatter.md")
        let invalid = doc.findings("frontmatter-invalid")
        #expect(invalid.count == 1)
        #expect(invalid.first?.severity == .error)
        let unclosed = try TempDocs(["u.md": "---\ntitle: x\n\n# Body\n"])
        let doc2 = try DocFXLoader(root: nil).load(article: unclosed.path("u.md"))
        #expect(doc2.findings("frontmatter-invalid").first?.location.line == 1)
    }

    @Test func unreadableArticleThrows() {
        #expect(throws: DocFXLoadError.self) {
            try DocFXLoader(root: nil).load(article: Fixtures.directory + "/does-not-exist.md")
        }
    }

    @Test func olderPivotGroupsFileParses() throws {
        let path = CorpusLocation.directory.map { $0 + "/zone-pivot-groups-older.yml" }
        try #require(path != nil || CorpusLocation.directory == nil)
        guard let path, FileManager.default.fileExists(atPath: path) else { return }
        let groups = try PivotGroups.load(path: path)
        #expect(groups.groups.count == 61)
        #expect(groups.group("programming-languages-set-twenty-eight")?.pivots.contains("programming-language-python") == true)
        #expect(groups.group("audio-completions-quickstart") == nil)
    }
}

/// Small Markdown trees written by a test into a temporary folder.
struct TempDocs {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docfx-\(UUID().uuidString)").path
        for (name, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func path(_ name: String) -> String { root + "/" + name }
}

/// `../shared/corpus` next to the package, or /work/shared/corpus.
enum CorpusLocation {
    static let directory: String? = SharedCorpus.directory?.path
}
