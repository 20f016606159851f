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
