import Testing
@testable import Requests

/// Server-sent events may end their lines with `\r\n`; a `\r\n` is one Swift Character, so the
/// events must be split at `\n` bytes to be seen at all.
@Suite struct StreamDecodingLineEndingTests {
    @Test("CRLF and LF event streams give the same payloads and terminator")
    func crlfEvents() {
        let lf = "data: {\"a\":1}\n\ndata: {\"b\":2}\ndata: {\"c\":3}\n\ndata: [DONE]\n\n"
        let expected = ["{\"a\":1}", "{\"b\":2}\n{\"c\":3}"]
        let plain = StreamDecoding.events(lf)
        #expect(plain.payloads == expected)
        #expect(plain.done)
        let windows = StreamDecoding.events(lf.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows.payloads == expected)
        #expect(windows.done)
    }
}
