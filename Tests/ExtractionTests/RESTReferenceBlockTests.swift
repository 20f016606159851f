import Core
import Quickstart
import Testing
@testable import Extraction

/// The HTTP blocks of a REST reference page: an operation's signature line above its tables,
/// examples whose only headers are in a table, `{endpoint}` / `{deployment-id}` URI parameters,
/// a form upload written as one string, and the answer fence after a body-less example.
/// Own-words fixtures.
@Suite struct RESTReferenceBlockTests {
    private let signature = "POST https://{endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=2024-10-21\n"

    private func isReader(_ value: SymbolicValue?, _ kind: ReaderValueKind) -> Bool {
        if case .placeholder(.readerValue(let k, _))? = value { return k == kind }
        return false
    }

    private func http(_ code: String, next: CodeSample? = nil) -> SampleExtraction {
        RESTFrontEnd().extract(ExtractorFixture.sample(code, .http), context: FrontEndContext(next: next))
    }

    @Test func aSignatureLineAloneIsNotARequest() {
        let x = http(signature)
        #expect(x.requests.isEmpty && x.findings.isEmpty && !x.callsAPI)
        // The same line followed by its body fence is a request.
        let body = ExtractorFixture.sample(#"{"messages": [{"role": "user", "content": "hi"}]}"#, .json, id: 2)
        #expect(http(signature, next: body).requests.count == 1)
        // With headers it is a request someone sends (its missing body is the page's to fix).
        #expect(http(signature + "api-key: $KEY\n").requests.count == 1)
        // A GET needs no body: still a request.
        #expect(http("GET https://{endpoint}/openai/models?api-version=2024-10-21\n").requests.count == 1)
    }

    @Test func anExampleWithoutHeadersTakesTheReadersKeyAndURIParameters() throws {
        var x = http(signature + "\n{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n")
        let request = try #require(x.requests.first)
        #expect(isReader(request.headers["api-key"], .apiKey))
        let notes = Extractor.markReaderValues(&x, pivot: nil, tab: nil)
        let marked = x.requests[0]
        #expect(isReader(marked.endpoint, .endpoint))
        #expect(isReader(marked.deployment, .deployment))
        #expect(notes.count == 2)
        // The next example repeats the stand-ins: the same notes, word for word, which the report
        // keeps once per page (RepeatedNotes, tested with the Requests stage).
        var again = http(signature + "\n{\"messages\": []}\n")
        #expect(Extractor.markReaderValues(&again, pivot: nil, tab: nil).map(\.message) == notes.map(\.message))
        // An example that names its header keeps it.
        let keyed = http(signature + "api-key: $AZURE_OPENAI_API_KEY\n\n{\"messages\": []}\n")
        #expect(keyed.requests.first?.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
    }

    @Test func bracedNamesAreStandInsButShellAndClientVariablesAreNot() {
        #expect(ReaderValues.isReaderValue("https://{endpoint}"))
        #expect(ReaderValues.isReaderValue("{deployment-id}"))
        #expect(!ReaderValues.isReaderValue("${ENDPOINT}"))
        #expect(!ReaderValues.isReaderValue("{{host}}"))
        #expect(!ReaderValues.isReaderValue("https://contoso.openai.azure.com"))
        #expect(!ReaderValues.isReaderValue("{}"))
    }

    @Test func aFormWrittenAsOneStringIsAnIllustration() {
        let form = "POST https://{endpoint}/openai/deployments/{deployment-id}/audio/transcriptions?api-version=2024-10-21\n\n"
            + #""--b\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\n\n(bytes left out)\n--b--""# + "\n"
        let x = http(form)
        #expect(x.requests.isEmpty && x.findings.isEmpty)
    }

    @Test func theAnswerAfterABodylessExampleIsNotItsBody() {
        let answer = ExtractorFixture.sample(#"{"body": {"text": "hello"}}"#, .json, id: 2, stepText: "**Responses**:\nStatus Code: 200")
        let x = http("POST https://{endpoint}/openai/deployments/{deployment-id}/audio/transcriptions?api-version=2024-10-21\n\n", next: answer)
        #expect(x.requests.isEmpty)
        // And the answer fence is judged as JSON of its own.
        let bad = ExtractorFixture.sample(#"{"body": {"text": "hello",}}"#, .json, id: 2, stepText: "Status Code: 200")
        let previous = ExtractorFixture.sample(signature, .http)
        #expect(JSONFenceFrontEnd().extract(bad, context: FrontEndContext(previous: previous)).findings.map(\.rule) == ["json-invalid"])
    }
}

extension RESTReferenceBlockTests {
    @Test func pathParametersAreIdsAnEarlierCallReturned() throws {
        var x = http("GET https://{endpoint}/openai/threads/{thread_id}/runs?api-version=2025-04-01-preview\n\n")
        _ = Extractor.markReaderValues(&x, pivot: nil, tab: nil)
        let request = try #require(x.requests.first)
        #expect(request.path == "/openai/threads/{thread_id}/runs")
        #expect(isReader(request.pathParameters["thread_id"], .resourceID))
        // A parameter after a collection the id table doesn't know keeps its own name.
        let other = http("GET https://{endpoint}/openai/widgets/{widget-id}?api-version=2025-04-01-preview\n")
        #expect(other.requests.first?.path == "/openai/widgets/{widget-id}")
    }
}
