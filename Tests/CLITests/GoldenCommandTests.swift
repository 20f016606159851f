import Foundation
import MockServer
import TestSupport
import Testing
@testable import CLI

/// The golden workflow end to end on a temporary copy of docs/examples with its own golden/ folder.
@Suite(.serialized) struct GoldenCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The scenarios of docs/examples (one golden each): audio chat 18, transcription 7,
    /// assistants 8, embeddings 5, text to speech 4, images 3.
    static let scenarios = 45

    /// A repository with docs/examples and an empty golden/ folder; returns the docs path.
    static func repository() throws -> (root: String, docs: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golden-cli-\(UUID().uuidString)")
        let docs = root.appendingPathComponent("docs/examples")
        try FileManager.default.createDirectory(at: docs.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("docs/examples"), to: docs)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("golden"), withIntermediateDirectories: true)
        return (root.path, docs.path)
    }

    static let restInclude = "includes/audio-chat-rest.md"
    static let oldPrompt = "In two sentences, explain why the sky looks blue."
    static let newPrompt = "In one sentence, explain why the sky looks blue."

    /// Changes the prompt of the REST keyless "speak" sample only (its first occurrence).
    static func editPrompt(_ docs: String) throws {
        let path = docs + "/" + restInclude
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: oldPrompt))
        try text.replacingCharacters(in: range, with: newPrompt).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        try await #require(try DocverifyCommand.parseAsRoot(["run"] + arguments) as? RunCommand).render()
    }

    func update(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        try await #require(try DocverifyCommand.parseAsRoot(["golden", "update"] + arguments) as? GoldenCommand.Update).render()
    }

    @Test func promptEditFailsTheRunUntilTheGoldenIsUpdated() async throws {
        let (root, docs) = try Self.repository()
        let created = try await update([docs])
        #expect(!created.failed)
        #expect(created.output.contains("goldens: \(Self.scenarios) created, 0 changed, 0 unchanged, 0 pruned"))
        let passing = try await run([docs, "--record", "never"])
        #expect(!passing.failed, "\(passing.output)")

        try Self.editPrompt(docs)
        let before = try goldenTexts(root)
        let failing = try await run([docs, "--record", "never"])
        #expect(failing.failed)
        #expect(failing.output.contains("[golden-mismatch]"))
        #expect(failing.output.contains(#"request.body.messages[0].content: expected "\#(Self.oldPrompt)", got "\#(Self.newPrompt)""#))
        #expect(failing.output.contains("--- golden/docs/examples/audio-chat-quickstart/rest-api/speak-a-reply-to-a-text-prompt--keyless.json (golden)"))
        #expect(try goldenTexts(root) == before)  // --record never writes nothing

        let updated = try await update([docs])
        let changedFile = "golden/docs/examples/audio-chat-quickstart/rest-api/speak-a-reply-to-a-text-prompt--keyless.json"
        #expect(updated.output.contains("goldens: 0 created, 1 changed, \(Self.scenarios - 1) unchanged, 0 pruned"), "\(updated.output)")
        #expect(updated.output.contains("  changed  \(changedFile)"))
        let after = try goldenTexts(root)
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [String(changedFile.dropFirst("golden/".count))])
        let again = try await run([docs, "--record", "never"])
        #expect(!again.failed, "\(again.output)")
    }

    @Test func replayAnswersFromARecordingOfAnotherServiceAndLeavesNoSecret() async throws {
        let (root, docs) = try Self.repository()
        let key = "sk-test-0123456789", token = "eyJ0eXAiOiJKV1Qi.docverify-test-bearer.0123456789"
        setenv("DOCVERIFY_GOLDEN_TEST_KEY", key, 1)
        setenv("DOCVERIFY_GOLDEN_TEST_TOKEN", token, 1)
        // A service that only takes this key stands in for a live endpoint: the embedded mock's own
        // logic (any key) would not answer the same way.
        var profile = MockProfile.default
        profile.apiKeys = [key]
        profile.audioTTLSeconds = 60
        let service = try await MockServer.start(profile: profile)
        let credentials = ["--api-key-env", "DOCVERIFY_GOLDEN_TEST_KEY", "--token-env", "DOCVERIFY_GOLDEN_TEST_TOKEN"]
        var outputs: [String] = []
        do {
            let recorded = try await update([docs, "--endpoint", service.baseURL] + credentials)
            outputs.append(recorded.output)
            #expect(!recorded.failed, "\(recorded.output)")
            #expect(recorded.output.contains("\(Self.scenarios) created"))
            outputs.append(try await run([docs, "--endpoint", service.baseURL, "--format", "json", "--record", "never"] + credentials).output)
        }
        await service.stop()

        let replayed = try await run([docs, "--replay", "--record", "never"])
        outputs.append(replayed.output)
        #expect(!replayed.failed, "\(replayed.output)")
        #expect(replayed.output.contains("\(Self.scenarios) scenarios: \(Self.scenarios) passed"))
        let replayedJSON = try await run([docs, "--replay", "--format", "json"] + credentials)
        outputs.append(replayedJSON.output)
        #expect(!replayedJSON.failed)

        try Self.editPrompt(docs)
        let missing = try await run([docs, "--replay", "--record", "never"])
        outputs.append(missing.output)
        #expect(missing.failed)
        #expect(missing.output.contains("[golden-missing]"))
        #expect(missing.output.contains("no golden recording answers POST /openai/deployments/gpt-4o-audio-preview/chat/completions"))
        #expect(missing.output.contains(#"body.messages[0].content: expected "\#(Self.oldPrompt)", got "\#(Self.newPrompt)""#))
        #expect(!missing.output.contains("[response-status]"))

        let goldens = try goldenTexts(root)
        #expect(goldens.count == Self.scenarios)
        for text in outputs + Array(goldens.values) {
            #expect(!text.contains(key))
            #expect(!text.contains(token))
            #expect(!text.contains("0123456789"))
        }
    }

    @Test func goldensAreOffWhereNoGoldenFolderExists() async throws {
        let (root, docs) = try Self.repository()
        try FileManager.default.removeItem(atPath: root + "/golden")
        let result = try await run([docs])
        #expect(!result.failed)
        #expect(!FileManager.default.fileExists(atPath: root + "/golden"))
        #expect(!FileManager.default.fileExists(atPath: docs + "/golden"))
    }

    @Test func theCommittedGoldensMatchTheExamples() async throws {
        // What CI does (CI=true → never record): the goldens in the repository must match exactly.
        let result = try await run([Self.packageRoot.appendingPathComponent("docs/examples").path, "--record", "never"])
        #expect(!result.failed, "\(result.output)")
        #expect(!result.output.contains("golden-"))
    }

    static let binary = packageRoot.appendingPathComponent(".build/debug/docverify")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "the docverify binary is not built"))
    func anUpdateKilledMidWayLeavesNoTruncatedGolden() async throws {
        let (root, docs) = try Self.repository()
        for delay in [0.2, 0.5, 0.8, 1.2] {
            let child = try ChildProcess(Self.binary.path, ["golden", "update", docs, "--jobs", "1"])
            try await Task.sleep(for: .seconds(delay))
            child.send(SIGKILL)
            _ = try await child.wait(timeout: 60)
            // Whatever was written is whole: every golden parses.
            for (path, text) in try goldenTexts(root) {
                #expect(text.hasSuffix("}\n"), "\(path) is truncated")
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(path) is not JSON")
            }
            // The next update starts over with a prompt edit, so every kill interrupts rewrites too.
            if delay == 0.5 { try Self.editPrompt(docs) }
        }
        let finished = try await update([docs])
        #expect(!finished.failed)
        #expect(try goldenTexts(root).count == Self.scenarios)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "the docverify binary is not built"))
    func theSamplesOwnCredentialVariablesLeaveNoTrace() async throws {
        let (root, docs) = try Self.repository()
        let key = "sk-test-0123456789", token = "eyJhbGciOi.sample-bearer-token.abcdef"
        var environment = ProcessInfo.processInfo.environment
        environment["AZURE_OPENAI_API_KEY"] = key
        environment["AZURE_OPENAI_AD_TOKEN"] = token
        environment["CI"] = nil
        environment["DOCVERIFY_RECORD"] = nil
        var outputs: [String] = []
        for arguments in [["golden", "update", docs], ["run", docs, "--format", "json"], ["run", docs], ["run", docs, "--replay"]] {
            let outcome = try await ChildProcess.run(Self.binary.path, arguments, environment: environment, timeout: 300)
            #expect(outcome.status == 0, "\(arguments): \(outcome.output)")
            outputs.append(outcome.stdout + outcome.stderr)
        }
        let goldens = try goldenTexts(root)
        #expect(goldens.count == Self.scenarios)
        for text in outputs + Array(goldens.values) {
            #expect(!text.contains(key))
            #expect(!text.contains(token))
        }
    }

    /// Every golden under `root/golden`, by path relative to it.
    func goldenTexts(_ root: String) throws -> [String: String] {
        let base = root + "/golden"
        var out: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: base) where path.hasSuffix(".json") {
            out[path] = try String(contentsOfFile: base + "/" + path, encoding: .utf8)
        }
        return out
    }
}
