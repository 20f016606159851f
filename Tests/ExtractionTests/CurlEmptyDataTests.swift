import Core
import Testing
@testable import Extraction

/// `-d ''` is how REST quickstarts create a thread with no options: a POST without a JSON body.
@Suite struct CurlEmptyDataTests {
    @Test func anEmptyDataArgumentIsAPostWithNoBody() {
        let result = ExtractorFixture.rest("""
            curl https://YOUR_RESOURCE_NAME.openai.azure.com/openai/threads?api-version=2024-05-01-preview \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -H 'Content-Type: application/json' \\
              -d ''
            """)
        #expect(!result.findings.contains { $0.severity == .error })
        let request = result.requests.first
        #expect(request?.method == "POST")
        #expect(request?.path == "/openai/threads")
        #expect(request?.body == nil)
    }
}
