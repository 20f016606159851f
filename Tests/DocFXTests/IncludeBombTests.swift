import Foundation
import Testing
@testable import DocFX

/// Files each including the next twice expand exponentially (twenty of them ran for minutes).
@Suite struct IncludeBombTests {
    @Test func includeBombStopsWithOneFinding() throws {
        var files: [String: String] = ["docs/a.md": "# Bomb\n\n[!INCLUDE [x](includes/f0.md)]\n"]
        for i in 0..<14 {
            files["docs/includes/f\(i).md"] = i == 13
                ? "Leaf text.\n"
                : "Level \(i).\n\n[!INCLUDE [x](f\(i + 1).md)]\n\n[!INCLUDE [x](f\(i + 1).md)]\n"
        }
        let docs = try TempDocs(files)
        let started = Date()
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(Date().timeIntervalSince(started) < 30)
        let limit = doc.findings("include-limit")
        #expect(limit.count == 1)
        #expect(limit.first?.message.contains("1000 includes") == true)
    }

    @Test func deepIncludeChainStops() throws {
        var files: [String: String] = ["docs/a.md": "# Deep\n\n[!INCLUDE [x](includes/f0.md)]\n"]
        for i in 0..<40 { files["docs/includes/f\(i).md"] = "Level \(i).\n\n[!INCLUDE [x](f\(i + 1).md)]\n" }
        files["docs/includes/f40.md"] = "Leaf.\n"
        let docs = try TempDocs(files)
        let doc = try DocFXLoader(root: docs.path("docs")).load(article: docs.path("docs/a.md"))
        #expect(doc.findings("include-limit").first?.message.contains("nested more than 16 levels") == true)
    }

    @Test func ordinaryIncludesFitTheBudget() {
        var budget = IncludeBudget()
        for _ in 0..<50 { #expect(budget.spend(bytes: 20_000, depth: 2) == nil) }
    }
}
