import Core
import Foundation
import Testing
@testable import DocFX

/// Articles, includes and code sources over `maxFileBytes`, and FIFOs where a file was expected.
@Suite struct FileSizeBoundTests {
    static let article = """
        ---
        title: Bound
        ---

        # Bound

        [!INCLUDE [big](includes/big.md)]

        :::code language="python" source="big.py":::

        [!INCLUDE [small](includes/small.md)]
        """

    func docs() throws -> TempDocs {
        try TempDocs([
            "docs/a.md": Self.article,
            "docs/includes/big.md": String(repeating: "Included prose. ", count: 100),
            "docs/includes/small.md": "Small include.\n",
            "docs/big.py": String(repeating: "print('x')\n", count: 100),
        ])
    }

    func load(_ docs: TempDocs, maxFileBytes: Int) throws -> DocFXDocument {
        var loader = DocFXLoader(root: docs.path("docs"))
        loader.maxFileBytes = maxFileBytes
        return try loader.load(article: docs.path("docs/a.md"))
    }

    @Test func largeIncludeAndCodeSourceAreFindingsAtTheirLines() throws {
        let doc = try load(try docs(), maxFileBytes: 1_000)
        let large = doc.findings("input-too-large")
        #expect(large.map(\.location.line) == [7, 9])
        #expect(large.allSatisfy { $0.severity == .error })
        #expect(large.first?.message.contains("included file 'includes/big.md' is 1600 bytes, more than the 1000 bytes") == true)
        #expect(large.last?.message.contains("code source 'big.py' is 1100 bytes") == true)
        // The small include is still spliced.
        #expect(doc.blocks.contains { "\($0)".contains("Small include.") })
    }

    @Test func theDefaultBoundReadsEverything() throws {
        let doc = try load(try docs(), maxFileBytes: InputFileBound.defaultMaxBytes)
        #expect(doc.findings("input-too-large").isEmpty)
        #expect(doc.blocks.contains { "\($0)".contains("Included prose.") })
    }

    @Test("an article over the bound is one finding at its first line, nothing read")
    func largeArticle() throws {
        let doc = try load(try docs(), maxFileBytes: 100)
        #expect(doc.findings.map(\.rule) == ["input-too-large"])
        #expect(doc.findings.first?.location == SourceLocation(file: "a.md", line: 1))
        #expect(doc.findings.first?.message.contains("this article is") == true)
        #expect(doc.blocks.isEmpty)
    }

    @Test("a sparse 10 GB article is refused at once under the default bound")
    func hugeArticle() throws {
        let docs = try TempDocs(["docs/huge.md": ""])
        let handle = try #require(FileHandle(forWritingAtPath: docs.path("docs/huge.md")))
        try handle.truncate(atOffset: 10 * 1024 * 1024 * 1024)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: docs.path("docs/huge.md")) }
        let started = Date()
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/huge.md"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(doc.findings.first?.message.contains("is 10737418240 bytes (10240.0 MiB), more than the 67108864 bytes (64.0 MiB)") == true)
    }

    @Test func fifoIncludeAndArticleAreRefusedNotWaitedOn() throws {
        let docs = try docs()
        try FileManager.default.removeItem(atPath: docs.path("docs/includes/small.md"))
        #expect(mkfifo(docs.path("docs/includes/small.md"), 0o644) == 0)
        #expect(mkfifo(docs.path("docs/pipe.md"), 0o644) == 0)
        let doc = try load(docs, maxFileBytes: InputFileBound.defaultMaxBytes)
        let refused = doc.findings("input-not-a-file")
        #expect(refused.map(\.location.line) == [11])
        #expect(refused.first?.message.contains("is a FIFO (named pipe), not a regular file") == true)
        #expect(throws: DocFXLoadError.self) { try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/pipe.md")) }
    }
}
