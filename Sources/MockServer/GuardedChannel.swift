import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// The open connections of one mock server, shared by all its event loops.
final class ConnectionCount: Sendable {
    private let open = Mutex(0)
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Takes a slot, or returns false when all ``limit`` slots are taken.
    func tryOpen() -> Bool {
        open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() {
        open.withLock { $0 -= 1 }
    }

    var current: Int { open.withLock { $0 } }
}

/// Wraps the HTTP/1 child channel with the mock's connection limits: a connection beyond the cap is
/// closed as soon as it is accepted, and a request head that does not arrive in time closes its
/// connection (``HeaderDeadlineHandler``). Hummingbird's own idle timeout covers silent connections.
///
/// Closing an over-cap connection happens after the base setup succeeds: failing the setup instead
/// would fire an error on the listening channel, which ends the server's accept loop.
struct GuardedChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let headerTimeout: Duration
    let count: ConnectionCount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = count.tryOpen()
        if admitted {
            let count = self.count
            channel.closeFuture.whenComplete { _ in count.release() }
        }
        let timeout = TimeAmount(headerTimeout)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(HeaderDeadlineHandler(timeout: timeout))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }.map { value in
            if !admitted {
                logger.warning("connection refused: \(count.limit) connections are open (--max-connections)")
                channel.close(promise: nil)
            }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// Where a connection is between requests, told to ``HeaderDeadlineHandler`` by the responder
/// (which runs once a head is decoded, and returns once the answer is written).
enum MockConnectionEvent: Sendable {
    case requestHeadReceived
    /// The answer being written is the connection's last (its request body was left unread: too
    /// large, or too slow): once it is written the connection is closed.
    case closeAfterResponse
    case responseFinished
}

/// Closes a connection whose request head has not arrived within `timeout` of the request's first
/// byte: a client that drips a request line or headers cannot hold a connection. Sits first in the
/// pipeline (after TLS), on raw bytes, because a head that never completes produces no HTTP part.
/// It finds the end of the head itself (the first empty line), so a busy responder cannot make a
/// prompt client miss the deadline; the responder says when the answer is written, and the next
/// byte after that starts the next request's deadline.
final class HeaderDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    /// True between requests and while a head is arriving; false from the end of a head to the end
    /// of its answer.
    private var awaitingHead = true
    /// Line feeds in a row seen in the head so far (carriage returns ignored): two end the head.
    private var lineFeeds = 0
    private var deadline: Scheduled<Void>?
    private var closeAfterResponse = false
    /// Time a client has to read the last answer and hang up before the connection is cut.
    static let lingerAfterLastAnswer = TimeAmount.seconds(2)

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingHead {
            if deadline == nil {
                let bound = context.loopBound
                deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    bound.value.close(promise: nil)
                }
            }
            if headEnds(in: unwrapInboundIn(data)) { headArrived() }
        }
        context.fireChannelRead(data)
    }

    /// Whether the bytes complete the head (an empty line, CRLF or bare LF).
    private func headEnds(in buffer: ByteBuffer) -> Bool {
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"):
                    lineFeeds += 1
                    if lineFeeds == 2 { return true }
                case UInt8(ascii: "\r"):
                    break
                default:
                    lineFeeds = 0
                }
            }
            return false
        }
    }

    private func headArrived() {
        awaitingHead = false
        lineFeeds = 0
        cancelDeadline()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let event = event as? MockConnectionEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch event {
        case .requestHeadReceived:
            headArrived()
        case .closeAfterResponse:
            closeAfterResponse = true
        case .responseFinished:
            awaitingHead = true
            lineFeeds = 0
            if closeAfterResponse { finish(context: context) }
        }
    }

    /// Ends the output once the last answer is written, and the connection shortly after. Closing
    /// both ways at once, with the client's unread body still arriving, would make the kernel
    /// reset the connection, and a reset can discard the answer before the client reads it.
    private func finish(context: ChannelHandlerContext) {
        cancelDeadline()
        let bound = context.loopBound
        let halfClosed = context.eventLoop.makePromise(of: Void.self)
        halfClosed.futureResult.whenFailure { _ in bound.value.close(promise: nil) }  // e.g. TLS without half-closure
        context.close(mode: .output, promise: halfClosed)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerAfterLastAnswer) {
            bound.value.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }
}
