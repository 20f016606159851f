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
        for arguments in [["x.md", "--deadline", "0"], ["x.md", "--deadline", "-3"], ["x.md", "--deadline", "1e300"], ["x.md", "--timeout", "1e16"],
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

    @Test(".docverify.yml's max-response-bytes is used by run; the flag wins over it")
    func configuredResponseCap() async throws {
        let root = try ListCommandTests.docs([
            "a.md": CheckCommandTests.article(pivots: [("py", "Hi.")]), ".docverify.yml": "jobs: 1\nmax-response-bytes: 64\n",
        ])
        let (capped, _) = try await run([root + "/a.md"])
        #expect(capped.contains("larger than 64 bytes"))
        #expect(capped.contains("0 passed, 0 failed, 1 skipped"))
        let (uncapped, failed) = try await run([root + "/a.md", "--max-response-bytes", "67108864"])
        #expect(!uncapped.contains("response-too-large"))
        #expect(uncapped.contains("1 passed"))
        #expect(!failed)
    }

    @Test(".docverify.yml's deadline and max-response-bytes resolve flag > file > default, as docverify config shows")
    func configuredDeadline() throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", ".docverify.yml": "deadline: 900\nmax-response-bytes: 2048\n"])
        let configPath = root + "/.docverify.yml"
        let command = try #require(try DocverifyCommand.parseAsRoot(["config", root, "--deadline", "60"]) as? ConfigCommand)
        let byKey = Dictionary(try command.rows().rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["deadline"]?.value == "60.0")
        #expect(byKey["deadline"]?.source == .flag)
        #expect(byKey["max-response-bytes"]?.value == "2048")
        #expect(byKey["max-response-bytes"]?.source == .file(configPath, line: 2))
        let run = try #require(try DocverifyCommand.parseAsRoot(["run", root]) as? RunCommand)
        let settings = RunSettings(
            endpoint: run.endpoint, apiKeyEnv: run.apiKeyEnv, tokenEnv: run.tokenEnv, jobs: run.jobs, timeout: run.timeout,
            config: try run.documents.pipeline.config, deadline: run.deadline, maxResponseBytes: run.maxResponseBytes)
        #expect(settings.deadline.value == 900)
        #expect(settings.deadline.source == .file(configPath, line: 1))
        // Neither set anywhere: no deadline, the 64 MiB cap.
        let bare = try ListCommandTests.docs(["a.md": "# A\n"])
        let defaults = try #require(try DocverifyCommand.parseAsRoot(["config", bare]) as? ConfigCommand)
        let defaultRows = Dictionary(try defaults.rows().rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(defaultRows["deadline"]?.value == "(none)")
        #expect(defaultRows["max-response-bytes"]?.value == "67108864")
        #expect(defaultRows["max-response-bytes"]?.source == .defaultValue)
    }

    @Test("an invalid deadline, max-response-bytes, max-file-bytes or max-scenarios in .docverify.yml is a usage error naming file:line", arguments: [
        "deadline: 0\n", "deadline: soon\n", "deadline: 1e300\n", "max-response-bytes: 0\n", "max-response-bytes: 1.5\n",
        "max-response-bytes: 99999999999999999999999\n",
        "max-file-bytes: 0\n", "max-file-bytes: big\n", "max-scenarios: 0\n", "max-scenarios: 1.5\n",
    ])
    func invalidConfiguredBounds(text: String) async throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", ".docverify.yml": "jobs: 1\n" + text])
        do {
            _ = try await run([root + "/a.md"])
            Issue.record("accepted \(text)")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
            let key = text.split(separator: ":")[0]
            #expect("\(error)".contains(".docverify.yml:2: '\(key)' must be"), "\(error)")
        }
    }
}
