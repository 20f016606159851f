import Core
import Foundation

extension HTTPBody {
    /// `json` serialized compactly with sorted keys, byte for byte `json.serializedData()`; its
    /// large strings are pieces that share the value's storage rather than copies of it.
    public init(json: JSONValue) {
        var pieces: [Piece] = []
        json.forEachSerializedPiece { piece in
            switch piece {
            case .encoded(let bytes): pieces.append(.bytes(Data(buffer: bytes)))
            case .verbatim(let text): pieces.append(.text(text))
            }
        }
        self.init(pieces: pieces)
    }
}
