import Core
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A successful answer before the common headers are added: status, content type and bytes.
struct MockAnswer: Sendable {
    var status: HTTPResponse.Status = .ok
    var contentType: String
    var body: [UInt8]

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> MockAnswer {
        MockAnswer(status: status, contentType: "application/json", body: Array(value.serialized().utf8))
    }

    static func encoded(_ value: some Encodable) -> MockAnswer {
        MockAnswer(contentType: "application/json", body: [UInt8](JSONBody.encode(value)))
    }

    /// Plain text, SRT and VTT answers are `text/plain` like the service's.
    static func text(_ text: String) -> MockAnswer {
        MockAnswer(contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    static func events(_ text: String) -> MockAnswer {
        MockAnswer(contentType: "text/event-stream", body: Array(text.utf8))
    }

    func response(headers extra: HTTPFields) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        if contentType == "text/event-stream" { headers[.cacheControl] = "no-cache" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Reading request bodies as JSON objects, with Azure's 400 for anything else.
enum JSONRequest {
    /// The body as text; JSON must be UTF-8 (RFC 8259), so invalid bytes are a 400 rather than
    /// replacement characters the answer would silently echo.
    static func text(_ body: [UInt8]) throws(MockError) -> String {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidRequest(param: nil, "The request body is not valid JSON: it is not valid UTF-8. Send the JSON encoded as UTF-8.")
        }
        return text
    }

    /// As ``text(_:)``'s check, without making a String of the body (a large audio request).
    static func validateUTF8(_ body: [UInt8]) throws(MockError) {
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return
            case .error:
                throw .invalidRequest(param: nil, "The request body is not valid JSON: it is not valid UTF-8. Send the JSON encoded as UTF-8.")
            }
        }
    }

    static func object(_ body: [UInt8]) throws(MockError) -> [String: JSONValue] {
        let text = try text(body)
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch let error as JSONSyntaxError {
            throw .invalidRequest(param: nil, "The request body is not valid JSON (\(error.description)).")
        } catch {
            throw .invalidRequest(param: nil, "The request body is not valid JSON.")
        }
        guard case .object(let members) = value else {
            throw .invalidRequest(param: nil, "The request body must be a JSON object, not \(value.typeName).")
        }
        return members
    }

    /// A body that may be empty (`POST /threads` with no body); empty means `{}`.
    static func optionalObject(_ body: [UInt8]) throws(MockError) -> [String: JSONValue] {
        body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) ? [:] : try object(body)
    }

    /// The issues of the operation's typed model as one 400 (first issue's path as `param`, the
    /// others listed), or nothing when the body is valid or no model exists.
    static func problems(_ issues: [(path: String, message: String)]) -> MockError? {
        guard let first = issues.first else { return nil }
        var message = first.path.isEmpty ? sentence(first.message) : "Invalid '\(first.path)': \(sentence(first.message))"
        if issues.count > 1 {
            message += " Also: " + issues.dropFirst().map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }.joined(separator: "; ")
        }
        return .invalidRequest(param: first.path.isEmpty ? nil : first.path, message)
    }

    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capital = first.uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }
}

/// Small typed readers for request members, each failing with a 400 naming the member.
struct MemberReader {
    let members: [String: JSONValue]

    func string(_ key: String, required: Bool = false) throws(MockError) -> String? {
        switch members[key] {
        case nil, .null?:
            if required { throw .invalidRequest(param: key, "'\(key)' is required.") }
            return nil
        case .string(let s)?: return s
        case let other?: throw .invalidRequest(param: key, "'\(key)' must be a string, not \(other.typeName).")
        }
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(MockError) -> Double? {
        let value: Double
        switch members[key] {
        case nil, .null?: return nil
        case .int(let i)?: value = Double(i)
        case .double(let d)?: value = d
        case let other?: throw .invalidRequest(param: key, "'\(key)' must be a number, not \(other.typeName).")
        }
        guard range.contains(value) else {
            throw .invalidRequest(param: key, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value).")
        }
        return value
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(MockError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case .int(let i)?:
            guard range.contains(i) else {
                throw .invalidRequest(param: key, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(i).")
            }
            return i
        case let other?: throw .invalidRequest(param: key, "'\(key)' must be an integer, not \(other.typeName).")
        }
    }

    func oneOf(_ key: String, _ allowed: [String], required: Bool = false) throws(MockError) -> String? {
        guard let value = try string(key, required: required) else { return nil }
        guard allowed.contains(value) else {
            throw .invalidRequest(param: key, "'\(value)' is not a supported \(key); use one of: \(allowed.joined(separator: ", ")).")
        }
        return value
    }

    func bool(_ key: String) throws(MockError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let other?: throw .invalidRequest(param: key, "'\(key)' must be a boolean, not \(other.typeName).")
        }
    }
}
