import Foundation
import Testing
@testable import Transport

@Suite struct MultipartFormDataTests {
    @Test func encodesFieldsAndFilesBetweenBoundaries() {
        let audio = Data([0x52, 0x49, 0x46, 0x46, 0x00, 0xFF, 0x0D, 0x0A])
        let form = MultipartFormData(parts: [
            .field("model", "whisper"),
            .init(name: "file", filename: "clip.wav", contentType: "audio/wav", data: audio),
        ], boundary: "XyZ")
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")
        var expected = Data("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n".utf8)
        expected += Data("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.wav\"\r\nContent-Type: audio/wav\r\n\r\n".utf8)
        expected += audio + Data("\r\n--XyZ--\r\n".utf8)
        #expect(form.encoded() == expected)
    }

    @Test func aFilePartWithoutTypeIsOctetStreamAndNamesAreEscaped() {
        let form = MultipartFormData(parts: [.init(name: "a\"b", filename: "x\ny.bin", data: Data([1]))], boundary: "B")
        let text = String(decoding: form.encoded(), as: UTF8.self)
        #expect(text.contains("name=\"a%22b\"; filename=\"x%0Ay.bin\"\r\nContent-Type: application/octet-stream\r\n"))
    }

    @Test func aBoundaryThatOccursInAPartIsReplaced() {
        let form = MultipartFormData(parts: [.field("text", "before --clash after")], boundary: "clash")
        #expect(form.boundary != "clash")
        #expect(form.encoded().range(of: Data("--\(form.boundary)--".utf8)) != nil)
        // Random boundaries differ between bodies.
        #expect(MultipartFormData(parts: []).boundary != MultipartFormData(parts: []).boundary)
    }
}

@Suite struct ServerSentEventsTests {
    @Test func readsDataLinesUntilBlankLines() {
        let body = Data("data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n".utf8)
        #expect(ServerSentEvents.parse(body).map(\.data) == ["{\"a\":1}", "{\"a\":2}", "[DONE]"])
    }

    @Test func handlesCRLFCommentsEventNamesAndMultilineData() {
        let body = Data(": keep-alive\r\nevent: thread.run.created\r\nid: 7\r\ndata: first\r\ndata:second\r\n\r\nretry: 10\r\n\r\n".utf8)
        let events = ServerSentEvents.parse(body)
        #expect(events == [ServerSentEvent(event: "thread.run.created", data: "first\nsecond", id: "7")])
    }

    @Test func aLastEventWithoutBlankLineIsKept() {
        #expect(ServerSentEvents.parse(Data("data: x".utf8)).map(\.data) == ["x"])
        #expect(ServerSentEvents.parse(Data()).isEmpty)
    }
}
