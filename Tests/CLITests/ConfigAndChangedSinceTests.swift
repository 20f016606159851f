import Core
import Foundation
import TestSupport
import Testing
@testable import CLI

/// `.docverify.yml` through the commands, `docverify config`, and `--changed-since`.
@Suite struct ConfigAndChangedSinceTests {
    static let broken = "# T\n\n1. Create `a.json`:\n\n   ```json\n   {\"a\": 1,,}\n   ```\n"

    func check(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["check"] + arguments)
        return try #require(command as? CheckCommand).render()
    }

    func files(_ json: String) throws -> [String] {
        guard case .array(let docs)? = try JSONValue.parse(json)["documents"] else { return [] }
        return docs.compactMap { $0["file"]?.stringValue }.sorted()
    }

    @Test func rulesAndExcludeFromTheFileApplyToCheck() throws {
        let root = try ListCommandTests.docs([
            "a.md": Self.broken, "old/b.md": Self.broken, "c.md": "# C\n\nText.\n",
            ".docverify.yml": "exclude: old/*\nrules:\n  json-invalid: warning\n",
        ])
        let (output, hasErrors) = try check([root, "--format", "json"])
        #expect(try files(output) == ["a.md", "c.md"])
        #expect(!hasErrors)
        #expect(output.contains("\"warning\""))
        // `off` drops the rule; an article named on the command line is checked even if excluded.
        try "rules:\n  json-invalid: off\nexclude: old/*\n".write(toFile: root + "/.docverify.yml", atomically: true, encoding: .utf8)
        let (text, errors) = try check([root + "/old/b.md"])
        #expect(!errors)
        #expect(!text.contains("json-invalid"))
    }

    @Test func flagBeatsFileBeatsDefault() throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", ".docverify.yml": "jobs: 3\ntimeout: 30\napi-key-env: MY_KEY\n"])
        let command = try #require(try DocverifyCommand.parseAsRoot(["config", root, "--jobs", "5", "--format", "json"]) as? ConfigCommand)
        let (file, rows) = try command.rows()
        let configPath = root + "/.docverify.yml"
        #expect(file == configPath)
        let byKey = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["jobs"]?.value == "5")
        #expect(byKey["jobs"]?.source == .flag)
        #expect(byKey["timeout"]?.value == "30.0")
        #expect(byKey["timeout"]?.source == .file(configPath, line: 2))
        #expect(byKey["api-key-env"]?.value == "MY_KEY")
        #expect(byKey["token-env"]?.value == "AZURE_OPENAI_AD_TOKEN")
        #expect(byKey["token-env"]?.source == .defaultValue)
        let json = try JSONValue.parse(try command.render())
        #expect(json["file"]?.stringValue == configPath)
        // The run command resolves the same way.
        let run = try #require(try DocverifyCommand.parseAsRoot(["run", root, "--timeout", "7"]) as? RunCommand)
        let settings = RunSettings(
            endpoint: run.endpoint, apiKeyEnv: run.apiKeyEnv, tokenEnv: run.tokenEnv, jobs: run.jobs, timeout: run.timeout,
            config: try run.documents.pipeline.config)
        #expect(settings.jobs.value == 3)
        #expect(settings.timeout.value == 7)
        #expect(settings.apiKeyEnv.value == "MY_KEY")
    }

    @Test func unknownKeyIsAUsageErrorNamingFileAndLine() throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", "other.yml": "root: .\nrulez:\n  x: off\n"])
        do {
            _ = try check([root, "--config", root + "/other.yml"])
            Issue.record("expected a usage error")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
            #expect("\(error)".contains("other.yml:2: unknown key 'rulez'"))
        }
        #expect(throws: UsageError.self) { try check([root, "--config", root + "/missing.yml"]) }
    }

    @Test func misspeltRuleIdIsAUsageErrorWithASuggestion() throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", ".docverify.yml": "rules:\n  json-invalid: warning\n  json-invlid: off\n"])
        do {
            _ = try check([root])
            Issue.record("expected a usage error")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
            #expect("\(error)".contains(".docverify.yml:3: unknown rule id 'json-invlid'"))
            #expect("\(error)".contains("did you mean 'json-invalid'?"))
        }
    }

    static func git(_ arguments: [String], in directory: String) async throws {
        let outcome = try await ChildProcess.run(
            "/usr/bin/env", ["git", "-C", directory, "-c", "user.email=t@example.com", "-c", "user.name=t"] + arguments, timeout: 60)
        guard outcome.status == 0 else { throw UsageError(message: "git \(arguments) failed: \(outcome.output)") }
    }

    /// `check` with `--changed-since` runs git and waits for it: off the concurrency pool.
    func checkOffPool(_ arguments: [String]) async throws -> (output: String, hasErrors: Bool) {
        try await OffPool.run { try self.check(arguments) }
    }

    @Test func changedSinceFollowsIncludesAndCodeSourcesBackwards() async throws {
        let root = try ListCommandTests.docs([
            "a.md": "# A\n\n[!INCLUDE [shared](includes/shared.md)]\n",
            "b.md": "# B\n\n[!INCLUDE [outer](includes/outer.md)]\n",
            "c.md": "# C\n\nText.\n",
            "d.md": "# D\n\n:::code language=\"python\" source=\"snippets/app.py\" range=\"1-2\":::\n",
            "includes/outer.md": "[!INCLUDE [shared](shared.md)]\n",
            "includes/shared.md": "Shared.\n",
            "snippets/app.py": "print('hi')\n",
        ])
        try await Self.git(["init", "-q"], in: root)
        try await Self.git(["add", "-A"], in: root)
        try await Self.git(["commit", "-qm", "init"], in: root)
        let list = { (ref: String) async throws -> [String] in
            let (output, _) = try await self.checkOffPool([root, "--format", "json", "--changed-since", ref])
            return try self.files(output)
        }
        #expect(try await list("HEAD") == [])
        // An edited include re-checks exactly the articles that reach it, directly or through another include.
        try "Shared, edited.\n".write(toFile: root + "/includes/shared.md", atomically: true, encoding: .utf8)
        #expect(try await list("HEAD") == ["a.md", "b.md"])
        try await Self.git(["commit", "-qam", "edit"], in: root)
        #expect(try await list("HEAD") == [])
        #expect(try await list("HEAD~1") == ["a.md", "b.md"])
        // An edited code source, and a new untracked article.
        try "print('bye')\n".write(toFile: root + "/snippets/app.py", atomically: true, encoding: .utf8)
        try "# E\n".write(toFile: root + "/e.md", atomically: true, encoding: .utf8)
        #expect(try await list("HEAD") == ["d.md", "e.md"])
    }

    @Test func changedSinceOutsideGitOrWithABadRefIsAUsageError() async throws {
        let plain = try ListCommandTests.docs(["a.md": "# A\n"])
        await #expect(throws: UsageError.self) { try await checkOffPool([plain, "--changed-since", "HEAD"]) }
        try await Self.git(["init", "-q"], in: plain)
        try await Self.git(["add", "-A"], in: plain)
        try await Self.git(["commit", "-qm", "init"], in: plain)
        do {
            _ = try await checkOffPool([plain, "--changed-since", "no-such-ref"])
            Issue.record("expected a usage error")
        } catch {
            #expect("\(error)".contains("no-such-ref"))
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
        }
    }

    @Test func limitsHonoursTheFilesExclude() throws {
        let root = try ListCommandTests.docs(["sizes.md": LimitsCommandTests.page, "old/sizes.md": LimitsCommandTests.page])
        let both = try #require(try DocverifyCommand.parseAsRoot(["limits", root]) as? LimitsCommand).render()
        #expect(both.contains("old/sizes.md:7:"))
        try "exclude: [\"old/**\"]\n".write(toFile: root + "/.docverify.yml", atomically: true, encoding: .utf8)
        let kept = try #require(try DocverifyCommand.parseAsRoot(["limits", root]) as? LimitsCommand).render()
        #expect(kept.contains("sizes.md:7:"))
        #expect(!kept.contains("old/sizes.md"))
    }

    @Test func changedSinceFollowsWhatTheLoaderIncludesNotWhatTheTextMentions() async throws {
        // a.md shows an include directive inside a code fence (an example, not an include); c.md
        // reaches the include through `~/`, which DocFX resolves from the docset root (docfx.json).
        let fenced = "# A\n\nWrite this line to include a file:\n\n```markdown\n[!INCLUDE [x](includes/x.md)]\n```\n"
        let root = try ListCommandTests.docs([
            "docfx.json": "{}\n",
            "a.md": fenced,
            "b.md": "# B\n\n[!INCLUDE [x](includes/x.md)]\n",
            "sub/c.md": "# C\n\n[!INCLUDE [x](~/includes/x.md)]\n",
            "includes/x.md": "Shared.\n",
        ])
        try await Self.git(["init", "-q"], in: root)
        try await Self.git(["add", "-A"], in: root)
        try await Self.git(["commit", "-qm", "init"], in: root)
        try "Shared, edited.\n".write(toFile: root + "/includes/x.md", atomically: true, encoding: .utf8)
        let (output, _) = try await checkOffPool([root, "--format", "json", "--changed-since", "HEAD"])
        #expect(try files(output) == ["b.md", "sub/c.md"])
    }

    /// Decided on the articles the parallel pipeline loads: over many articles the selection, its
    /// order and each selected article's report are those of a plain check.
    @Test func changedSinceOverManyArticlesKeepsOrderAndFindings() async throws {
        var files = ["includes/shared.md": "Shared.\n"]
        for index in 0..<40 {
            let include = index % 3 == 0 ? "[!INCLUDE [shared](includes/shared.md)]\n\n" : ""
            files[String(format: "p%02d.md", index)] = "# P\(index)\n\n" + include + Self.broken.dropFirst(4)
        }
        let root = try ListCommandTests.docs(files)
        try await Self.git(["init", "-q"], in: root)
        try await Self.git(["add", "-A"], in: root)
        try await Self.git(["commit", "-qm", "init"], in: root)
        try "Shared, edited.\n".write(toFile: root + "/includes/shared.md", atomically: true, encoding: .utf8)
        let changed = try JSONValue.parse(try await checkOffPool([root, "--format", "json", "--changed-since", "HEAD"]).output)
        let all = try JSONValue.parse(try check([root, "--format", "json"]).output)
        guard case .array(let selected)? = changed["documents"], case .array(let every)? = all["documents"],
              case .array(let selectedFindings)? = changed["findings"], case .array(let allFindings)? = all["findings"] else {
            Issue.record("no documents or findings in the JSON reports")
            return
        }
        let expected = stride(from: 0, to: 40, by: 3).map { String(format: "p%02d.md", $0) }
        let isExpected = { (value: JSONValue) in expected.contains(value["file"]?.stringValue ?? "") }
        // In report order, not sorted: the order is the pipeline's.
        #expect(selected.compactMap { $0["file"]?.stringValue } == expected)
        #expect(selected == every.filter(isExpected))
        #expect(selectedFindings == allFindings.filter(isExpected))
        #expect(Set(selectedFindings.compactMap { $0["file"]?.stringValue }) == Set(expected))
    }
}
