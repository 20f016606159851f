import Foundation
import Testing
import Core
import Extraction
@testable import Requests

@Suite("Building typed requests from extracted calls")
struct RequestBuilderTests {
    static let location = SourceLocation(file: "docs/quick.md", line: 40, column: 5)

    static func call(body: SymbolicValue?, apiVersion: String = "2025-01-01-preview") -> ExtractedRequest {
        ExtractedRequest(
            location: location, client: .pythonOpenAI,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: "/openai/deployments/{deployment}/chat/completions", deployment: .string("audio model"),
            query: ["api-version": .string(apiVersion)],
            headers: ["api-key": .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)),
                      "content-type": .string("application/json")],
            auth: .apiKey, body: body)
    }

    static let secondTurn = SymbolicValue.object([
        "model": .string("audio-model"),
        "modalities": .array([.string("text"), .string("audio")]),
        "audio": .object(["voice": .string("alloy"), "format": .string("wav")]),
        "messages": .array([
            .object(["role": .string("user"), "content": .array([
                .object(["type": .string("text"), "text": .string("Describe the audio.")]),
                .object(["type": .string("input_audio"), "input_audio": .object([
                    "data": .placeholder(.file(path: "dog.wav", encoding: .base64)), "format": .string("wav"),
                ])]),
            ])]),
            .object(["role": .string("assistant"), "audio": .object([
                "id": .placeholder(.response(call: 0, path: "choices[0].message.audio.id")),
            ])]),
            .object(["role": .string("user"), "content": .template([
                .literal("Summarize for "), .placeholder(.environment(name: "READER", fallback: nil)),
            ])]),
        ]),
    ])

    static func resolver(_ p: Placeholder) -> JSONValue? {
        switch p {
        case .file: .string("UklGRg==")
        case .response: .string("audio_abc")
        case .environment(let name, _) where name == "READER": .string("kids")
        case .environment(let name, _) where name == "AZURE_OPENAI_ENDPOINT": .string("https://mock.test/")
        case .environment(let name, _) where name == "AZURE_OPENAI_API_KEY": .string("k1")
        default: nil
        }
    }

    @Test func validBodyWithPlaceholdersBuildsATypedRequestAndBindings() throws {
        let built = RequestBuilder().build(Self.call(body: Self.secondTurn), pivot: "python", tab: "api-key")
        #expect(built.findings == [])
        let request = try #require(built.request)
        #expect(request.messages.map(\.role) == [.user, .assistant, .user])
        #expect(built.bindings == [
            "messages[0].content[1].input_audio.data": .file(path: "dog.wav", encoding: .base64),
            "messages[1].audio.id": .response(call: 0, path: "choices[0].message.audio.id"),
        ])
        #expect(built.templates.keys.sorted() == ["messages[2].content"])
        #expect(built.urlTemplate == "{endpoint}/openai/deployments/{deployment}/chat/completions")
        #expect(built.apiVersion == "2025-01-01-preview")
        #expect(built.auth == .apiKey)
    }

    @Test func encodedBodySubstitutesResolvedPlaceholders() throws {
        let built = RequestBuilder().build(Self.call(body: Self.secondTurn))
        let data = built.encodedBody(resolving: Self.resolver)
        let sent = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        #expect(sent["messages"]?[0]?["content"]?[1]?["input_audio"]?["data"] == .string("UklGRg=="))
        #expect(sent["messages"]?[1]?["audio"]?["id"] == .string("audio_abc"))
        #expect(sent["messages"]?[2]?["content"] == .string("Summarize for kids"))
        #expect(sent["audio"]?["voice"] == .string("alloy"))
        #expect(sent["model"] == .string("audio-model"))
        // What is sent decodes strictly: no stand-in or placeholder marker leaks into the bytes.
        #expect(RequestValidation.issues(in: sent) == [])
        // An unresolvable placeholder becomes null rather than a made-up value.
        let unresolved = try JSONValue.parse(String(decoding: built.encodedBody(resolving: { _ in nil }), as: UTF8.self))
        #expect(unresolved["messages"]?[1]?["audio"]?["id"] == .null)
    }

    @Test func urlAndHeadersResolve() {
        let built = RequestBuilder().build(Self.call(body: Self.secondTurn))
        #expect(built.url(resolving: Self.resolver) == "https://mock.test/openai/deployments/audio%20model/chat/completions?api-version=2025-01-01-preview")
        #expect(built.headers(resolving: Self.resolver) == ["api-key": "k1", "content-type": "application/json"])
        #expect(built.url(resolving: { _ in nil }) == nil)
    }

    @Test func invalidBodyGivesFindingsAtTheCallNamingThePath() {
        let body = SymbolicValue.object([
            "messages": .array([.object(["role": .string("user"), "contnet": .string("hi")])]),
            "audio": .object(["voice": .string("robot"), "format": .string("wav")]),
        ])
        let built = RequestBuilder().build(Self.call(body: body), pivot: "javascript", tab: "keyless")
        #expect(built.request == nil)
        let rules = built.findings.map(\.rule).sorted()
        #expect(rules == ["request-invalid", "request-invalid", "request-unknown-field"])
        #expect(built.findings.allSatisfy { $0.location == Self.location && $0.severity == .error && $0.pivot == "javascript" && $0.tab == "keyless" })
        let unknown = built.findings.first { $0.rule == "request-unknown-field" }!
        #expect(unknown.message.contains("'messages[0].contnet'"))
        let voice = built.findings.first { $0.message.contains("audio.voice") }!
        #expect(voice.message.contains("'robot'"))
        #expect(built.findings.contains { $0.message.contains("messages[0].content") && $0.message.contains("missing required field") })
        // Sent as written, so the service judges exactly what the sample sends.
        let sent = built.resolvedBody(resolving: Self.resolver)
        #expect(sent?["messages"]?[0]?["contnet"] == .string("hi"))
    }

    @Test func chatCompletionsCallWithoutBodyIsInvalid() {
        let built = RequestBuilder().build(Self.call(body: nil))
        #expect(built.findings.map(\.rule) == ["request-invalid"])
        #expect(built.encodedBody(resolving: Self.resolver).isEmpty)
    }
}

@Suite("The check contract's request objects")
struct ContractJSONTests {
    @Test func contractJSONWritesTheCanonicalBodyWithContractPlaceholders() {
        let built = RequestBuilder().build(RequestBuilderTests.call(body: RequestBuilderTests.secondTurn))
        let json = built.contractJSON
        #expect(json["line"] == .int(40))
        #expect(json["method"] == .string("POST"))
        #expect(json["url"] == .string("{endpoint}/openai/deployments/{deployment}/chat/completions"))
        #expect(json["auth"] == .string("api-key"))
        #expect(json["query"]?["api-version"] == .string("2025-01-01-preview"))
        #expect(json["headers"]?["api-key"] == .object(["$env": .string("AZURE_OPENAI_API_KEY")]))
        let body = json["body"]
        #expect(body?["messages"]?[1]?["audio"]?["id"] == .object(["$response": .int(0), "path": .string("choices[0].message.audio.id")]))
        #expect(body?["messages"]?[0]?["content"]?[1]?["input_audio"]?["data"] == .object(["$file": .string("dog.wav"), "encoding": .string("base64")]))
        #expect(body?["modalities"] == .array([.string("audio"), .string("text")]))
        #expect(body?["messages"]?[2]?["content"] == .array([.object(["type": .string("text"), "text": .string("Summarize for {env:READER}")])]))
    }
}
