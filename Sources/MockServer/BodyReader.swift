import Hummingbird
import NIOCore
import Synchronization

/// Reads a request body while counting its bytes, and stops at `limit`: a client cannot make the
/// mock buffer more than the cap, whatever it sends or claims in `Content-Length`. It stops too
/// once the body has taken longer than `timeout` since reading began, on a timer: the idle timeout
/// alone never cuts a client that drips one byte a second (each byte restarts it), and a client
/// that sends half a body and then nothing gets its 408 at the body timeout, not the idle one.
enum BodyReader {
    enum Outcome<Body: Sendable>: Sendable {
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
        return try await read(request, limit: limit, timeout: timeout, into: collected, count: { $0.count }) { collected, chunk in
            chunk.withUnsafeReadableBytes { collected.append(contentsOf: $0) }
        }
    }

    /// A JSON body with its large strings set aside as they arrive (see ``SplicedBody``).
    static func readSplicing(_ request: Request, limit: Int, timeout: Duration = noTimeout) async throws -> Outcome<SplicedBody> {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        let body = SplicedBody(declaredLength: declared.flatMap { $0 <= limit ? $0 : nil })
        return try await read(request, limit: limit, timeout: timeout, into: body, count: { $0.count }) { body, chunk in
            chunk.withUnsafeReadableBytes { body.append($0) }
        }
    }

    /// The body read in one child task, raced against a timer in another: whichever ends first
    /// decides, and the other is cancelled (a cancelled body read ends at once).
    private static func read<Body: Sendable>(
        _ request: Request, limit: Int, timeout: Duration, into initial: Body, count: @escaping @Sendable (Body) -> Int,
        append: @escaping @Sendable (inout Body, ByteBuffer) -> Void
    ) async throws -> Outcome<Body> {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            return .tooLarge(received: 0)
        }
        let received = ReceivedBytes()
        return try await withThrowingTaskGroup(of: Outcome<Body>?.self) { group in
            group.addTask {
                var body = initial
                for try await chunk in request.body {
                    // A stream that keeps delivering a drip after the timer fired is left here.
                    if Task.isCancelled { return nil }
                    let total = count(body) + chunk.readableBytes
                    if total > limit {
                        return .tooLarge(received: total)
                    }
                    append(&body, chunk)
                    received.count.withLock { $0 = total }
                }
                // Cut short by the timer: not a whole body.
                return Task.isCancelled ? nil : .complete(body)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return .timedOut(received: received.count.withLock { $0 })
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let outcome = next { return outcome }
            }
            return .timedOut(received: received.count.withLock { $0 })
        }
    }

    /// The bytes the read has taken so far, for the timer's 408.
    private final class ReceivedBytes: Sendable {
        let count = Mutex(0)
    }
}
