import Core
import Foundation
import Testing
@testable import Golden

@Suite struct GoldenDiffTests {
    let golden = try! JSONValue.parse("""
        {"request": {"body": {"messages": [{"content": "Hi"}]}},
         "response": {"status": 200, "body": {"model": "gpt-4o-audio-preview", "choices": [{"message": {"content": "Hello there", "audio": {"data": {"$bytes": 100, "sha256": "aa", "media": {"type": "audio/wav", "sampleRate": 24000, "durationMs": 900}}}}}], "usage": {"total_tokens": 10}}}}
        """)

    func answer(content: JSONValue = .string("Hi! How can I help?"), rate: Int = 24000, bytes: Int = 140, extra: [String: JSONValue] = [:]) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string("gpt-4o-audio-preview-2024-12-17"),
            "choices": .array([.object(["message": .object(["content": content, "audio": .object(["data": .object([
                "$bytes": .int(bytes), "sha256": .string("bb"),
                "media": .object(["type": .string("audio/wav"), "sampleRate": .int(rate), "durationMs": .int(1300)])])])])])]),
            "usage": .object(["total_tokens": .int(14)]),
        ]
        body.merge(extra) { $1 }
        return .object(["request": golden["request"]!, "response": .object(["status": .int(200), "body": .object(body)])])
    }

    @Test func shapeModeComparesTypesKeysAndMediaNotText() {
        let diff = GoldenDiff(mode: .shape)
        #expect(diff.compare(expected: golden, actual: answer()).isEmpty)
        let typed = diff.compare(expected: golden, actual: answer(content: .int(3)))
        #expect(typed.map(\.path.rendered) == ["response.body.choices[0].message.content"])
        #expect(typed.first?.note == "type")
        #expect(diff.compare(expected: golden, actual: answer(rate: 16000)).map(\.path.rendered) == ["response.body.choices[0].message.audio.data.media"])
        let extra = diff.compare(expected: golden, actual: answer(extra: ["service_tier": .string("default")]))
        #expect(extra.map(\.path.rendered) == ["response.body.service_tier"])
        #expect(extra.first?.expected == nil)
    }

    @Test func exactModeComparesValuesAndDigestSizes() {
        let diff = GoldenDiff(mode: .exact)
        let paths = diff.compare(expected: golden, actual: answer()).map(\.path.rendered)
        #expect(paths == [
            "response.body.choices[0].message.audio.data", "response.body.choices[0].message.content",
            "response.body.model", "response.body.usage.total_tokens",
        ])
    }

    @Test func rulesOverrideTheMode() throws {
        let rules = try GoldenRules.parse("""
            rules:
              - path: response.body.choices[*].message.audio.data
                ignore: true
              - path: response.body.choices[*].message.content
                type: string
              - path: response.body.model
                regex: "^gpt-4o-audio"
              - path: response.body.usage.total_tokens
                ignore: true
            """, path: "rules.yml")
        #expect(GoldenDiff(mode: .exact, rules: rules).compare(expected: golden, actual: answer()).isEmpty)
        let equal = try GoldenRules.parse("rules:\n  - path: response.body.model\n    equal: true\n", path: "rules.yml")
        #expect(GoldenDiff(mode: .shape, rules: equal).compare(expected: golden, actual: answer()).map(\.path.rendered) == ["response.body.model"])
    }

    @Test func badRulesSayWhatIsWrong() {
        for (text, expected) in [
            ("rules:\n  - path: a.b\n", "exactly one of"),
            ("rules:\n  - path: a[\n    ignore: true\n", "is not a path"),
            ("rules:\n  - path: a\n    type: text\n", "is not one of"),
            ("rules:\n  - path: a\n    regex: \"(\"\n", "not a regular expression"),
        ] {
            #expect { try GoldenRules.parse(text, path: "g/.docverify-golden.yml") } throws: { error in
                "\(error)".contains(expected) && "\(error)".hasPrefix("g/.docverify-golden.yml")
            }
        }
    }

    @Test func layoutPathsAndRepositoryRoot() throws {
        let root = try Make.tempDirectory()
        try FileManager.default.createDirectory(atPath: root + "/golden", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/docs/examples", withIntermediateDirectories: true)
        let layout = GoldenLayout.forDocs(at: root + "/docs/examples")
        #expect(layout.repositoryRoot == URL(fileURLWithPath: root).standardizedFileURL.path)
        let documentPath = layout.documentPath(ofArticle: root + "/docs/examples/quick.md")
        #expect(documentPath == "docs/examples/quick.md")
        let file = layout.file(for: Make.scenario("Speak a reply: to a text prompt!", tab: "api-key"), documentPath: documentPath)
        #expect(file == "docs/examples/quick/py/speak-a-reply-to-a-text-prompt--api-key.json")
    }
}

@Suite struct JSONPathPatternTests {
    @Test func patternsMatchPathsInsideAnExchange() throws {
        let pattern = try #require(JSONPathPattern("response.body.choices[*].message[\"$bytes\"]"))
        #expect(pattern.matches([.key("response"), .key("body"), .key("choices"), .index(3), .key("message"), .key("$bytes")]))
        #expect(!pattern.matches([.key("response"), .key("body"), .key("choices"), .key("x"), .key("message"), .key("$bytes")]))
        #expect(try #require(JSONPathPattern("*.body")).matches([.key("request"), .key("body")]))
        for bad in ["", ".a", "a..b", "a[", "a[x]", "a."] { #expect(JSONPathPattern(bad) == nil, "\(bad)") }
    }
}
