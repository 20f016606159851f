import Core
import Extraction
import Foundation
import Golden
import Quickstart
import Runner
import Testing
@testable import Drift

/// doc ↔ golden: a page of our own and goldens written by hand, as `run --record` lays them out.
@Suite struct GoldenDriftTests {
    static let page = """
        ---
        title: Toy speech
        ---
        # Toy speech

        ## Speak a reply

        ```bash
        curl -X POST "$AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-4o-audio-preview/chat/completions?api-version=2025-01-01-preview" \\
          -H "api-key: $AZURE_OPENAI_API_KEY" \\
          -H "Content-Type: application/json" \\
          -d '{"modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}, "messages": [{"role": "user", "content": "Say hi."}]}'
        ```

        The response looks like this:

        ```json
        {"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant"}}]}
        ```
        """

    /// The request the page sends, as a golden records it (masked id, audio digest in the answer).
    static func exchange(voice: String = "alloy", apiVersion: String = "2025-01-01-preview", extra: [String: JSONValue] = [:],
                         answerObject: Bool = true, path: String = "/openai/deployments/gpt-4o-audio-preview/chat/completions") -> JSONValue {
        var body: [String: JSONValue] = [
            "modalities": .array([.string("text"), .string("audio")]),
            "audio": .object(["voice": .string(voice), "format": .string("wav")]),
            "messages": .array([.object(["role": .string("user"), "content": .string("Say hi.")])]),
        ]
        for (key, value) in extra { body[key] = value }
        var answer: [String: JSONValue] = [
            "id": .string("<chatcmpl-1>"),
            "choices": .array([.object(["index": .int(0), "message": .object([
                "role": .string("assistant"),
                "audio": .object(["id": .string("<audio-1>"), "data": .object(["$bytes": .int(9), "sha256": .string("ab")])]),
            ])])]),
        ]
        if answerObject { answer["object"] = .string("chat.completion") }
        return .object([
            "request": .object([
                "method": .string("POST"), "path": .string(path), "query": .object(["api-version": .string(apiVersion)]),
                "headers": .object(["api-key": .string("<redacted>")]), "body": .object(body),
            ]),
            "response": .object(["status": .int(200), "contentType": .string("application/json"), "body": .object(answer)]),
        ])
    }

    /// Writes the page and one golden for its only scenario; returns the drift items.
    func items(page: String = Self.page, exchanges: [JSONValue]?) throws -> [DriftItem] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golden-drift-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
        try page.write(toFile: root + "/docs/toy.md", atomically: true, encoding: .utf8)
        let document = try QuickstartLoader.load(path: root + "/docs/toy.md", root: root + "/docs", pivotGroupsFile: nil)
        let extraction = Extractor().extract(document)
        let layout = GoldenLayout(repositoryRoot: root)
        let scenarios = ScenarioPlanner.plan(extraction)
        try #require(scenarios.count == 1)
        if let exchanges {
            let relative = layout.file(for: scenarios[0], documentPath: layout.documentPath(ofArticle: root + "/docs/toy.md"))
            let golden = JSONValue.object(["version": .int(1), "document": .string("docs/toy.md"), "exchanges": .array(exchanges)])
            try GoldenStore(layout: layout).write(GoldenStore.text(golden), to: relative)
        }
        let drift = GoldenDrift(layout: layout) { try? String(contentsOfFile: root + "/docs/" + $0, encoding: .utf8) }
        return drift.items(extraction, article: root + "/docs/toy.md")
    }

    @Test func aGoldenThatMatchesThePageIsClean() throws {
        #expect(try items(exchanges: [Self.exchange()]).isEmpty)
    }

    @Test func noGoldenNoItems() throws {
        #expect(try items(exchanges: nil).isEmpty)
    }

    @Test func aChangedVoiceAndApiVersionAreReportedWithBothSides() throws {
        let found = try items(exchanges: [Self.exchange(voice: "echo", apiVersion: "2024-10-01-preview")])
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.kind == .docGolden && $0.finding.rule == "golden-drift" && $0.finding.severity == .warning })
        #expect(found.allSatisfy { $0.finding.location.file == "toy.md" && $0.finding.location.line == 9 })
        let sides = Set(found.map { "\($0.docSide) | \($0.otherSide)" })
        #expect(sides == ["api-version=2025-01-01-preview | api-version=2024-10-01-preview", #"audio.voice = "alloy" | audio.voice = "echo""#])
        #expect(found.contains { $0.finding.message.contains("golden/docs/toy/_/speak-a-reply.json (call 1)") })
    }

    @Test func aFieldTheRecordingSentAndThePageDropsIsReported() throws {
        let found = try items(exchanges: [Self.exchange(extra: ["temperature": .double(0.2)])])
        #expect(found.map(\.docSide) == ["temperature = no 'temperature'"])
        #expect(found.map(\.otherSide) == ["temperature = 0.2"])
    }

    @Test func anOutputTheRecordedAnswerLacksIsReported() throws {
        let found = try items(exchanges: [Self.exchange(answerObject: false)])
        #expect(found.count == 1)
        #expect(found.first?.finding.location.line == 17)
        #expect(found.first?.finding.message.contains("object (missing from the answer)") == true)
    }

    @Test func callsThatAppearOrDisappearAreReported() throws {
        let other = Self.exchange(path: "/openai/deployments/text-embedding-3-small/embeddings")
        let gone = try items(exchanges: [other, Self.exchange(voice: "nova")])
        #expect(gone.contains { $0.finding.message.contains("(call 2)") && $0.docSide == #"audio.voice = "alloy""# })
        #expect(gone.filter { $0.finding.message.contains("no longer calls") }.map(\.otherSide) == ["POST /openai/deployments/text-embedding-3-small/embeddings"])
        let new = try items(exchanges: [other])
        #expect(new.contains { $0.finding.message.contains("never recorded") && $0.finding.location.line == 9 })
    }
}
