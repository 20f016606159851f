import Testing

@testable import MockServer

@Suite("multipart/form-data parsing")
struct MultipartTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("boundary from the content type: token or quoted; missing or wrong type is an error")
    func boundary() throws {
        #expect(try MultipartParser.boundary(contentType: "multipart/form-data; boundary=abc123") == "abc123")
        #expect(try MultipartParser.boundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="a b:c""#) == "a b:c")
        #expect(throws: MultipartError.self) { try MultipartParser.boundary(contentType: "application/json") }
        #expect(throws: MultipartError.self) { try MultipartParser.boundary(contentType: "multipart/form-data") }
        #expect(throws: MultipartError.self) { try MultipartParser.boundary(contentType: nil) }
    }

    @Test("fields and a binary file part, with a preamble, quoted names and escaped quotes")
    func parts() throws {
        var body = Self.bytes("This preamble is ignored.\r\n--XyZ\r\ncontent-disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n")
        body += Self.bytes("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"my \\\"best\\\" take.wav\"\r\nContent-Type: audio/wav\r\n\r\n")
        // Binary content holding CR, LF, dashes and the boundary text not at a line start.
        let binary: [UInt8] = [0, 13, 10, 45, 45, 88, 255] + Self.bytes("--XyZ not a delimiter") + [13, 10, 0]
        body += binary + Self.bytes("\r\n--XyZ\r\nContent-Disposition: form-data; name=response_format\r\n\r\nsrt\r\n--XyZ--\r\nepilogue")
        let form = try MultipartParser.parse(body, boundary: "XyZ")
        #expect(form.parts.count == 3)
        #expect(form.field("model") == "whisper")
        #expect(form.field("response_format") == "srt")
        let file = try #require(form.part("file"))
        #expect(file.filename == "my \"best\" take.wav")
        #expect(file.contentType == "audio/wav")
        #expect(file.data == binary)
    }

    @Test("bare LF line ends, empty values, repeated fields")
    func lenient() throws {
        let body = Self.bytes("--b\nContent-Disposition: form-data; name=\"a[]\"\n\nword\n--b\nContent-Disposition: form-data; name=\"a[]\"\n\nsegment\n--b\nContent-Disposition: form-data; name=\"empty\"\n\n\n--b--\n")
        let form = try MultipartParser.parse(body, boundary: "b")
        #expect(form.fields("a[]") == ["word", "segment"])
        #expect(form.field("empty") == "")
    }

    @Test("broken bodies say what is wrong")
    func broken() {
        #expect(throws: MultipartError.self) { try MultipartParser.parse(Self.bytes("no boundary here"), boundary: "b") }
        #expect(throws: MultipartError.self) {
            try MultipartParser.parse(Self.bytes("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue without end"), boundary: "b")
        }
        #expect(throws: MultipartError.self) {
            try MultipartParser.parse(Self.bytes("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--"), boundary: "b")
        }
        #expect(throws: MultipartError.self) { try MultipartParser.parse(Self.bytes("--b\r\nContent-Disposition: form-data; name=\"x\""), boundary: "b") }
    }

    @Test("uploaded audio: WAV, FLAC and MP3 headers give format and duration")
    func audioHeaders() {
        let wav = UploadedAudio(Fixture.wav(seconds: 1.5))
        #expect(wav.format == "wav")
        #expect(wav.durationSeconds == 1.5)
        let flac = UploadedAudio(FLACEncoding.encode(pcm16LittleEndian: [UInt8](repeating: 0, count: 48_000), sampleRate: 24_000))
        #expect(flac.format == "flac")
        #expect(flac.durationSeconds == 1)
        let mp3 = UploadedAudio(AudioSynthesis.silentMP3(milliseconds: 2_000))
        #expect(mp3.format == "mp3")
        #expect(abs((mp3.durationSeconds ?? 0) - 2) < 0.1)
        #expect(UploadedAudio(Array("hello".utf8)).format == nil)
    }
}

@Suite("Hostile multipart bodies")
struct HostileMultipartTests {
    @Test("more parts than the cap, or endless part headers, are refused with a 400 message")
    func hostile() async throws {
        var many = ""
        for i in 0...MultipartParser.maxParts { many += "--b\r\nContent-Disposition: form-data; name=\"f\(i)\"\r\n\r\nx\r\n" }
        many += "--b--\r\n"
        let manyBytes = Array(many.utf8)
        #expect(throws: MultipartError.self) { try MultipartParser.parse(Array(many.utf8), boundary: "b") }
        let longHeader = "--b\r\nContent-Disposition: form-data; name=\"" + String(repeating: "x", count: 20_000) + "\"\r\n\r\nv\r\n--b--\r\n"
        #expect(throws: MultipartError.self) { try MultipartParser.parse(Array(longHeader.utf8), boundary: "b") }
        try await Fixture.app().test(.router) { client in
            let reply = try await Fixture.call(
                client, .post, AudioOperationTests.transcriptions, body: manyBytes, contentType: "multipart/form-data; boundary=b")
            #expect(reply.status == .badRequest)
            #expect(reply.error?["message"]?.stringValue?.contains("parts") == true)
        }
    }
}
