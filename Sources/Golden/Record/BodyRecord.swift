import Core
import Foundation

/// A request or response body as a golden holds it: JSON as JSON, multipart bodies as their parts,
/// server-sent events as the assembled message, binary content as a digest.
enum BodyRecord {
    static func record(_ data: Data, contentType: String?) -> JSONValue {
        let type = (contentType ?? "").lowercased()
        if data.isEmpty { return .null }
        if type.hasPrefix("multipart/"), let boundary = parameter("boundary", of: contentType ?? "") {
            return .object(["multipart": .array(MultipartParts.parse(data, boundary: boundary).map(part))])
        }
        if type.hasPrefix("text/event-stream") {
            return .object(["stream": StreamAssembly.assemble(String(decoding: data, as: UTF8.self))])
        }
        if type.isEmpty || type.contains("json"), let json = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) {
            return PayloadDigest.replacingBase64(in: json)
        }
        if type.hasPrefix("text/") || (type.isEmpty && String(data: data, encoding: .utf8) != nil) {
            return .string(String(decoding: data, as: UTF8.self))
        }
        return data.count > PayloadDigest.inlineLimit ? PayloadDigest.digest(data) : .object(["$base64": .string(data.base64EncodedString())])
    }

    /// What ``record(_:contentType:)`` gives for the `byteCount` bytes `json` serializes to, read
    /// from the value instead of the bytes (a large body is not parsed again); nil when the bytes
    /// would not be read as JSON.
    static func record(json: JSONValue, byteCount: Int, contentType: String?) -> JSONValue? {
        let type = (contentType ?? "").lowercased()
        guard byteCount > 0, !type.hasPrefix("multipart/"), !type.hasPrefix("text/event-stream"), type.isEmpty || type.contains("json") else {
            return nil
        }
        return PayloadDigest.replacingBase64(in: asReadBack(json, depth: 0))
    }

    /// `value` as parsing its serialized text gives it back: only a number's form can change
    /// (a whole `Double` is written without a fraction, and read back as an integer).
    static func asReadBack(_ value: JSONValue, depth: Int) -> JSONValue {
        guard depth < VolatileMasker.maxDepth else { return (try? JSONValue.parse(value.serialized())) ?? value }
        switch value {
        case .double: return (try? JSONValue.parse(value.serialized())) ?? value
        case .array(let items): return .array(items.map { asReadBack($0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { asReadBack($0, depth: depth + 1) })
        default: return value
        }
    }

    static func part(_ part: MultipartParts.Part) -> JSONValue {
        var object: [String: JSONValue] = ["name": .string(part.name ?? "")]
        if let filename = part.filename { object["filename"] = .string(filename) }
        if let type = part.contentType { object["contentType"] = .string(type) }
        let textual = part.filename == nil && part.body.count <= PayloadDigest.inlineLimit
        object["body"] = textual ? .string(String(decoding: part.body, as: UTF8.self)) : PayloadDigest.digest(part.body)
        return .object(object)
    }

    /// `boundary` of `multipart/form-data; boundary=XYZ` (quotes removed).
    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}

/// The parts of a `multipart/form-data` body.
enum MultipartParts {
    struct Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var body: Data
    }

    static func parse(_ data: Data, boundary: String) -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = data
        var parts: [Part] = []
        var searchStart = bytes.startIndex
        var ranges: [Range<Data.Index>] = []
        while let r = bytes.range(of: delimiter, in: searchStart..<bytes.endIndex) {
            ranges.append(r)
            searchStart = r.upperBound
        }
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            var chunk = bytes[a.upperBound..<b.lowerBound]
            if chunk.starts(with: Data("\r\n".utf8)) { chunk = chunk.dropFirst(2) }
            if chunk.count >= 2, chunk.suffix(2).elementsEqual(Data("\r\n".utf8)) { chunk = chunk.dropLast(2) }
            guard let split = chunk.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: chunk[chunk.startIndex..<split.lowerBound], as: UTF8.self)
            var part = Part(body: Data(chunk[split.upperBound...]))
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = BodyRecord.parameter("name", of: line)
                    part.filename = BodyRecord.parameter("filename", of: line)
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        return parts
    }
}

/// A streamed chat answer as one message plus the number of chunks: the chunking varies from run
/// to run, the message does not.
enum StreamAssembly {
    static func assemble(_ text: String) -> JSONValue {
        var chunks = 0
        var role: String?
        var content = ""
        var transcript = ""
        var audio = ""
        var finish: JSONValue = .null
        var id: JSONValue = .null
        var other: [JSONValue] = []
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("data:") {
            let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            guard payload != "[DONE]", let json = try? JSONValue.parse(payload) else { continue }
            chunks += 1
            if id == .null, let value = json["id"] { id = value }
            guard let choice = json["choices"]?[0], let delta = choice["delta"] else {
                if json["choices"] == nil { other.append(json) }
                continue
            }
            if let r = delta["role"]?.stringValue { role = r }
            content += delta["content"]?.stringValue ?? ""
            transcript += delta["audio"]?["transcript"]?.stringValue ?? ""
            audio += delta["audio"]?["data"]?.stringValue ?? ""
            if let f = choice["finish_reason"], f != .null { finish = f }
        }
        var message: [String: JSONValue] = ["content": .string(content)]
        if let role { message["role"] = .string(role) }
        if !transcript.isEmpty || !audio.isEmpty {
            message["audio"] = .object([
                "transcript": .string(transcript),
                "data": PayloadDigest.digest(base64: audio) ?? .string(audio),
            ])
        }
        var out: [String: JSONValue] = ["chunks": .int(chunks), "id": id, "message": .object(message), "finish_reason": finish]
        if !other.isEmpty { out["events"] = .array(other) }
        return .object(out)
    }
}
