import Foundation
import Testing
import TestSupport
@testable import CLI

/// `docverify check` and `run` on the real audio quickstart in ../shared/corpus: every request found,
/// exactly the defects the document has, nothing else.
enum Corpus {
    /// The audio quickstart in ../shared/corpus, nil when the corpus is absent.
    static let article: String? = SharedCorpus.path("azure-openai/audio-completions-quickstart.md")
}

@Suite(.enabled(if: Corpus.article != nil, "../shared/corpus is absent"))
struct CorpusCheckTests {
    static let scenarioSections = [
        "Generate audio from text input", "Generate audio and text from audio input",
        "Generate audio and use multi-turn chat completions",
    ]

    func checkJSON() throws -> [String: Any] {
        let command = try #require(try DocverifyCommand.parseAsRoot(["check", Corpus.article!, "--format", "json"]) as? CheckCommand)
        let (output, _) = try command.render()
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func everyCodePivotTabAndSectionYieldsItsRequests() throws {
        let json = try checkJSON()
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        var requestSamples = 0
        for pivot in try #require(document["pivots"] as? [[String: Any]]) where pivot["id"] as? String != "ai-foundry-portal" {
            for section in (pivot["sections"] as? [[String: Any]]) ?? [] {
                guard let title = section["title"] as? String, Self.scenarioSections.contains(title) else { continue }
                let tabs = try #require(section["tabs"] as? [[String: Any]])
                #expect(tabs.count == 2, "\(pivot["id"]!) / \(title)")
                for tab in tabs {
                    let making = ((tab["samples"] as? [[String: Any]]) ?? []).filter { !(($0["requests"] as? [Any]) ?? []).isEmpty }
                    #expect(making.count == 1, "\(pivot["id"]!) / \(title) / \(tab["id"]!)")
                    requestSamples += making.count
                    let calls = (making.first?["requests"] as? [[String: Any]]) ?? []
                    #expect(calls.count == (title.contains("multi-turn") ? 2 : 1))
                    if title.contains("multi-turn"), calls.count == 2 {
                        let body = try #require(calls[1]["body"] as? [String: Any])
                        let assistant = try #require((body["messages"] as? [[String: Any]])?.first { $0["role"] as? String == "assistant" })
                        let id = try #require((assistant["audio"] as? [String: Any])?["id"] as? [String: Any])
                        #expect(id["$response"] as? Int == 0)
                        #expect(id["path"] as? String == "choices[0].message.audio.id")
                    }
                }
            }
        }
        #expect(requestSamples == 24)
    }

    @Test func reportsExactlyTheDocumentsDefects() throws {
        let findings = try #require(try checkJSON()["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        #expect(!rules.contains("request-unextracted"))
        #expect(!rules.contains("json-invalid"))
        #expect(!rules.contains("request-unknown-field"))
        #expect(!rules.contains("request-invalid"))

        // The keyless from-audio.py misses a comma after azure_endpoint=endpoint.
        let syntax = findings.filter { $0["rule"] as? String == "python-syntax" }
        #expect(syntax.count == 1)
        #expect(syntax.first?["file"] as? String == "includes/audio-completions-python.md")
        #expect(syntax.first?["line"] as? Int == 209)

        // The JavaScript multi-turn sample sends another second-turn text than Python and REST.
        let drift = findings.filter { $0["rule"] as? String == "pivot-drift" }
        #expect(drift.contains { $0["file"] as? String == "includes/audio-completions-javascript.md" })
        // String-vs-parts content and modalities order are equivalent: never drift.
        #expect(!drift.contains { ($0["message"] as? String)?.contains("modalities") == true })
        #expect(drift.allSatisfy { ($0["message"] as? String)?.contains("favorability") == true })

        // `npm pkg set type=module` while the .js samples use require().
        let module = findings.filter { $0["rule"] as? String == "js-module-mismatch" }
        #expect(!module.isEmpty)
        #expect(module.allSatisfy { $0["file"] as? String == "includes/audio-completions-javascript.md" })

        // tsconfig.json comments are JSONC, not errors.
        #expect(!findings.contains { ($0["file"] as? String) == "includes/audio-completions-typescript.md" && ($0["severity"] as? String) == "error" })
    }

    /// The procedure rules find one true defect on the corpus: the JavaScript files load `dotenv`,
    /// which no step installs (the page installs only `openai` and `@azure/identity`). Nothing else:
    /// names, files, variables and builds are all consistent on this page.
    @Test func procedureRulesFindOnlyTheMissingDotenv() throws {
        let findings = try #require(try checkJSON()["findings"] as? [[String: Any]])
        let procedureRules: Set<String> = ["undefined-name", "dependency-missing", "file-missing", "ts-in-js", "build-step-invalid", "env-var-undefined"]
        let found = findings.filter { procedureRules.contains($0["rule"] as? String ?? "") && $0["severity"] as? String != "note" }
        #expect(Set(found.compactMap { $0["rule"] as? String }) == ["dependency-missing"])
        #expect(found.allSatisfy { $0["file"] as? String == "includes/audio-completions-javascript.md" })
        #expect(found.allSatisfy { ($0["message"] as? String)?.contains("`dotenv`") == true })
        // One per .js file and tab: to-audio, from-audio, multi-turn × keyless, api-key.
        #expect(found.compactMap { $0["line"] as? Int } == [75, 148, 220, 309, 396, 506])
    }

    @Test func runExecutesEveryScenarioAgainstTheMock() async throws {
        let command = try #require(try DocverifyCommand.parseAsRoot(["run", Corpus.article!, "--format", "json"]) as? RunCommand)
        let (output, failed) = try await command.render()
        #expect(failed)  // the document's own defects
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["scenarios"] == 24)
        #expect(summary["skipped"] == 0)
        let scenarios = try #require((json["documents"] as? [[String: Any]])?.first?["scenarios"] as? [[String: Any]])
        // Every call was answered 200: the failures are the samples' static defects, not the API.
        let statuses = scenarios.flatMap { ($0["calls"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? Int } }
        // 4 code pivots × 2 tabs × (1 + 1 + 2 calls).
        #expect(statuses.count == 32)
        #expect(Set(statuses) == [200])
        let failedReasons = scenarios.filter { $0["status"] as? String == "failed" }.compactMap { $0["reason"] as? String }
        #expect(failedReasons.allSatisfy { $0.contains("python-syntax") || $0.contains("js-module-mismatch") })
        let runFindings = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!runFindings.contains { $0.hasPrefix("response-") || $0 == "endpoint-unreachable" })
    }
}
