import Testing
import Core
import Extraction
import Quickstart
@testable import Requests

@Suite("api-version checks: unknown, unsupported, missing")
struct APIVersionChecksTests {
    static let location = SourceLocation(file: "docs/q.md", line: 7, column: 1)

    static func call(
        _ path: String = "/openai/deployments/{deployment}/chat/completions", method: String = "POST",
        client: RequestClient = .curl, version: SymbolicValue? = .string("2024-10-21"), body: String? = #"{"messages": [{"role": "user", "content": "Hi"}]}"#
    ) -> ExtractedRequest {
        ExtractedRequest(
            location: location, client: client, method: method,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: path, deployment: .string("d"), query: version.map { ["api-version": $0] } ?? [:],
            headers: [:], auth: .apiKey, body: body.map { SymbolicValue(try! JSONValue.parse($0)) })
    }

    static func rules(_ findings: [Finding]) -> [String] { findings.map(\.rule) }

    @Test("published versions with the operation and its features are clean", arguments: [
        "2023-05-15", "2024-02-01", "2024-06-01", "2024-10-21", "2025-01-01-preview", "2025-04-01-preview",
    ])
    func clean(version: String) {
        #expect(APIVersionChecks.check(Self.call(version: .string(version))).isEmpty)
    }

    @Test("a never-published dated version is api-version-unknown, an error naming neighbours")
    func unknownError() throws {
        let f = try #require(APIVersionChecks.check(Self.call(version: .string("2024-11-15-preview"))).first)
        #expect(f.rule == "api-version-unknown")
        #expect(f.severity == .error)
        #expect(f.message.contains("2024-11-15-preview"))
        #expect(f.message.contains("2024-10-21"))
        #expect(f.location == Self.location)
        let junk = APIVersionChecks.check(Self.call(version: .string("2023-01-01-nope")))
        #expect(junk.map(\.severity) == [.error])
    }

    @Test("a stand-in the reader replaces is not judged", arguments: ["<api_version>", "YOUR_API_VERSION", "<your-api-version>"])
    func standIn(version: String) {
        #expect(APIVersionChecks.check(Self.call(version: .string(version))).isEmpty)
    }

    @Test("a well-formed version newer than the table is only a note")
    func newerIsNote() throws {
        let f = try #require(APIVersionChecks.check(Self.call(version: .string("2031-02-01-preview"))).first)
        #expect(f.rule == "api-version-unknown")
        #expect(f.severity == .note)
    }

