import Foundation
import Testing
@testable import CLI

/// A folder that yields no article used to check green ("0 documents checked", exit 0).
@Suite struct ArticleFinderTests {
    func folder(_ files: [String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("finder-\(UUID().uuidString)").path
        for name in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "# T\n".write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    @Test func aFolderWithoutArticlesIsAUsageError() throws {
        let root = try folder(["includes/only-include.md", "notes.txt", ".hidden/a.md"])
        #expect(throws: UsageError.self) { _ = try ArticleFinder.articles(in: [root], root: nil) }
    }

    @Test func articlesAreFoundInOrderSkippingIncludesAndHiddenFolders() throws {
        let root = try folder(["b.md", "a/c.md", "includes/x.md", ".git/y.md", "a/includes/z.md"])
        let found = try ArticleFinder.articles(in: [root], root: nil)
        #expect(found.map { String($0.path.dropFirst(root.count + 1)) } == ["a/c.md", "b.md"])
        #expect(found.allSatisfy { $0.root == root && !$0.explicit })
    }
}
