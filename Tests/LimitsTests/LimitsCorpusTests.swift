import DocFX
import Limits
import TestSupport
import Testing

@Suite struct LimitsCorpusTests {
    static let folder = SharedCorpus.path("azure-openai")

    @Test(.enabled(if: folder != nil, "the shared corpus is absent"))
    func audioQuickstartStatesItsFourLimits() throws {
        let folder = try #require(Self.folder)
        let document = try DocFXLoader(root: folder).load(article: folder + "/audio-completions-quickstart.md")
        let limits = Dictionary(LimitExtractor.limits(in: document).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(limits["audio.max-input-size"]?.value == .bytes(20_000_000, written: "20 MB"))
        #expect(limits["audio.voices"]?.value.sameLimit(as: .names(["alloy", "echo", "shimmer"])) == true)
        #expect(limits["api-version.minimum"]?.value == .version("2025-01-01-preview"))
        #expect(limits["model.version"]?.value == .version("2024-12-17"))
        #expect(limits["audio.voices"]?.location.file.hasPrefix("includes/") == true)
    }

    @Test(.enabled(if: folder.map { FileManagerCheck.exists($0 + "/quotas-limits.md") } ?? false, "no quotas page in the corpus"))
    func quotasPageStatesTheCustomHeaderLimit() throws {
        let folder = try #require(Self.folder)
        let document = try DocFXLoader(root: folder).load(article: folder + "/quotas-limits.md")
        let limits = LimitExtractor.limits(in: document)
        #expect(limits.contains { $0.key == "headers.max-custom" && $0.value == .count(10) && $0.location.file == "quotas-limits.md" })
        let byKey = Dictionary(limits.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["images.per-request"] == .count(50))
        #expect(byKey["chat.max-messages"] == .count(2_048))
        #expect(byKey["chat.max-tools"] == .count(128))
        #expect(byKey["chat.max-functions"] == .count(128))
        #expect(byKey["embeddings.max-inputs"] == .count(2_048))
        #expect(byKey["files.max-upload-size"] == .bytes(512_000_000, written: "512 MB"))
        #expect(LimitChecks.conflicts(limits).isEmpty)
    }
}

import Foundation
enum FileManagerCheck {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
