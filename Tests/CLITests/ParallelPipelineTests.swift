import Foundation
import Quickstart
import Reporting
import Testing
@testable import CLI

/// Issue 12, goal 3: many articles are loaded and checked on every core, and the results are the
/// same, in the same order, as a one-at-a-time run.
@Suite struct ParallelPipelineTests {
    /// Sixteen articles in eight folders (two names repeat across folders), differing in prompt,
    /// voice and sample count; half share an include holding a table and a broken fence.
    static func docset() throws -> String {
        var files: [String: String] = [
            "includes/shared.md": "---\nms.topic: include\n---\n\n| Voice | Use |\n|---|---|\n| alloy | default |\n\n```python\nprint(\"open\n",
        ]
        for index in 0..<16 {
            let voice = index % 3 == 0 ? "nova-ish" : "alloy"
            var text = CheckCommandTests.article(pivots: (0...(index % 3)).map { ("p\($0)", "Prompt \(index).\($0)") })
                .replacingOccurrences(of: "\"voice\": \"alloy\"", with: "\"voice\": \"\(voice)\"")
            if index % 2 == 0 { text += "\n[!INCLUDE [shared](../includes/shared.md)]\n" }
            files["folder\(index / 2)/\(index % 2 == 0 ? "quickstart" : "article\(index)").md"] = text
        }
        return try ListCommandTests.docs(files)
    }

    func pipeline(_ root: String, width: Int) throws -> DocumentPipeline {
        let command = try #require(try DocverifyCommand.parseAsRoot(["check", "--root", root, root]) as? CheckCommand)
        var pipeline = try command.documents.pipeline
        pipeline.parallelWidth = width
        return pipeline
    }

    @Test func parallelCheckMatchesASerialOne() throws {
        let root = try Self.docset()
        let serial = try pipeline(root, width: 1).checkDocuments()
        let parallel = try pipeline(root, width: 4).checkDocuments()
        #expect(serial.count == 16)
        #expect(parallel.map(\.document.file) == serial.map(\.document.file))
        #expect(parallel.map(\.findings) == serial.map(\.findings))
        #expect(parallel.map(\.requests) == serial.map(\.requests))
        #expect(ListReport.json(parallel.map(\.document)) == ListReport.json(serial.map(\.document)))
        // The shared include's own problem is found in every article that includes it.
        #expect(serial.filter { $0.findings.contains { $0.location.file.hasSuffix("shared.md") } }.count == 8)
    }

    @Test func parallelListMatchesASerialOne() throws {
        let root = try Self.docset()
        let serial = try pipeline(root, width: 1).loadDocuments()
        let parallel = try pipeline(root, width: 3).loadDocuments()
        #expect(serial.count == 16)
        #expect(ListReport.json(parallel) == ListReport.json(serial))
        #expect(ListReport.text(parallel) == ListReport.text(serial))
    }
}
