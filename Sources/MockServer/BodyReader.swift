import Hummingbird
import NIOCore

/// Reads a request body while counting its bytes, and stops at `limit`: a client cannot make the
/// mock buffer more than the cap, whatever it sends or claims in `Content-Length`.
enum BodyReader {
    enum Outcome {
        case complete([UInt8])
        /// The body passed the cap after `received` bytes (or announced more in `Content-Length`).
        case tooLarge(received: Int)
    }

    static func read(_ request: Request, limit: Int) async throws -> Outcome {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            return .tooLarge(received: 0)
        }
        // One buffer of the announced size, filled in place: a growing buffer copied into an array
        // at the end held up to three times the body at once.
        var collected: [UInt8] = []
        if let declared, declared > 0 { collected.reserveCapacity(declared) }
        for try await chunk in request.body {
            if collected.count + chunk.readableBytes > limit {
                return .tooLarge(received: collected.count + chunk.readableBytes)
            }
            chunk.withUnsafeReadableBytes { collected.append(contentsOf: $0) }
        }
        return .complete(collected)
    }
}
