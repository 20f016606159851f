import Core
import Quickstart
import Testing
@testable import Extraction

/// Values the page tells the reader to replace are marked, never taken as real hosts or keys.
@Suite("Reader values")
struct ReaderValueTests {
    @Test("the pattern table recognises stand-ins and leaves real values alone")
    func patterns() {
        for text in ["YOUR_RESOURCE_NAME", "https://YOUR_RESOURCE_NAME.openai.azure.com/", "<your-endpoint>",
                     "YOUR-DEPLOYMENT-NAME-HERE", "REPLACE_WITH_YOUR_KEY_VALUE_HERE", "<your-api-key>",
                     "https://<resource-name>.openai.azure.com", "YourDeploymentName"] {
            #expect(ReaderValues.isReaderValue(text), "\(text)")
        }
        for text in ["gpt-4o", "https://contoso.openai.azure.com", "whisper", "2024-10-21", "a < b > c", "layout-your", "Yourself"] {
            #expect(!ReaderValues.isReaderValue(text), "\(text)")
        }
    }

    @Test("endpoint, deployment and key stand-ins become reader values with one note each")
    func markedInRequests() throws {
        let code = """
            import requests
            endpoint = "https://YOUR_RESOURCE_NAME.openai.azure.com"
            url = f"{endpoint}/openai/deployments/YOUR-DEPLOYMENT-NAME-HERE/chat/completions?api-version=2024-10-21"
            r = requests.post(url, headers={"api-key": "REPLACE_WITH_YOUR_KEY_VALUE_HERE"}, json={"messages": []})
            r2 = requests.post(url, headers={"api-key": "REPLACE_WITH_YOUR_KEY_VALUE_HERE"}, json={"messages": []})
            """
        let sample = CodeSample(
            id: 1, language: .python, infoString: "python", code: code,
            location: SourceLocation(file: "guide.md", line: 9), codeStartLine: 10, codeStartColumn: 1)
        let extraction = Extractor().extract(ExtractorFixture.document([sample], pivot: nil))
        let r = try #require(extraction.samples[1]?.requests.first)
        #expect(r.endpoint == .placeholder(.readerValue(kind: .endpoint, text: "https://YOUR_RESOURCE_NAME.openai.azure.com")))
        #expect(r.deployment == .placeholder(.readerValue(kind: .deployment, text: "YOUR-DEPLOYMENT-NAME-HERE")))
        #expect(r.headers["api-key"] == .placeholder(.readerValue(kind: .apiKey, text: "REPLACE_WITH_YOUR_KEY_VALUE_HERE")))
        let notes = extraction.findings.filter { $0.rule == "placeholder-value" }
        #expect(notes.count == 3)
        #expect(notes.allSatisfy { $0.severity == .note && $0.location.line == 13 })
    }

    @Test("a Bearer stand-in keeps its prefix; real values and environment variables are untouched")
    func bearerAndUntouched() throws {
        let x = ExtractorFixture.rest("""
            curl https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21 -H "Authorization: Bearer <your-token>" -d '{"messages": []}'
            curl $AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21 -H "api-key: $AZURE_OPENAI_API_KEY" -d '{"messages": []}'
            """)
        var extraction = x
        let notes = Extractor.markReaderValues(&extraction, pivot: nil, tab: nil)
        #expect(notes.count == 1)
        #expect(extraction.requests[0].headers["authorization"] == .template([.literal("Bearer "), .placeholder(.readerValue(kind: .apiKey, text: "<your-token>"))]))
        #expect(extraction.requests[0].endpoint == .string("https://contoso.openai.azure.com"))
        #expect(extraction.requests[1] == x.requests[1])
    }

    @Test("a literal id from the page's earlier output in a REST path becomes a hole the Runner fills")
    func resourceIDs() throws {
        var x = ExtractorFixture.rest("""
            curl "$AZURE_OPENAI_ENDPOINT/openai/threads/thread_abc123/runs/run_abc123?api-version=2024-08-01-preview" -H "api-key: $AZURE_OPENAI_API_KEY"
            curl "$AZURE_OPENAI_ENDPOINT/openai/threads/runs?api-version=2024-08-01-preview" -H "api-key: $AZURE_OPENAI_API_KEY" -d '{"assistant_id": "asst_abc123"}'
            """)
        let notes = Extractor.markReaderValues(&x, pivot: nil, tab: nil)
        #expect(x.requests[0].path == "/openai/threads/{thread_id}/runs/{run_id}")
        #expect(x.requests[0].pathParameters == [
            "thread_id": .placeholder(.readerValue(kind: .resourceID, text: "thread_abc123")),
            "run_id": .placeholder(.readerValue(kind: .resourceID, text: "run_abc123")),
        ])
        #expect(x.requests[1].path == "/openai/threads/runs")
        #expect(notes.count == 2)
    }
}
