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
        #expect(RequestBuilder().build(api).findings.map(\.rule) == ["request-unknown-operation"])
    }
}
