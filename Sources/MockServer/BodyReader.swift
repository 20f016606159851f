import Hummingbird
import NIOCore

/// Reads a request body while counting its bytes, and stops at `limit`: a client cannot make the
/// mock buffer more than the cap, whatever it sends or claims in `Content-Length`. It stops too
/// once the body has taken longer than `timeout` since reading began: the idle timeout alone never
/// cuts a client that drips one byte a second, since each byte restarts it.
enum BodyReader {
    enum Outcome<Body> {
        case complete(Body)
        /// The body passed the cap after `received` bytes (or announced more in `Content-Length`).
        case tooLarge(received: Int)
        /// The body was still arriving after the timeout, `received` bytes in.
        case timedOut(received: Int)
    }

    /// No whole-body deadline unless one is given (unit tests of the cap).
    static let noTimeout = Duration.seconds(86_400 * 365)

    static func read(_ request: Request, limit: Int, timeout: Duration = noTimeout) async throws -> Outcome<[UInt8]> {
        // One buffer of the announced size, filled in place: a growing buffer copied into an array
        // at the end held up to three times the body at once.
        var collected: [UInt8] = []
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > 0, declared <= limit { collected.reserveCapacity(declared) }
        return try await read(request, limit: limit, timeout: timeout, into: &collected, count: \.count) { collected, chunk in
            chunk.withUnsafeReadableBytes { collected.append(contentsOf: $0) }
        }
    }

    /// A JSON body with its large strings set aside as they arrive (see ``SplicedBody``).
    static func readSplicing(_ request: Request, limit: Int, timeout: Duration = noTimeout) async throws -> Outcome<SplicedBody> {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        var body = SplicedBody(declaredLength: declared.flatMap { $0 <= limit ? $0 : nil })
        return try await read(request, limit: limit, timeout: timeout, into: &body, count: \.count) { body, chunk in
            chunk.withUnsafeReadableBytes { body.append($0) }
        }
    }

    private static func read<Body>(
        _ request: Request, limit: Int, timeout: Duration, into body: inout Body, count: KeyPath<Body, Int>,
        append: (inout Body, ByteBuffer) -> Void
    ) async throws -> Outcome<Body> {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            return .tooLarge(received: 0)
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        for try await chunk in request.body {
            let received = body[keyPath: count] + chunk.readableBytes
            if received > limit {
                return .tooLarge(received: received)
            }
            // Checked as each piece arrives: a client that sends nothing more is the idle timeout's.
            if clock.now > deadline {
                return .timedOut(received: received)
            }
            append(&body, chunk)
        }
        return .complete(body)
    }
}
