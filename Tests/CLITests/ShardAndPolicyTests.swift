import Core
import Foundation
import Testing
@testable import CLI

/// `--shard k/n`, `report merge`, inline suppressions and baselines through the command line.
@Suite struct ShardAndPolicyTests {
    static let broken = "# T\n\n1. Create `a.json`:\n\n   ```json\n   {\"a\": 1,,}\n   ```\n"

    static func folder() throws -> String {
        var files: [String: String] = [:]
        for i in 0..<12 { files["a\(i).md"] = i % 3 == 0 ? broken : "# Page \(i)\n\nText.\n" }
        files["sub/b.md"] = broken
        return try ListCommandTests.docs(files)
    }

    func check(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["check"] + arguments)
        return try #require(command as? CheckCommand).render()
    }

    func documents(_ json: String) throws -> [String] {
        let value = try JSONValue.parse(json)
        guard case .array(let docs)? = value["documents"] else { return [] }
        return docs.compactMap { $0["file"]?.stringValue }
    }

    @Test func shardsCoverEveryArticleExactlyOnceAndMergeToTheWhole() throws {
        let root = try Self.folder()
        let (whole, _) = try check([root, "--format", "json"])
        var shardFiles: [String] = []
        var seen: [String] = []
        for k in 1...3 {
            let (part, _) = try check([root, "--format", "json", "--shard", "\(k)/3"])
            seen += try documents(part)
            let file = root + "/shard\(k).json"
            try part.write(toFile: file, atomically: true, encoding: .utf8)
            shardFiles.append(file)
        }
        #expect(seen.sorted() == (try documents(whole)).sorted())
        #expect(Set(seen).count == seen.count)
        let merged = try ReportMergeCommand.merge(shardFiles)
        #expect(try JSONValue.parse(merged.json) == (try JSONValue.parse(whole)))
        #expect(merged.documents.flatMap(\.findings).filter { $0.rule == "json-invalid" }.count == 5)
    }

    @Test func shardMustBeKOfN() {
        for bad in ["0/3", "4/3", "1/0", "x", "1/2/3"] {
            #expect(throws: (any Error).self) { try DocverifyCommand.parseAsRoot(["check", "a.md", "--shard", bad]) }
        }
    }

    @Test func suppressionsAndBaselinesThroughCheck() throws {
        let page = "# T\n\n<!-- docverify-disable-next-line json-invalid -->\n```json\n{\"a\": 1,,}\n```\n\n<!-- docverify-disable-next-line python-syntax -->\nText.\n\n```json\n{\"b\": ]\n```\n"
        let root = try ListCommandTests.docs(["a.md": page])
        let (output, hasErrors) = try check([root + "/a.md"])
        // The first JSON error is suppressed; the second stays; the python-syntax comment is unused.
        #expect(hasErrors)
        #expect(output.contains("a.md:12"))
        #expect(!output.contains("a.md:5:"))
        #expect(output.contains("a.md:8:1: warning:") && output.contains("[suppression-unused]"))

        let baseline = root + "/baseline.json"
        _ = try check([root + "/a.md", "--write-baseline", baseline])
        let (accepted, acceptedErrors) = try check([root + "/a.md", "--baseline", baseline])
        #expect(!acceptedErrors)
        #expect(!accepted.contains("[json-invalid]"))

        // A new broken fence above the old one: only it is new, although the old one moved down.
        let edited = "# T\n\n```json\n{\"c\": ,}\n```\n\n" + page.dropFirst(5)
        try edited.write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
        let (after, afterErrors) = try check([root + "/a.md", "--baseline", baseline])
        #expect(afterErrors)
        #expect(after.components(separatedBy: "[json-invalid]").count - 1 == 1)
        #expect(after.contains("a.md:4"))
        #expect(throws: (any Error).self) { try check([root + "/a.md", "--baseline", root + "/missing.json"]) }
    }
}

/// Findings name their files relative to the docs root; SARIF snippets must still be read.
@Suite struct SARIFSnippetTests {
    @Test func snippetsAreReadFromTheDocsRootNotTheWorkingFolder() throws {
        let root = try ListCommandTests.docs(["sub/a.md": ShardAndPolicyTests.broken])
        let command = try DocverifyCommand.parseAsRoot(["check", root + "/sub", "--format", "sarif"])
        let (output, _) = try #require(command as? CheckCommand).render()
        let sarif = try JSONValue.parse(output)
        let region = sarif["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["region"]
        #expect(region?["snippet"]?["text"]?.stringValue?.contains("\"a\": 1,,") == true)
    }
}
