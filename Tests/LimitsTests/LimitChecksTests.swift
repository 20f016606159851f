import Core
import Extraction
import Limits
import Requests
import Testing

private func limit(_ key: String, _ value: LimitValue, line: Int = 3, file: String = "page.md") -> DocumentedLimit {
    DocumentedLimit(key: key, value: value, location: SourceLocation(file: file, line: line), article: "page.md")
}

private func request(voice: String? = "alloy", maxTokens: Int? = nil, apiVersion: String = "2030-01-01-preview") -> BuiltRequest {
    var body: [String: SymbolicValue] = [
        "model": .string("m"),
        "messages": .array([.object(["role": .string("user"), "content": .string("hi")])]),
    ]
    if let voice {
        body["modalities"] = .array([.string("text"), .string("audio")])
        body["audio"] = .object(["voice": .string(voice), "format": .string("wav")])
    }
    if let maxTokens { body["max_tokens"] = .int(maxTokens) }
    let extracted = ExtractedRequest(
        location: SourceLocation(file: "page.md", line: 20, column: 5), client: .pythonOpenAI,
        endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
        path: "/openai/deployments/{deployment}/chat/completions", deployment: .string("m"),
        query: ["api-version": .string(apiVersion)], auth: .apiKey, body: .object(body))
    return RequestBuilder().build(extracted)
}

private let voices = limit("audio.voices", .names(["Alloy", "Echo"]))

@Suite struct LimitChecksTests {
    @Test func listedVoiceMatchesCaseInsensitively() {
        #expect(LimitChecks.check([request(voice: "ALLOY")], against: [voices]).isEmpty)
    }

    @Test func unlistedVoiceIsExceeded() {
        let findings = LimitChecks.check([request(voice: "nova")], against: [voices])
        #expect(findings.map(\.rule) == ["limit-exceeded"])
        #expect(findings.first?.location.line == 20)
        #expect(findings.first?.message.contains("page.md:3") == true)
    }

    @Test func disagreeingVoiceListsJudgeNothing() {
        let other = limit("audio.voices", .names(["Nova"]), line: 9)
        #expect(LimitChecks.check([request(voice: "nova")], against: [voices, other]).isEmpty)
        #expect(LimitChecks.conflicts([voices, other]).map(\.rule) == ["limit-conflict"])
    }

    @Test func maxTokensAboveTheCap() {
        let cap = limit("tokens.max-output", .count(1_000))
        #expect(LimitChecks.check([request(maxTokens: 4_000)], against: [cap]).map(\.rule) == ["limit-exceeded"])
        #expect(LimitChecks.check([request(maxTokens: 1_000)], against: [cap]).isEmpty)
    }

    @Test func apiVersionOlderThanTheMinimum() {
        let minimum = limit("api-version.minimum", .version("2030-01-01-preview"))
        #expect(LimitChecks.check([request(apiVersion: "2029-06-01")], against: [minimum]).map(\.rule) == ["api-version-mismatch"])
        #expect(LimitChecks.check([request(apiVersion: "2030-01-01-preview")], against: [minimum]).isEmpty)
        #expect(LimitChecks.check([request(apiVersion: "2030-01-01")], against: [minimum]).isEmpty)
        // A text-only request is not about the audio feature the minimum belongs to.
        #expect(LimitChecks.check([request(voice: nil, apiVersion: "2029-06-01")], against: [minimum]).isEmpty)
    }

    @Test func equalStatementsDoNotConflict() {
        let a = limit("audio.max-input-size", .bytes(20_000_000, written: "20 MB"))
        let b = limit("audio.max-input-size", .bytes(20_000_000, written: "20MB"), line: 9)
        let c = limit("audio.voices", .names(["echo", "ALLOY"]), line: 12)
        #expect(LimitChecks.conflicts([a, b, voices, c]).isEmpty)
    }
}
