import Core
import Foundation
import Testing
@testable import Transport

@Suite struct HTTPBodyTests {
    /// FNV-1a over bytes, as the test server's digest route computes it.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\(data.count) \(String(hash, radix: 16))"
    }

    /// A body of small bytes around a large string, as a JSON body with inline audio is built.
    static func pieced(large: Int) -> (HTTPBody, Data) {
        var big = String(repeating: "QUJD", count: large / 4)
        big += "x"  // not a multiple of any buffer size
        let pieces: [HTTPBody.Piece] = [.bytes(Data(#"{"data":""#.utf8)), .text(big), .bytes(Data(#"","n":"é"}"#.utf8))]
        let joined = Data(#"{"data":""#.utf8) + Data(big.utf8) + Data(#"","n":"é"}"#.utf8)
        return (HTTPBody(pieces: pieces), joined)
    }

    @Test func piecesJoinToTheirBytes() {
        let (body, joined) = Self.pieced(large: 100_000)
        #expect(body.count == joined.count)
        #expect(body.data == joined)
        #expect(body == HTTPBody(joined))
        #expect(body.hashValue == HTTPBody(joined).hashValue)
        #expect(body != HTTPBody(joined.dropLast()))
    }

    @Test func jsonBodyIsTheSerializedBytesWithTheLargeStringShared() {
        let audio = String(repeating: "UklGRiQAAABXQVZF", count: 2_000)
        let values: [JSONValue] = [
            .object(["model": .string("gpt-4o-audio-preview"), "messages": .array([.object(["content": .array([
                .object(["type": .string("input_audio"), "input_audio": .object(["data": .string(audio), "format": .string("wav")])]),
                .object(["type": .string("text"), "text": .string("a/b \"q\" é")]),
            ])])]), "temperature": .double(0.5)]),
            .object(["a": .int(1)]),
            .array([.string(audio), .string(audio)]),
        ]
        for value in values {
            let body = HTTPBody(json: value)
            #expect(body.data == value.serializedData())
            #expect(body.count == value.serializedData().count)
        }
        let pieces = HTTPBody(json: values[0]).pieces
        #expect(pieces.contains { if case .text(let t) = $0 { return t == audio } else { return false } })
    }

    @Test func readerReadsEveryByteInAnyStepAndRewinds() {
        let (body, joined) = Self.pieced(large: 10_000)
        for step in [1, 7, 4096, 20_000] {
            var reader = HTTPBodyReader(body)
            var out = Data()
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: step, alignment: 1)
            defer { buffer.deallocate() }
            while true {
                let n = reader.read(into: buffer)
                if n == 0 { break }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            }
            #expect(out == joined, "step \(step)")
            // Back to the middle of the large piece, then to the start.
            let sought = reader.seek(to: 5_000)
            #expect(sought)
            let rest = reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(step, 10)]))
            #expect(Data(UnsafeRawBufferPointer(rebasing: buffer[..<rest])) == joined[5_000..<(5_000 + rest)])
            let pastEnd = reader.seek(to: joined.count + 1)
            #expect(!pastEnd)
        }
    }

    @Test func largePiecedBodyArrivesByteIdentical() async throws {
        let (body, joined) = Self.pieced(large: 6_000_000)
        try await TestServer.with { server in
            let request = HTTPRequest(method: "POST", url: server.baseURL + "/digest",
                                      headers: [("Content-Type", "application/json")], payload: body)
            let response = try await HTTPClient(jobs: 1).send(request)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == Self.digest(joined))
        }
    }

    @Test func piecedBodyWithAnotherMethodKeepsItAndTheContentType() async throws {
        let (body, joined) = Self.pieced(large: 4_096)
        try await TestServer.with { server in
            let request = HTTPRequest(method: "PUT", url: server.baseURL + "/echo", payload: body)
            let response = try await HTTPClient(jobs: 1).send(request)
            let echo = try JSONDecoder().decode(Echo.self, from: response.body)
            #expect(echo.method == "PUT")
            #expect(echo.body == String(decoding: joined, as: UTF8.self))
            // No form content type is made up for a streamed body either.
            #expect(echo.headers["Content-Type"] == nil)
        }
    }
}
