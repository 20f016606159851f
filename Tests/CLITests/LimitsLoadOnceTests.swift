import Core
import DocFX
import Foundation
import Limits
import Testing
@testable import CLI

/// `limits` loads its articles through the pipeline (every core, one include cache) and `drift`
/// reads the limits of the trees `checkDocuments` loaded: the limits must be the ones a serial,
/// one-article-at-a-time reading finds, in argument order.
@Suite struct LimitsLoadOnceTests {
    static let include = "---\nms.topic: include\n---\n\nThe maximum audio file size is 3 MB.\n"

    /// Twelve articles, the even ones including a shared include-only file that states a limit. It
    /// sits outside an `includes` folder, so the folder walk finds it: `limits` lists its
    /// statements, `check` does not take it as an article.
    static func docset() throws -> String {
        var files = ["shared/size.md": include]
        for index in 0..<12 {
            var text = "---\ntitle: A\(index)\n---\n\n# A\(index)\n\nThe maximum audio file size is \(index + 1) MB.\n"
            if index % 2 == 0 { text += "\n[!INCLUDE [size](../shared/size.md)]\n" }
            files["folder\(index / 4)/a\(index).md"] = text
        }
        return try ListCommandTests.docs(files)
    }

    func pipeline(_ root: String, width: Int) throws -> DocumentPipeline {
        let command = try #require(try DocverifyCommand.parseAsRoot(["limits", "--root", root, root]) as? LimitsCommand)
        var pipeline = try command.documents.pipeline
        pipeline.parallelWidth = width
        return pipeline
    }

    /// What the command read before: each file found, loaded alone, include-only files too.
    func serialLimits(_ root: String) throws -> [DocumentedLimit] {
        try ArticleFinder.articles(in: [root], root: root).flatMap { path, articleRoot, _ in
            LimitExtractor.limits(in: try DocFXLoader(root: articleRoot).load(article: path))
        }
    }

    @Test func limitsMatchASerialReadingInOrder() throws {
        let root = try Self.docset()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let serial = try serialLimits(root)
        let parallel = try pipeline(root, width: 4).documentedLimits()
        #expect(parallel == serial)
        #expect(try pipeline(root, width: 1).documentedLimits() == serial)
        // Twelve articles' own statements, six through the include, and the include file's own.
        #expect(parallel.count == 12 + 6 + 1)
        #expect(parallel.contains { $0.article == "shared/size.md" && $0.location.file == "shared/size.md" })
    }

    @Test func checkedDocumentsCarryTheirLimits() throws {
        let root = try Self.docset()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let checked = try pipeline(root, width: 3).checkDocuments()
        #expect(checked.count == 12)
        let serial = try serialLimits(root)
        for document in checked {
            #expect(document.limits == serial.filter { $0.article == document.document.file }, "\(document.document.file)")
        }
        #expect(!checked.contains { $0.document.file == "shared/size.md" })
        #expect(checked.filter { $0.limits.contains { $0.location.file == "shared/size.md" } }.count == 6)
    }
}