    @Test("a v1-form value on a deployment URL is a warning")
    func v1ValueOnDeployment() {
        let findings = APIVersionChecks.check(Self.call(version: .string("preview")))
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test("placeholders, environment variables and templates are not judged")
    func placeholdersSilent() {
        #expect(APIVersionChecks.check(Self.call(version: .placeholder(.environment(name: "OPENAI_API_VERSION", fallback: nil)))).isEmpty)
        #expect(APIVersionChecks.check(Self.call(version: .template([.literal("2024-"), .placeholder(.unknown("m"))]))).isEmpty)
    }

    @Test("an operation the version lacks is api-version-unsupported")
    func unsupportedOperation() throws {
        let f = try #require(APIVersionChecks.check(Self.call("/openai/assistants", version: .string("2024-10-21"), body: #"{"model": "gpt-4o"}"#)).first)
        #expect(f.rule == "api-version-unsupported")
        #expect(f.severity == .error)
        #expect(f.message.contains("assistants.create"))
        #expect(f.message.contains("2024-02-15-preview"))
        let whisper = APIVersionChecks.check(Self.call("/openai/deployments/{deployment}/audio/transcriptions", version: .string("2023-05-15"), body: nil))
        #expect(Self.rules(whisper) == ["api-version-unsupported"])
        #expect(APIVersionChecks.check(Self.call("/openai/assistants", version: .string("2024-05-01-preview"), body: #"{"model": "m"}"#)).isEmpty)
    }

    @Test("a feature the version lacks is api-version-unsupported, naming the body path")
    func unsupportedFeature() throws {
        let audio = #"{"modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}, "messages": [{"role": "user", "content": "Hi"}]}"#
        let f = try #require(APIVersionChecks.check(Self.call(version: .string("2024-10-21"), body: audio)).first)
        #expect(f.rule == "api-version-unsupported")
        #expect(f.message.contains("'modalities'"))
        #expect(f.message.contains("2025-01-01-preview"))
        #expect(APIVersionChecks.check(Self.call(version: .string("2025-01-01-preview"), body: audio)).isEmpty)

        let inputAudio = #"{"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "x", "format": "wav"}}]}]}"#
        let g = try #require(APIVersionChecks.check(Self.call(version: .string("2024-12-01-preview"), body: inputAudio)).first)
        #expect(g.message.contains("messages[0].content[0].type"))

        let schema = #"{"messages": [], "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {}}}}"#
        #expect(Self.rules(APIVersionChecks.check(Self.call(version: .string("2024-06-01"), body: schema))) == ["api-version-unsupported"])
        #expect(APIVersionChecks.check(Self.call(version: .string("2024-08-01-preview"), body: schema)).isEmpty)

        let mct = #"{"messages": [], "max_completion_tokens": 100}"#
        #expect(Self.rules(APIVersionChecks.check(Self.call(version: .string("2024-06-01"), body: mct))) == ["api-version-unsupported"])
        #expect(APIVersionChecks.check(Self.call(version: .string("2024-10-21"), body: mct)).isEmpty)
    }

    @Test("a deployment or assistants URL written out with no api-version is api-version-missing")
    func missing() throws {
        let f = try #require(APIVersionChecks.check(Self.call(version: nil)).first)
        #expect(f.rule == "api-version-missing")
        #expect(f.severity == .error)
        #expect(f.message.contains("api-version="))
        #expect(Self.rules(APIVersionChecks.check(Self.call("/openai/threads", client: .httpBlock, version: nil, body: "{}"))) == ["api-version-missing"])
        #expect(Self.rules(APIVersionChecks.check(Self.call("/openai/files", method: "GET", version: nil, body: nil))) == ["api-version-missing"])
    }

    @Test("the /openai/v1/ form needs no api-version; SDK clients are not judged for a missing one")
    func missingNotRequired() {
        #expect(APIVersionChecks.check(Self.call("/openai/v1/chat/completions", version: nil)).isEmpty)
        #expect(APIVersionChecks.check(Self.call("/openai/v1/chat/completions", version: .string("preview"))).isEmpty)
        #expect(APIVersionChecks.check(Self.call(client: .pythonOpenAI, version: nil)).isEmpty)
        #expect(APIVersionChecks.check(Self.call(client: .pythonRequests, version: nil)).isEmpty)
    }

    @Test("downloads and unknown URLs are not judged")
    func notJudged() {
        var download = Self.call("/images/x.png", method: "GET", version: nil, body: nil)
        download.purpose = .download
        #expect(APIVersionChecks.check(download).isEmpty)
        #expect(APIVersionChecks.check(Self.call("/something/else", version: .string("1999-01-01"))).isEmpty)
    }

    @Test("DocumentChecks runs the api-version checks, each sample once, with pivot labels")
    func wiredIntoDocumentChecks() {
        let sample = CodeSample(id: 0, language: .python, infoString: "python", code: "curl\n", location: Self.location, codeStartLine: 8, codeStartColumn: 1)
        let tab = TabVariant(id: nil, label: nil, group: nil, location: nil, steps: [Step(text: "Run.", location: Self.location, samples: [sample])])
        let pivot = Pivot(id: "rest", sections: [Section(title: "Call", location: Self.location, tabs: [tab])])
        let document = QuickstartDocument(file: "q.md", title: "Q", frontMatter: [:], pivots: [pivot], findings: [])
        let extraction = DocumentExtraction(
            document: document,
            samples: [0: SampleExtraction(sampleID: 0, requests: [Self.call(version: .string("2023-13-01"))], callsAPI: true)],
            findings: [])
        let findings = DocumentChecks.run(extraction)
        #expect(findings.map(\.rule) == ["api-version-unknown"])
        #expect(findings.first?.pivot == "rest")
    }
}
