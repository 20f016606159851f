import Foundation

/// A parsed `multipart/form-data` body (RFC 7578): text fields and file parts by name.
struct MultipartForm: Sendable, Equatable {
    struct Part: Sendable, Equatable {
        var name: String
        /// The `filename` parameter; present on file parts (possibly empty).
        var filename: String?
        var contentType: String?
        var data: [UInt8]

        var text: String { String(decoding: data, as: UTF8.self) }
    }

    var parts: [Part]

    /// The text field named `name` (a part without a filename); the last wins, as in the shared
    /// form model and most form parsers.
    func field(_ name: String) -> String? {
        parts.last { $0.name == name && $0.filename == nil }?.text
    }

    /// Every value of a repeated field (`timestamp_granularities[]`).
    func fields(_ name: String) -> [String] {
        parts.filter { $0.name == name && $0.filename == nil }.map(\.text)
    }

    /// The part named `name`, file or not (clients differ on whether they send a filename).
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }
}

/// What is wrong with a multipart body, for a 400 answer.
struct MultipartError: Error, Equatable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Parses `multipart/form-data` from the complete body (already capped by ``BodyReader``).
///
/// Follows RFC 2046/7578 as real clients write it: CRLF line ends (bare LF tolerated), an optional
/// preamble, quoted or token `name` / `filename` parameters with backslash escapes, parts that may
/// contain the boundary's characters as long as not after CRLF + `--`. Parsing is linear in the
/// body size and bounded in parts.
enum MultipartParser {
    /// At most this many parts: a form with more is hostile, not a client.
    static let maxParts = 1_000

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` value.
    static func boundary(contentType: String?) throws(MultipartError) -> String {
        guard let contentType else {
            throw MultipartError("The request has no Content-Type; send multipart/form-data with a boundary.")
        }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else {
            throw MultipartError("The Content-Type is '\(contentType)'; this operation takes multipart/form-data.")
        }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count) else {
                throw MultipartError("The multipart boundary must be 1 to 70 characters long.")
            }
            return value
        }
        throw MultipartError("The multipart/form-data Content-Type has no boundary parameter.")
    }

    static func parse(_ body: [UInt8], boundary: String) throws(MultipartError) -> MultipartForm {
        let dashBoundary = Array(("--" + boundary).utf8)
        // The first delimiter may start the body (no preamble) or follow a line end.
        guard var cursor = firstDelimiter(body, dashBoundary) else {
            throw MultipartError("The multipart body does not contain its boundary '\(boundary)'.")
        }
        var parts: [MultipartForm.Part] = []
        while true {
            cursor += dashBoundary.count
            // Closing delimiter `--boundary--`.
            if cursor + 1 < body.count, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            cursor = skipLineEnd(body, from: skipTransportPadding(body, from: cursor))
            guard let (headers, contentStart) = try readHeaders(body, from: cursor) else {
                throw MultipartError("A multipart part's headers are not terminated by an empty line.")
            }
            guard let next = nextDelimiter(body, dashBoundary, from: contentStart) else {
                throw MultipartError("The multipart body ends without its closing boundary '--\(boundary)--'.")
            }
            parts.append(try part(headers: headers, data: Array(body[contentStart..<next.contentEnd])))
            guard parts.count <= maxParts else { throw MultipartError("The multipart body has more than \(maxParts) parts.") }
            cursor = next.delimiterStart
        }
        return MultipartForm(parts: parts)
    }

    // MARK: - Pieces

    static func firstDelimiter(_ body: [UInt8], _ delimiter: [UInt8]) -> Int? {
        if body.starts(with: delimiter) { return 0 }
        return nextDelimiter(body, delimiter, from: 0)?.delimiterStart
    }

    /// The next `CRLF--boundary` (or `LF--boundary`) at or after `from`: where the content ends and
    /// where the delimiter starts.
    static func nextDelimiter(_ body: [UInt8], _ delimiter: [UInt8], from: Int) -> (contentEnd: Int, delimiterStart: Int)? {
        guard let first = delimiter.first, body.count >= delimiter.count else { return nil }
        var i = max(from, 1)
        let last = body.count - delimiter.count
        while i <= last {
            if body[i] == first, body[i - 1] == UInt8(ascii: "\n"), matches(body, at: i, delimiter) {
                let end = i >= 2 && body[i - 2] == UInt8(ascii: "\r") ? i - 2 : i - 1
                return (max(from, end), i)
            }
            i += 1
        }
        return nil
    }

    static func matches(_ body: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        for (offset, byte) in pattern.enumerated() where body[index + offset] != byte { return false }
        return true
    }

    /// RFC 2046 allows spaces and tabs after a delimiter.
    static func skipTransportPadding(_ body: [UInt8], from: Int) -> Int {
        var i = from
        while i < body.count, body[i] == UInt8(ascii: " ") || body[i] == UInt8(ascii: "\t") { i += 1 }
        return i
    }

    static func skipLineEnd(_ body: [UInt8], from: Int) -> Int {
        var i = from
        if i < body.count, body[i] == UInt8(ascii: "\r") { i += 1 }
        if i < body.count, body[i] == UInt8(ascii: "\n") { i += 1 }
        return i
    }

    /// Header lines up to the empty line; nil when there is none. Header text is at most 16 KiB.
    static func readHeaders(_ body: [UInt8], from: Int) throws(MultipartError) -> ([String: String], Int)? {
        var headers: [String: String] = [:]
        var lineStart = from
        var i = from
        while i < body.count {
            guard body[i] == UInt8(ascii: "\n") else {
                i += 1
                if i - from > 16_384 { throw MultipartError("A multipart part's headers are longer than 16 KiB.") }
                continue
            }
            var lineEnd = i
            if lineEnd > lineStart, body[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if lineEnd == lineStart { return (headers, i + 1) }
            let line = String(decoding: body[lineStart..<lineEnd], as: UTF8.self)
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            i += 1
            lineStart = i
        }
        return nil
    }

    static func part(headers: [String: String], data: [UInt8]) throws(MultipartError) -> MultipartForm.Part {
        guard let disposition = headers["content-disposition"] else {
            throw MultipartError("A multipart part has no Content-Disposition header.")
        }
        let parameters = dispositionParameters(disposition)
        guard let name = parameters["name"] else {
            throw MultipartError("A multipart part's Content-Disposition has no name (\(disposition)).")
        }
        return MultipartForm.Part(name: name, filename: parameters["filename"], contentType: headers["content-type"], data: data)
    }

    /// `form-data; name="file"; filename="a \"b\".wav"` → parameters, lowercased keys.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        let chars = Array(value)
        var i = chars.firstIndex(of: ";") ?? chars.count
        while i < chars.count {
            i += 1
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            var key = ""
            while i < chars.count, chars[i] != "=", chars[i] != ";" { key.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == "=" else { continue }
            i += 1
            var parsed = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    parsed.append(chars[i])
                    i += 1
                }
                i += 1
                while i < chars.count, chars[i] != ";" { i += 1 }
            } else {
                while i < chars.count, chars[i] != ";" { parsed.append(chars[i]); i += 1 }
                parsed = parsed.trimmingCharacters(in: .whitespaces)
            }
            result[key.trimmingCharacters(in: .whitespaces).lowercased()] = parsed
        }
        return result
    }
}
