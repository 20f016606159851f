import Core
import Foundation
import Testing
@testable import Config

@Suite struct ConfigLoaderTests {
    @Test func readsEveryKeyWithItsLineAndResolvesPaths() throws {
        let text = """
            root: docs
            pivot-groups: docs/zone-pivot-groups.yml
            map:
              - ~/reusable-content=../reusable
            include: ["articles/**/*.md"]
            exclude: articles/old/*.md
            rules:
              json-invalid: warning
              python-syntax: off
            endpoint: https://example.openai.azure.com
            api-key-env: MY_KEY
            token-env: MY_TOKEN
            golden-dir: golden
            jobs: 3
            timeout: 30.5
            """
        let config = try ConfigLoader.parse(text, path: "/repo/.docverify.yml")
        #expect(config.root == Configured("/repo/docs", line: 1))
        #expect(config.pivotGroups?.value == "/repo/docs/zone-pivot-groups.yml")
        #expect(config.map == Configured(["~/reusable-content=/reusable"], line: 3))
        #expect(config.include?.value == ["articles/**/*.md"])
        #expect(config.exclude == Configured(["articles/old/*.md"], line: 6))
        #expect(config.rules["json-invalid"] == Configured(.warning, line: 8))
        #expect(config.rules["python-syntax"] == Configured(.off, line: 9))
        #expect(config.endpoint?.value == "https://example.openai.azure.com")
        #expect(config.apiKeyEnv == Configured("MY_KEY", line: 11))
        #expect(config.tokenEnv?.value == "MY_TOKEN")
        #expect(config.goldenDir?.value == "/repo/golden")
        #expect(config.jobs == Configured(3, line: 14))
        #expect(config.timeout == Configured(30.5, line: 15))
    }

    @Test func unknownKeyNamesTheFileAndLine() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("root: docs\nendpoints: x\n", path: "c.yml") }
        do {
            _ = try ConfigLoader.parse("root: docs\nendpoints: x\n", path: "c.yml")
        } catch {
            #expect(error.file == "c.yml")
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("c.yml:2: unknown key 'endpoints'"))
        }
    }

    @Test func refusesAliasesBadValuesAndNonMappings() {
        let bad = [
            "a: &x docs\nroot: *x\n",
            "jobs: 0\n",
            "timeout: soon\n",
            "rules:\n  json-invalid: loud\n",
            "map: [reusable=../x]\n",
            "- root\n",
            "root: [a, b]\n",
            "endpoint: my-resource\n",
            "deadline: 0\n",
            "deadline: -5\n",
            "deadline: 700000\n",
            "max-response-bytes: 0\n",
            "max-response-bytes: 64k\n",
        ]
        for text in bad {
            #expect(throws: ConfigError.self, "\(text)") { try ConfigLoader.parse(text, path: "c.yml") }
        }
    }

    @Test func emptyFileIsAnEmptyConfiguration() throws {
        #expect(try ConfigLoader.parse("", path: "c.yml") == ConfigFile(path: "c.yml"))
    }

    @Test func findsTheFileUpwardButNotPastTheRepositoryRoot() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        let repo = top.appendingPathComponent("repo")
        let deep = repo.appendingPathComponent("docs/articles")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try "jobs: 2\n".write(to: top.appendingPathComponent(ConfigFile.fileName), atomically: true, encoding: .utf8)
        // Without a .git the walk reaches the file above.
        #expect(ConfigLoader.find(from: deep.path) == top.appendingPathComponent(ConfigFile.fileName).path)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(ConfigLoader.find(from: deep.path) == nil)
        try "jobs: 4\n".write(to: repo.appendingPathComponent(ConfigFile.fileName), atomically: true, encoding: .utf8)
        let found = try #require(ConfigLoader.find(from: deep.path))
        #expect(try ConfigLoader.load(path: found).jobs?.value == 4)
    }

    @Test func globsKeepStarsInsideOneFolder() throws {
        let glob = try #require(PathGlob("articles/*.md"))
        #expect(glob.matches("articles/a.md"))
        #expect(!glob.matches("articles/sub/a.md"))
        let deep = try #require(PathGlob("**/quickstart?.md"))
        #expect(deep.matches("quickstart1.md"))
        #expect(deep.matches("a/b/quickstart2.md"))
        #expect(!deep.matches("a/quickstart.md"))
        let selection = ArticleSelection(include: ["articles/**"], exclude: ["**/old/*"])
        #expect(selection.contains("articles/x/y.md"))
        #expect(!selection.contains("articles/old/y.md"))
        #expect(!selection.contains("other.md"))
        #expect(ArticleSelection(include: [], exclude: []).contains("anything.md"))
    }

    @Test func ruleOverridesChangeSeverityAndDropOffRules() {
        let at = SourceLocation(file: "a.md", line: 1)
        let findings = [
            Finding(rule: "json-invalid", severity: .error, location: at, message: "m"),
            Finding(rule: "python-syntax", severity: .error, location: at, message: "m"),
            Finding(rule: "other", severity: .note, location: at, message: "m"),
        ]
        let result = RuleOverrides(["json-invalid": .warning, "python-syntax": .off]).apply(findings)
        #expect(result.map(\.rule) == ["json-invalid", "other"])
        #expect(result.map(\.severity) == [.warning, .note])
    }

    @Test func unknownRuleIdNamesItsLineAndTheClosestKnownId() throws {
        let config = try ConfigLoader.parse("jobs: 2\nrules:\n  json-invalid: warning\n  pyhton-syntax: off\n", path: "/d/.docverify.yml")
        let known = ["json-invalid", "python-syntax", "pivot-drift"]
        let error = try #require(RuleIDCheck.unknownRule(in: config, known: known))
        #expect(error.line == 4)
        #expect(error.description == "/d/.docverify.yml:4: unknown rule id 'pyhton-syntax' under 'rules'; did you mean 'python-syntax'?")
        // Nothing close: no guess, a pointer to the list instead.
        let far = try ConfigLoader.parse("rules:\n  completely-different: off\n", path: "c.yml")
        let farError = try #require(RuleIDCheck.unknownRule(in: far, known: known))
        #expect(!farError.message.contains("did you mean"))
        #expect(farError.message.contains("docs/findings.md"))
        let fine = try ConfigLoader.parse("rules:\n  pivot-drift: note\n", path: "c.yml")
        #expect(RuleIDCheck.unknownRule(in: fine, known: known) == nil)
        #expect(RuleIDCheck.closest(to: "PIVOT-DRIFT", in: known) == "pivot-drift")
    }

    @Test func runBoundsAreKeys() throws {
        let config = try ConfigLoader.parse("timeout: 30\ndeadline: 1800\nmax-response-bytes: 1048576\n", path: "c.yml")
        #expect(config.deadline == Configured(1800, line: 2))
        #expect(config.maxResponseBytes == Configured(1_048_576, line: 3))
        do {
            _ = try ConfigLoader.parse("jobs: 2\nmax-response-bytes: lots\n", path: "c.yml")
            Issue.record("accepted max-response-bytes: lots")
        } catch {
            #expect(error.description.hasPrefix("c.yml:2: 'max-response-bytes' must be a whole number"))
        }
    }
}
