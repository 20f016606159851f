import Core
import Drift
import Foundation
import Limits
import MockServer
import Testing
import TestSupport
@testable import CLI

@Suite struct DriftCommandTests {
    static let page = """
        ---
        title: Voices
        ---

        # Voices

        The following voices are supported for audio out: Alloy and Echo.

        ```bash
        curl "$AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-4o-audio-preview/chat/completions?api-version=2025-01-01-preview" \\
          -H "Content-Type: application/json" \\
          -H "api-key: $AZURE_OPENAI_API_KEY" \\
          -d '{"modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}, "messages": [{"role": "user", "content": "Hi"}]}'
        ```
        """

    func drift(_ arguments: [String]) async throws -> (String, Bool) {
        let command = try #require(try DocverifyCommand.parseAsRoot(["drift"] + arguments) as? DriftCommand)
        return try await command.render()
    }

    @Test func aMockRefusingADocumentedVoiceFailsTheReport() async throws {
        let root = try ListCommandTests.docs(["voices.md": Self.page, "profile.json": #"{"voices": ["echo"]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (markdown, failed) = try await drift([root + "/voices.md", "--mock-profile", root + "/profile.json", "--format", "markdown"])
        #expect(failed)
        #expect(markdown.contains("`limit-stricter`"))
        #expect(markdown.contains("[voices.md:7](voices.md#L7)"))
        #expect(markdown.contains("| audio.voices = Alloy, Echo |"))
        let (_, none) = try await drift([root + "/voices.md", "--mock-profile", root + "/profile.json", "--probe-budget", "0"])
        #expect(!none)
    }

    @Test func runFailuresAreEndpointDrift() async throws {
        let root = try ListCommandTests.docs(["voices.md": Self.page, "profile.json": #"{"voices": ["echo"]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (json, failed) = try await drift([root + "/voices.md", "--mock-profile", root + "/profile.json", "--probe-budget", "0", "--run", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.contains { $0["kind"] as? String == "doc-endpoint" && $0["rule"] as? String == "response-status" })
        #expect(failed)
    }

    @Test func theMockIsNotProbedForWhatItDoesNotModel() throws {
        func limit(_ key: String, _ value: LimitValue) -> DocumentedLimit {
            DocumentedLimit(key: key, value: value, location: SourceLocation(file: "a.md", line: 3), article: "a.md")
        }
        let probes = ProbePlanner.plan(
            [limit("tokens.max-output", .count(100)), limit("api-version.minimum", .version("2024-10-21"))],
            knownVoices: [], knownVersions: ["2024-06-01", "2024-10-21"])
        #expect(probes.count == 4)
        // The default mock serves the published versions with their features: it judges the version probes.
        let (kept, remark) = DriftCommand.mockProbes(probes, profile: .default)
        #expect(kept.map(\.payload) == [.apiVersion("2024-10-21"), .apiVersion("2024-06-01")])
        #expect(remark == "Not probed against the embedded mock: max_tokens (the mock has no output token cap); pass --endpoint to probe the service.")
        var profile = MockProfile.default
        profile.apiVersions = ["2024-10-21"]
        #expect(DriftCommand.mockProbes(probes, profile: profile).0.count == 2)
        // A profile narrowed to versions without the documented minimum is not the service's history.
        profile.apiVersions = ["2025-01-01-preview"]
        let (none, why) = DriftCommand.mockProbes(probes, profile: profile)
        #expect(none.isEmpty)
        #expect(why?.components(separatedBy: "api-versions").count == 2, "each reason once")
    }

    @Test func goldensRecordedBeforeAnEditAreDocGoldenDrift() async throws {
        let root = try ListCommandTests.docs(["docs/voices.md": Self.page, ".git/HEAD": "ref: refs/heads/main\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let update = try #require(try DocverifyCommand.parseAsRoot(["golden", "update", root + "/docs"]) as? GoldenCommand.Update)
        #expect(try await !update.render().failed)
        let clean = try await drift([root + "/docs", "--probe-budget", "0", "--format", "json"])
        #expect(!clean.0.contains("golden-drift"))
        #expect(!clean.0.contains("No goldens are available"))

        let page = root + "/docs/voices.md"
        try Self.page.replacingOccurrences(of: #""voice": "alloy""#, with: #""voice": "echo""#).write(toFile: page, atomically: true, encoding: .utf8)
        let (json, failed) = try await drift([root + "/docs", "--probe-budget", "0", "--format", "json"])
        #expect(!failed, "golden drift is a warning")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        let golden = items.filter { $0["kind"] as? String == "doc-golden" }
        #expect(golden.map { $0["rule"] as? String } == ["golden-drift"])
        #expect(golden.first?["doc"] as? String == #"audio.voice = "echo""#)
        #expect(golden.first?["other"] as? String == #"audio.voice = "alloy""#)
        #expect(golden.first?["line"] as? Int == 10)  // the curl line

        // Another golden folder without goldens: nothing to compare, and the report says so.
        let elsewhere = try await drift([root + "/docs", "--probe-budget", "0", "--golden-dir", root + "/none"])
        #expect(elsewhere.0.contains("No goldens are available"))
    }

    @Test func driftItemsInTheCIFormatsValidateAgainstTheSchemas() async throws {
        let root = try ListCommandTests.docs(["voices.md": Self.page, "profile.json": #"{"voices": ["echo"]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var args = [root + "/voices.md", "--root", root, "--mock-profile", root + "/profile.json", "--format", "sarif", "--output", root + "/drift.sarif"]
        for format in ["junit", "github", "html", "text"] { args += ["--report", "\(format)=\(root)/drift.\(format)"] }
        let (printed, failed) = try await drift(args)
        #expect(failed)
        #expect(printed.isEmpty)
        let read = { (format: String) throws -> String in try String(contentsOfFile: "\(root)/drift.\(format)", encoding: .utf8) }
        let sarif = try JSONValue.parse(try read("sarif"))
        guard case .array(let results)? = sarif["runs"]?[0]?["results"] else { Issue.record("no SARIF results"); return }
        let stricter = try #require(results.first { $0["ruleId"]?.stringValue == "limit-stricter" })
        #expect(stricter["level"]?.stringValue == "error")
        #expect(stricter["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue == "voices.md")
        #expect(stricter["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"] == .int(7))
        #expect(try read("junit").contains("type=\"limit-stricter\""))
        #expect(try read("github").contains("::error file=voices.md,line=7,"))
        #expect(try read("html").contains("limit-stricter"))
        // The text report is drift's own, with the probes.
        #expect(try read("text").contains("probe "))
        let schemas = ReportFormatTests.schemas
        if FileManager.default.fileExists(atPath: schemas.path), await ReportFormatTests.hasPythonModule("jsonschema") {
            let check = try await ReportFormatTests.python(
                "import sys, json, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
                [schemas.appendingPathComponent("sarif-schema-2.1.0.json").path, root + "/drift.sarif"])
            #expect(check.status == 0, "\(check.output)")
        }
        if FileManager.default.fileExists(atPath: schemas.path), await ReportFormatTests.hasPythonModule("xmlschema") {
            let check = try await ReportFormatTests.python(
                "import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])",
                [schemas.appendingPathComponent("junit-windyroad.xsd").path, root + "/drift.junit"])
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test func rejectsABadSpecAsAUsageError() async throws {
        let root = try ListCommandTests.docs(["voices.md": Self.page, "bad.json": #"{"not": "a spec"}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        await #expect(throws: UsageError.self) { try await drift([root + "/voices.md", "--spec", root + "/bad.json"]) }
    }
}

@Suite(.enabled(if: Corpus.article != nil && CorpusDrift.spec != nil, "../shared/corpus is absent"))
struct CorpusDriftTests {
    func driftJSON(_ extra: [String] = []) async throws -> [String: Any] {
        let command = try #require(try DocverifyCommand.parseAsRoot(
            ["drift", Corpus.article!, "--spec", CorpusDrift.spec!, "--format", "json"] + extra) as? DriftCommand)
        let (output, _) = try await command.render()
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func showsTheShortVoiceListAndTheAssistantAudioOncePerLocation() async throws {
        let json = try await driftJSON(["--probe-budget", "0"])
        let items = try #require(json["items"] as? [[String: Any]])
        let incomplete = items.filter { $0["rule"] as? String == "doc-incomplete" }
        #expect(incomplete.count == 1)
        #expect((incomplete.first?["message"] as? String)?.contains("lists 3") == true)
        #expect((incomplete.first?["message"] as? String)?.contains("accepts 6") == true)
        let unknown = items.filter { $0["rule"] as? String == "spec-unknown-field" }
        #expect(!unknown.isEmpty)
        #expect(unknown.allSatisfy { ($0["message"] as? String)?.contains("messages[1].audio") == true })
        let places = unknown.map { "\($0["file"]!):\($0["line"]!)" }
        #expect(Set(places).count == places.count, "one item per location")
        // Every multi-turn sample (4 languages × 2 tabs) sends the assistant audio reference.
        #expect(places.count == 8)
        // Nothing of the spec comparison is an error: the spec lags the service.
        #expect(!items.contains { ($0["rule"] as? String)?.hasPrefix("spec-") == true && $0["severity"] as? String == "error" })
    }

    @Test func aGenerousProfileLeavesBothDocumentedLimitsUnenforced() async throws {
        let root = try ListCommandTests.docs(["profile.json": #"{"voices": ["alloy", "echo", "fable", "onyx", "nova", "shimmer"], "limits": {"maxAudioBytes": 25000000}}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let json = try await driftJSON(["--mock-profile", root + "/profile.json"])
        let items = try #require(json["items"] as? [[String: Any]])
        let notEnforced = items.filter { $0["rule"] as? String == "limit-not-enforced" }
        #expect(notEnforced.count == 2)
        #expect(notEnforced.contains { ($0["doc"] as? String)?.hasPrefix("audio.voices") == true })
        #expect(notEnforced.contains { ($0["doc"] as? String)?.hasPrefix("audio.max-input-size") == true })
        #expect(!items.contains { $0["rule"] as? String == "limit-stricter" })
    }

    @Test func listsWhereTheModelAndTheMockDifferFromTheSpec() async throws {
        let root = try ListCommandTests.docs(["profile.json": #"{"voices": ["alloy", "marin"]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let json = try await driftJSON(["--mock-profile", root + "/profile.json", "--probe-budget", "0"])
        let model = try #require(json["model"] as? [[String: Any]])
        let voices = try #require(model.first { $0["name"] as? String == "mock.voices" })
        #expect(voices["onlyInModel"] as? [String] == ["marin"])
        #expect(!model.contains { $0["name"] as? String == "audio.voice" })
    }

    @Test func aProfileRefusingADocumentedVoiceIsStricter() async throws {
        let root = try ListCommandTests.docs(["profile.json": #"{"voices": ["alloy", "echo", "fable", "onyx", "nova"]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let json = try await driftJSON(["--mock-profile", root + "/profile.json"])
        let items = try #require(json["items"] as? [[String: Any]])
        let stricter = items.filter { $0["rule"] as? String == "limit-stricter" }
        #expect(stricter.count == 1)
        #expect((stricter.first?["message"] as? String)?.contains("'shimmer'") == true)
        #expect(stricter.first?["severity"] as? String == "error")
    }

    @Test func theMinimumApiVersionAndTheOneBeforeAreProbedAgainstTheMock() async throws {
        let json = try await driftJSON()
        let probes = try #require(json["probes"] as? [[String: Any]])
        let versions = probes.filter { ($0["probe"] as? String)?.hasPrefix("api-version") == true }
        #expect(versions.map { $0["probe"] as? String } == [
            "api-version 2025-01-01-preview (the documented minimum)", "api-version 2024-12-01-preview (the one before the minimum)",
        ])
        #expect(versions.map { $0["result"] as? String } == ["accepted", "refused"])
        #expect(versions.map { $0["status"] as? Int } == [200, 400])
        #expect((versions.last?["message"] as? String)?.contains("2024-12-01-preview") == true)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(!items.contains { ($0["doc"] as? String)?.hasPrefix("api-version.minimum") == true })
        let remarks = json["remarks"] as? [String] ?? []
        #expect(!remarks.contains { $0.contains("api-versions") })
    }

    @Test func theDefaultMockAcceptsAVoiceTheDocsDoNotList() async throws {
        let json = try await driftJSON()
        let items = try #require(json["items"] as? [[String: Any]])
        let notEnforced = items.filter { $0["rule"] as? String == "limit-not-enforced" }
        #expect(notEnforced.count == 1)
        #expect((notEnforced.first?["message"] as? String)?.contains("'fable'") == true)
        #expect(!items.contains { $0["rule"] as? String == "limit-stricter" })
    }
}

enum CorpusDrift {
    static let spec = SharedCorpus.path("specs/azure-openai-inference-2025-01-01-preview.json")
}
