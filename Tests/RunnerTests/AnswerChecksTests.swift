import Core
import Extraction
import Foundation
import Requests
import Testing
import Transport
@testable import Runner

/// Answers that are not what their operation returns, checked without a server.
@Suite struct AnswerChecksTests {
    typealias F = OperationFixtures

    func check(_ request: ExtractedRequest, body: Data, reads: [ResponseRead] = []) -> AnswerChecks.Outcome {
        let built = RequestBuilder().build(request)
        let response = HTTPResponse(status: 200, headers: HTTPHeaders(), body: body,
                                    timings: Timings(nameLookup: 0, connect: 0, tls: nil, firstByte: 0, total: 0))
        return AnswerChecks.check(response, kind: AnswerKind.of(built), request: built, call: 0, reads: reads, placeholderFormats: [])
    }

    var embeddings: ExtractedRequest {
        F.call("POST", "/openai/deployments/{deployment}/embeddings", line: 5, body: .object(["input": .string("hi")]), deployment: "e", version: "2024-10-21")
    }

    @Test func aJSONAnswerIsCheckedByItsOperationsModel() {
        let good = check(embeddings, body: Data(#"{"object":"list","model":"e","data":[{"object":"embedding","index":0,"embedding":[0.6,0.8]}],"usage":{"prompt_tokens":1,"total_tokens":1}}"#.utf8),
                         reads: [ResponseRead(call: 0, path: "data[0].embedding", location: F.at(6))])
        #expect(good.findings.isEmpty, "\(good.findings)")
        let bad = check(embeddings, body: Data(#"{"object":"list","data":"nope"}"#.utf8))
        #expect(bad.findings.map(\.rule) == ["response-invalid"])
        #expect(bad.findings.first?.message.contains("embeddings.create") == true)
        #expect(check(embeddings, body: Data("not json".utf8)).findings.first?.message.contains("not a JSON object") == true)
    }

    @Test func speechMustBeAudioOfTheRequestedFormat() {
        let request = F.call("POST", "/openai/deployments/{deployment}/audio/speech", line: 5,
                             body: .object(["model": .string("tts"), "input": .string("Hi"), "voice": .string("alloy"), "response_format": .string("wav")]),
                             deployment: "tts", version: "2025-03-01-preview")
        let outcome = check(request, body: Data("ID3 but not a wav".utf8))
        #expect(outcome.findings.first?.message.contains("not valid wav audio") == true)
        #expect(outcome.saved != nil)
    }

    @Test func subtitlesMustBeSubtitles() {
        var request = F.call("POST", "/openai/deployments/{deployment}/audio/transcriptions", line: 5, deployment: "whisper", version: "2024-10-21")
        request.multipart = [MultipartPart(name: "file", value: .placeholder(.file(path: "a.wav", encoding: .binary)), filename: "a.wav"),
                             MultipartPart(name: "response_format", value: .string("srt"))]
        #expect(check(request, body: Data("1\n00:00:00,000 --> 00:00:01,500\nHello.\n".utf8)).findings.isEmpty)
        #expect(check(request, body: Data(#"{"text":"Hello."}"#.utf8)).findings.first?.rule == "response-invalid")
    }

    /// `stream: true` beside a member docverify only knows as a stand-in (a search key read from
    /// an unset variable) still asks for a stream: the answer is read as events, not as JSON.
    @Test func aStreamIsAskedForEvenBesideAStandIn() {
        let searchKey = SymbolicValue.placeholder(.environment(name: "MY_SEARCH_KEY", fallback: nil))
        let request = F.call("POST", "/openai/deployments/{deployment}/chat/completions", line: 5,
                             body: .object(["stream": .bool(true),
                                            "messages": .array([.object(["role": .string("user"), "content": .string("Hi")])]),
                                            "data_sources": .array([.object(["type": .string("azure_search"),
                                                                             "parameters": .object(["key": searchKey])])])]),
                             deployment: "chat", version: "2024-10-21")
        #expect(AnswerKind.of(RequestBuilder().build(request)) == .chatStream)
        var plain = request
        plain.body = .object(["messages": .array([]), "data_sources": .array([searchKey])])
        #expect(AnswerKind.of(RequestBuilder().build(plain)) == .chat)
    }

    @Test func aDownloadMustBeAnImage() {
        var download = ExtractedRequest(location: F.at(9), client: .pythonRequests, method: "GET",
                                        endpoint: .placeholder(.response(call: 0, path: "data[0].url")), path: "", deployment: nil, auth: nil, body: nil)
        download.purpose = .download
        #expect(check(download, body: StandInImage.png()).findings.isEmpty)
        #expect(check(download, body: Data("<html>expired</html>".utf8)).findings.first?.message.contains("not an image") == true)
    }
}
