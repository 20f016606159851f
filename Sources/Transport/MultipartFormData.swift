import Foundation

/// A `multipart/form-data` body (RFC 7578): named text fields and file parts, encoded into one
/// buffer with a boundary that occurs in none of the parts.
public struct MultipartFormData: Sendable, Hashable {
    /// One form field; a file part has a `filename`.
    public struct Part: Sendable, Hashable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var data: Data

        public init(name: String, filename: String? = nil, contentType: String? = nil, data: Data) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }

        /// A text field.
        public static func field(_ name: String, _ value: String) -> Part {
            Part(name: name, data: Data(value.utf8))
        }
    }

    public var parts: [Part]
    /// The delimiter between parts, without the leading `--`.
    public private(set) var boundary: String

    /// `boundary` nil picks a random one; either way it is changed if a part contains it.
    public init(parts: [Part], boundary: String? = nil) {
        self.parts = parts
        var candidate = boundary ?? Self.randomBoundary()
        // A collision with random 32 hex digits is astronomically unlikely; the bound only keeps
        // a caller-chosen boundary from looping forever.
        var attempts = 0
        while attempts < 8, parts.contains(where: { $0.data.range(of: Data(("--" + candidate).utf8)) != nil }) {
            candidate = Self.randomBoundary()
            attempts += 1
        }
        self.boundary = candidate
    }

    /// The `Content-Type` header value that goes with ``encoded()``.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The whole body, built in one buffer sized up front (the part data is copied once, into it).
    public func encoded() -> Data {
        let heads = parts.map(header)
        let delimiter = Data("--\(boundary)\r\n".utf8)
        let closing = Data("--\(boundary)--\r\n".utf8)
        var size = closing.count
        for (part, head) in zip(parts, heads) { size += delimiter.count + head.count + part.data.count + 2 }
        var out = Data()
        out.reserveCapacity(size)
        for (part, head) in zip(parts, heads) {
            out.append(delimiter)
            out.append(head)
            out.append(part.data)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        out.append(closing)
        return out
    }

    private func header(_ part: Part) -> Data {
        var text = "Content-Disposition: form-data; name=\"\(Self.escaped(part.name))\""
        if let filename = part.filename { text += "; filename=\"\(Self.escaped(filename))\"" }
        text += "\r\n"
        if let type = part.contentType ?? (part.filename == nil ? nil : "application/octet-stream") {
            text += "Content-Type: \(type)\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    /// Quotes and line breaks percent-encoded, as browsers do (WHATWG HTML form encoding).
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(UInt8.random(in: 0..<16, using: &generator), radix: 16) }.joined()
        return "docverify-" + hex
    }
}
