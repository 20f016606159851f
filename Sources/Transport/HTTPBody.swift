import Foundation

/// A request body as the pieces it is joined from: plain bytes, or text whose storage is shared
/// with the value it came from.
///
/// A JSON body carrying 20 MB of base64 is the encoder's short text around that one string: sent
/// piece by piece, the string goes out of the memory the request value already holds, and the
/// body is never joined into a second copy.
public struct HTTPBody: Sendable {
    /// One run of the body's bytes.
    public enum Piece: Sendable {
        case bytes(Data)
        /// The string's UTF-8, read in place (a native Swift string is contiguous UTF-8).
        case text(String)

        var count: Int {
            switch self {
            case .bytes(let data): data.count
            case .text(let text): text.utf8.count
            }
        }
    }

    /// The pieces in the order they are sent.
    public let pieces: [Piece]
    /// Total length in bytes.
    public let count: Int

    public init(_ data: Data) {
        pieces = [.bytes(data)]
        count = data.count
    }

    public init(pieces: [Piece]) {
        self.pieces = pieces.filter { $0.count > 0 }
        count = self.pieces.reduce(0) { $0 + $1.count }
    }

    public var isEmpty: Bool { count == 0 }

    /// The body as one buffer: the bytes themselves for a one-piece body, else a joined copy (for
    /// readers that need contiguous bytes: reports, goldens of small bodies).
    public var data: Data {
        if pieces.count == 1, case .bytes(let data) = pieces[0] { return data }
        var joined = Data(capacity: count)
        forEachChunk { joined.append(contentsOf: $0) }
        return joined
    }

    /// The bytes when the body is already one buffer of bytes (sent by address, no copy).
    var contiguousData: Data? {
        if pieces.isEmpty { return Data() }
        if pieces.count == 1, case .bytes(let data) = pieces[0] { return data }
        return nil
    }

    /// Calls `body` with each piece's bytes in order, without copying them.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        for piece in pieces {
            try Self.withBytes(of: piece, body)
        }
    }

    static func withBytes<R>(of piece: Piece, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch piece {
        case .bytes(let data):
            return try data.withUnsafeBytes(body)
        case .text(let text):
            if let result = try text.utf8.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
                return result
            }
            // A bridged or small string: its UTF-8 made contiguous (a copy, but only of such strings).
            var copy = text
            return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        }
    }
}

extension HTTPBody: Hashable {
    public static func == (lhs: HTTPBody, rhs: HTTPBody) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if let l = lhs.contiguousData, let r = rhs.contiguousData { return l == r }
        return lhs.data == rhs.data
    }

    /// Over the bytes, so bodies split differently but equal hash the same.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        forEachChunk { hasher.combine(bytes: $0) }
    }
}

/// Reads a body from a position onwards in buffer-sized steps: libcurl's upload callback.
struct HTTPBodyReader {
    let body: HTTPBody
    /// Index of the piece being read, and the offset inside it.
    private var piece = 0
    private var offset = 0

    init(_ body: HTTPBody) {
        self.body = body
    }

    /// Copies up to `buffer.count` bytes that follow what was read before; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        while written < buffer.count, piece < body.pieces.count {
            let copied = HTTPBody.withBytes(of: body.pieces[piece]) { bytes -> Int in
                let n = min(bytes.count - offset, buffer.count - written)
                if n > 0 {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[written..<(written + n)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]))
                }
                return n
            }
            written += copied
            offset += copied
            if offset >= body.pieces[piece].count {
                piece += 1
                offset = 0
            }
        }
        return written
    }

    /// Goes back to byte `position` (libcurl rewinds to resend a body); false when past the end.
    mutating func seek(to position: Int) -> Bool {
        guard position >= 0, position <= body.count else { return false }
        var remaining = position
        piece = 0
        offset = 0
        while piece < body.pieces.count, remaining >= body.pieces[piece].count, remaining > 0 {
            remaining -= body.pieces[piece].count
            piece += 1
        }
        offset = remaining
        return true
    }
}
