import Foundation
import Testing
@testable import DocFX

/// Issue 11: an include shared by many articles is read and parsed once per run.
@Suite struct IncludeCacheTests {
    static let shared = """
        Sign in with `az login` first.

        | Voice | Use |
        |---|---|
        | alloy | default |

        [!INCLUDE [gone](missing.md)]
        """

    func docs() throws -> TempDocs {
        var files = ["docs/includes/shared.md": Self.shared, "docs/includes/other.md": "Other text.\n"]
        for name in ["a", "b", "c"] {
            files["docs/\(name).md"] = "# Article \(name)\n\n[!INCLUDE [s](includes/shared.md)]\n\nText of \(name).\n\n[!INCLUDE [s](includes/shared.md)]\n\n[!INCLUDE [o](includes/other.md)]\n"
        }
        return try TempDocs(files)
    }

    @Test func sharedIncludeIsParsedOncePerRun() throws {
        let docs = try docs()
        let cache = IncludeCache()
        for name in ["a", "b", "c"] {
            _ = try DocFXLoader(root: docs.path("docs"), includeCache: cache).load(article: docs.path("docs/\(name).md"))
        }
        #expect(cache.count == 2)
        #expect(cache.parseCount == 2)
    }

    @Test func cachedIncludesGiveTheSameDocumentAsFreshOnes() throws {
        let docs = try docs()
        let cache = IncludeCache()
        for name in ["a", "b", "c"] {
            let withCache = try DocFXLoader(root: docs.path("docs"), includeCache: cache).load(article: docs.path("docs/\(name).md"))
            let fresh = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/\(name).md"))
            #expect(withCache.findings == fresh.findings)
            #expect(withCache.blocks.count == fresh.blocks.count)
            #expect("\(withCache.blocks)" == "\(fresh.blocks)")
            // Findings inside the include keep its own file and line, whichever article reached it first.
            #expect(withCache.findings.contains { $0.rule == "include-missing" && $0.location.file == "includes/shared.md" })
        }
    }

    @Test func oneFileReachedByTwoPathsIsParsedOnce() throws {
        let docs = try docs()
        try FileManager.default.createSymbolicLink(atPath: docs.path("docs/includes/alias.md"), withDestinationPath: docs.path("docs/includes/shared.md"))
        let cache = IncludeCache()
        #expect(cache.entry(atPath: docs.path("docs/includes/shared.md")) != nil)
        #expect(cache.entry(atPath: docs.path("docs/includes/alias.md")) != nil)
        #expect(cache.parseCount == 1)
        #expect(cache.entry(atPath: docs.path("docs/includes/missing.md")) == nil)
    }
}
