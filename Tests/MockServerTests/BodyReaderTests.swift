import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import MockServer

/// An endless body that counts how many chunks were pulled from it.
private struct CountingBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let chunkSize: Int
    let pulled: Counter

    actor Counter {
        private(set) var count = 0
        func increment() { count += 1 }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let chunkSize: Int
        let pulled: Counter
        mutating func next() async throws -> ByteBuffer? {
            await pulled.increment()
            return ByteBuffer(repeating: 0x41, count: chunkSize)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunkSize: chunkSize, pulled: pulled) }
}

@Suite("Streaming body cap")
struct BodyReaderTests {
    static func request(body: RequestBody, contentLength: Int? = nil) -> Request {
        var fields = HTTPFields()
        if let contentLength { fields[.contentLength] = String(contentLength) }
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/x", headerFields: fields)
        return Request(head: head, body: body)
    }

    @Test("an endless body stops being read just past the cap")
    func stopsAtCap() async throws {
        let counter = CountingBody.Counter()
        let request = Self.request(body: RequestBody(asyncSequence: CountingBody(chunkSize: 1_024, pulled: counter)))
        let outcome = try await BodyReader.read(request, limit: 10_000)
        guard case .tooLarge(let received) = outcome else {
            Issue.record("expected tooLarge, got \(outcome)")
            return
        }
        #expect(received == 10_240)
        #expect(await counter.count == 10)
    }

    @Test("a Content-Length over the cap is refused without reading")
    func declaredLength() async throws {
        let counter = CountingBody.Counter()
        let request = Self.request(body: RequestBody(asyncSequence: CountingBody(chunkSize: 1_024, pulled: counter)), contentLength: 50_000)
        let outcome = try await BodyReader.read(request, limit: 10_000)
        guard case .tooLarge = outcome else {
            Issue.record("expected tooLarge, got \(outcome)")
            return
        }
        #expect(await counter.count == 0)
    }

    @Test("a body at the cap is read whole, beyond Hummingbird's 2 MiB default")
    func exactlyAtCap() async throws {
        let size = 3 * 1_024 * 1_024
        let request = Self.request(body: RequestBody(buffer: ByteBuffer(repeating: 0x42, count: size)))
        guard case .complete(let bytes) = try await BodyReader.read(request, limit: size) else {
            Issue.record("expected the body")
            return
        }
        #expect(bytes.count == size)
    }
}
