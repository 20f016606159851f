import Core
import Extraction
import Requests
import Testing

/// A follow-up download is not an API call: it is never matched against an operation.
@Suite("Follow-up downloads")
struct DownloadRequestTests {
    @Test("a download of an answer's URL gets no request-unknown-operation finding")
    func downloadNotChecked() {
        var download = ExtractedRequest(
            location: SourceLocation(file: "a.md", line: 3), client: .pythonRequests, method: "GET",
            endpoint: .placeholder(.response(call: 0, path: "data[0].url")), path: "", deployment: nil, auth: nil, body: nil)
        download.purpose = .download
        #expect(RequestBuilder().build(download).findings.isEmpty)
        var api = download
        api.purpose = .api
        api.path = "/openai/unknown"
        #expect(RequestBuilder().build(api).findings.map(\.rule) == ["request-unknown-operation"])
    }

    @Test("path parameters from earlier answers are filled into the URL")
    func pathParameters() {
        var request = ExtractedRequest(
            location: SourceLocation(file: "a.md", line: 3), client: .pythonOpenAI, method: "GET",
            endpoint: .string("https://mock.test"), path: "/openai/threads/{thread_id}/runs/run_1", deployment: nil,
            query: ["api-version": .string("2024-05-01-preview")], auth: nil, body: nil)
        request.pathParameters = ["thread_id": .placeholder(.response(call: 0, path: "id"))]
        let built = RequestBuilder().build(request)
        #expect(built.url { _ in .string("thread 9") } == "https://mock.test/openai/threads/thread%209/runs/run_1?api-version=2024-05-01-preview")
        #expect(built.url { _ in nil } == nil)
    }
}
