import Foundation

/// What the mock needs of base64 input audio — whether it decodes, how many bytes it holds, and its
/// first bytes (the WAV header) — read in place: decoding a 20 MB string whole would make a second
/// and third copy of the request's largest part only to measure it.
struct Base64Summary: Equatable {
    /// Decoded length in bytes.
    var byteCount: Int
    /// The first `prefixLimit` decoded bytes (all of them when fewer).
    var prefix: [UInt8]

    /// Decoded bytes kept for format sniffing.
    static let prefixLimit = 4_096

    /// nil when `text` is not base64 that `Data(base64Encoded:)` accepts.
    init?(_ text: String) {
        var text = text
        let fast: Base64Summary?? = text.withUTF8 { Self.scan($0) }
        switch fast {
        case .some(.some(let summary)):
            self = summary
        case .some(.none):
            return nil
        case .none:
            // A form the scan does not judge (no padding, whitespace…): Foundation decides.
            guard let data = Data(base64Encoded: text) else { return nil }
            self.init(byteCount: data.count, prefix: [UInt8](data.prefix(Self.prefixLimit)))
        }
    }

    init(byteCount: Int, prefix: [UInt8]) {
        self.byteCount = byteCount
        self.prefix = prefix
    }

    /// `.some(summary)` for padded standard base64, `.some(nil)` when its last quartet does not
    /// decode, nil when the scan leaves the decision to Foundation (any byte outside the alphabet).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Base64Summary?? {
        let count = bytes.count
        guard count > 0, count % 4 == 0 else { return .none }
        var padding = 0
        if bytes[count - 1] == UInt8(ascii: "=") { padding += 1 }
        if bytes[count - 2] == UInt8(ascii: "=") { padding += 1 }
        for i in 0..<(count - padding) where !isAlphabet(bytes[i]) { return .none }
        // The last quartet decides about padding and stray bits; the prefix is the header.
        let last = String(decoding: UnsafeBufferPointer(rebasing: bytes[(count - 4)...]), as: UTF8.self)
        guard Data(base64Encoded: last) != nil else { return .some(nil) }
        let prefixChars = min(count, prefixLimit / 3 * 4 + 4)
        guard let head = Data(base64Encoded: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<prefixChars]), as: UTF8.self)) else {
            return .none
        }
        return .some(Base64Summary(byteCount: count / 4 * 3 - padding, prefix: [UInt8](head.prefix(prefixLimit))))
    }

    private static func isAlphabet(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F
    }
}
