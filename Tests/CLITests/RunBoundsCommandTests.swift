import Foundation
import Testing
@testable import CLI

/// `run --deadline` and `run --max-response-bytes` as the command line gives them.
@Suite struct RunBoundsCommandTests {
    func run(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["run"] + arguments)
        return try await #require(command as? RunCommand).render()
    }

    @Test func outOfRangeBoundsAreUsageErrors() {
        for arguments in [["x.md", "--deadline", "0"], ["x.md", "--deadline", "-3"], ["x.md", "--deadline", "1e300"],
                          ["x.md", "--max-response-bytes", "0"]] {
            do {
                _ = try DocverifyCommand.parseAsRoot(["run"] + arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(DocverifyCommand.usageStatus(for: error) == 2)
            }
        }
    }

    @Test func anAnswerOverTheCapIsAWarningNotACrash() async throws {
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Hi.")])])
        // Every chat completion of the mock is longer than 64 bytes.
        let (output, _) = try await run([root + "/a.md", "--max-response-bytes", "64"])
        #expect(output.contains("[response-too-large]"))
        #expect(output.contains("larger than 64 bytes"))
        #expect(output.contains("0 passed, 0 failed, 1 skipped"))
    }

    @Test func aDeadlineThatIsNotReachedLeavesTheRunGreen() async throws {
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Hi.")])])
        let (output, failed) = try await run([root + "/a.md", "--deadline", "300"])
        #expect(!failed)
        #expect(!output.contains("run-deadline"))
        #expect(output.contains("1 passed"))
    }
}
