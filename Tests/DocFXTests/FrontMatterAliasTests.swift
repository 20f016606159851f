import Foundation
import Testing
@testable import DocFX

/// A few hundred bytes of YAML aliases expand to gigabytes ("billion laughs"); they are refused
/// before Yams reads them.
@Suite struct FrontMatterAliasTests {
    func load(_ text: String) throws -> DocFXDocument {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-alias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try DocFXLoader(root: dir.path).load(article: file.path)
    }

    @Test func aliasBombIsRefusedWithAFinding() throws {
        var yaml = "title: T\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let doc = try load("---\n" + yaml + "---\n# Title\n")
        let findings = doc.findings("frontmatter-invalid")
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == 4)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("*a") == true)
    }

    @Test func starsAndAmpersandsInValuesAreNotAliases() throws {
        let doc = try load("---\ntitle: \"Q&A: *bold* & more\"\ndescription: 'a *b* &c'\nms.topic: how-to # R&D *x\n---\n# Title\n")
        #expect(doc.findings("frontmatter-invalid").isEmpty)
        #expect(doc.frontMatter.title == "Q&A: *bold* & more")
    }

    @Test func scanFindsOnlyDefinedAnchors() {
        #expect(YAMLAliasScan.firstAlias(in: "a: *nothing\nb: & c") == nil)
        #expect(YAMLAliasScan.firstAlias(in: "a: &x 1\nb: *x") == .init(name: "x", line: 2))
    }
}
