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
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return .tooLarge(received: 0)
        }
        var collected = ByteBuffer()
        for try await chunk in request.body {
            if collected.readableBytes + chunk.readableBytes > limit {
                return .tooLarge(received: collected.readableBytes + chunk.readableBytes)
            }
            var chunk = chunk
            collected.writeBuffer(&chunk)
        }
        return .complete(collected.readBytes(length: collected.readableBytes) ?? [])
    }
}
