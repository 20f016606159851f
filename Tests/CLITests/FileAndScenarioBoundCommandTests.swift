import Core
import Foundation
import Testing
@testable import CLI

/// `--max-file-bytes` (list, check, run, limits, drift) and `run --max-scenarios`, from the
/// command line and `.docverify.yml`.
@Suite struct FileAndScenarioBoundCommandTests {
    func check(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        try #require(try DocverifyCommand.parseAsRoot(["check"] + arguments) as? CheckCommand).render()
    }

    func run(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        try await #require(try DocverifyCommand.parseAsRoot(["run"] + arguments) as? RunCommand).render()
    }

    static let twoPivots = CheckCommandTests.article(pivots: [("py", "Hi."), ("js", "Hello.")])

    @Test func anArticleOverTheFlagsBoundFailsCheckWithTheFinding() throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots])
        let (output, hasErrors) = try check([root + "/a.md", "--max-file-bytes", "100"])
        #expect(hasErrors)
        #expect(output.contains("a.md:1:1: error: this article is"))
        #expect(output.contains("more than the 100 bytes docverify reads (--max-file-bytes)"))
        #expect(output.contains("[input-too-large]"))
        let (fine, fineErrors) = try check([root + "/a.md"])
        #expect(!fineErrors, "\(fine)")
    }

    @Test(".docverify.yml's max-file-bytes applies; the flag wins over it")
    func configuredFileBound() throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots, ".docverify.yml": "max-file-bytes: 100\n"])
        #expect(try check([root + "/a.md"]).output.contains("[input-too-large]"))
        #expect(try !check([root + "/a.md", "--max-file-bytes", "67108864"]).output.contains("input-too-large"))
        let config = try #require(try DocverifyCommand.parseAsRoot(["config", root]) as? ConfigCommand)
        let rows = Dictionary(try config.rows().rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["max-file-bytes"]?.value == "100")
        #expect(rows["max-file-bytes"]?.source == .file(root + "/.docverify.yml", line: 1))
        #expect(rows["max-scenarios"]?.value == "10000")
        #expect(rows["max-scenarios"]?.source == .defaultValue)
    }

    @Test("list, limits and drift take --max-file-bytes too")
    func otherCommandsTakeTheFlag() throws {
        for command in ["list", "limits", "drift"] {
            #expect(throws: Never.self) { try DocverifyCommand.parseAsRoot([command, "x.md", "--max-file-bytes", "1000"]) }
        }
    }

    // Bad values of these keys in .docverify.yml: RunBoundsCommandTests.invalidConfiguredBounds.

    @Test func badFlagsAreUsageErrors() {
        for arguments in [["check", "x.md", "--max-file-bytes", "0"], ["run", "x.md", "--max-scenarios", "0"], ["run", "x.md", "--max-scenarios", "-5"]] {
            do {
                _ = try DocverifyCommand.parseAsRoot(arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(DocverifyCommand.usageStatus(for: error) == 2)
            }
        }
    }

    @Test("a FIFO named .md in a folder is a usage error, never a hang")
    func fifoInAFolder() throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots])
        #expect(mkfifo(root + "/x.md", 0o644) == 0)
        do {
            _ = try check([root])
            Issue.record("a FIFO was accepted")
        } catch {
            #expect("\(error)".contains("is a FIFO (named pipe), not a regular file"), "\(error)")
        }
    }

    @Test("run --max-scenarios 1: one scenario runs, the other is skipped with one warning; the run is not failed")
    func scenarioCap() async throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots])
        let (output, failed) = try await run([root + "/a.md", "--max-scenarios", "1", "--jobs", "1"])
        #expect(!failed, "\(output)")
        #expect(output.contains("2 scenarios: 1 passed, 0 failed, 1 skipped"))
        #expect(output.components(separatedBy: "[scenario-limit]").count == 2)
        #expect(output.contains("1 scenario(s) were not run"))
    }

    @Test(".docverify.yml's max-scenarios applies; the flag wins")
    func configuredScenarioCap() async throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots, ".docverify.yml": "max-scenarios: 1\n"])
        #expect(try await run([root + "/a.md"]).output.contains("1 passed, 0 failed, 1 skipped"))
        #expect(try await run([root + "/a.md", "--max-scenarios", "5"]).output.contains("2 passed, 0 failed, 0 skipped"))
    }

    @Test("drift says which file it did not read; the remark lines name file, line and rule")
    func driftAndLimitsSayWhatWasNotRead() async throws {
        let root = try ListCommandTests.docs(["a.md": Self.twoPivots])
        let command = try #require(try DocverifyCommand.parseAsRoot(["drift", root + "/a.md", "--max-file-bytes", "100"]) as? DriftCommand)
        let (output, _) = try await command.render()
        #expect(output.contains("a.md:1: not read: this article is"), "\(output)")
        #expect(output.contains("[input-too-large]"))
        let finding = Finding(rule: "sample-limit", severity: .warning, location: SourceLocation(file: "p.md", line: 9), message: "m")
        let other = Finding(rule: "json-invalid", severity: .error, location: SourceLocation(file: "p.md", line: 3), message: "x")
        #expect(NotReadRemarks.lines([other, finding]) == ["p.md:9: not read: m [sample-limit]"])
    }
}
