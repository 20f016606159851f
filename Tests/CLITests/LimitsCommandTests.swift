import Core
import Foundation
import Testing
@testable import CLI

@Suite struct LimitsCommandTests {
    static let page = """
        ---
        title: Sizes
        ---

        # Sizes

        The maximum audio file size is 4 MB.

        | Limit | Value |
        |---|---|
        | Message size for audio files | 5 MB |
        """

    func limits(_ arguments: [String]) throws -> String {
        let command = try DocverifyCommand.parseAsRoot(["limits"] + arguments)
        return try #require(command as? LimitsCommand).render()
    }

    @Test func listsLimitsWithLocationsAndConflicts() throws {
        let root = try ListCommandTests.docs(["sizes.md": Self.page])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = try limits([root])
        #expect(text.contains("sizes.md:7:32: audio.max-input-size = 4 MB"))
        #expect(text.contains("sizes.md:11:"))
        #expect(text.contains("[limit-conflict]"))
        let json = try limits([root, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["limits"] as? [Any])?.count == 2)
        #expect((object["findings"] as? [Any])?.count == 1)
    }
}

/// `limits` in the formats that fit a listing, and a usage error for the others.
@Suite struct LimitsFormatTests {
    @Test func markdownOutputAndReportFiles() throws {
        let root = try ListCommandTests.docs(["sizes.md": LimitsCommandTests.page])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let command = try #require(try DocverifyCommand.parseAsRoot(
            ["limits", root, "--format", "markdown", "--output", root + "/limits.md", "--report", "json=\(root)/limits.json"]) as? LimitsCommand)
        #expect(try command.render() == "")
        let markdown = try String(contentsOfFile: root + "/limits.md", encoding: .utf8)
        #expect(markdown.contains("| `audio.max-input-size` | 4 MB | sizes.md:7 |"))
        #expect(markdown.contains("### Conflicts"))
        let json = try JSONValue.parse(try String(contentsOfFile: root + "/limits.json", encoding: .utf8))
        guard case .array(let limits)? = json["limits"] else { Issue.record("no limits"); return }
        #expect(limits.count == 2)
    }

    @Test func formatsThatDoNotApplyAreUsageErrors() {
        for args in [["--format", "sarif"], ["--format", "junit"], ["--report", "html=out.html"], ["--format", "github"]] {
            do {
                _ = try DocverifyCommand.parseAsRoot(["limits", "a.md"] + args)
                Issue.record("expected a usage error for \(args)")
            } catch {
                #expect(DocverifyCommand.usageStatus(for: error) == 2)
                #expect(DocverifyCommand.usageMessage(for: error).contains("use text, json or markdown"))
            }
        }
    }
}
