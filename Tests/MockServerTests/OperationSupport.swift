import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

/// Calls for the non-chat operations: a status, the content type and the body, in one value.
struct Reply {
    var status: HTTPResponse.Status
    var contentType: String?
    var bytes: [UInt8]
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var json: JSONValue? { try? JSONValue.parse(text) }
    var error: JSONValue? { json?["error"] }
}

extension Fixture {
    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, json: JSONValue? = nil,
        body: [UInt8]? = nil, contentType: String? = nil, headers extra: HTTPFields = keyHeaders
    ) async throws -> Reply {
        var headers = extra
        if let contentType { headers[.contentType] = contentType } else if json != nil { headers[.contentType] = "application/json" }
        let buffer = json.map(buffer) ?? body.map { ByteBuffer(bytes: $0) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            Reply(status: response.status, contentType: response.headers[.contentType], bytes: Array(buffer: response.body))
        }
    }

    /// A multipart/form-data body with text fields and one file part, as clients write it.
    static func form(fields: [(String, String)], file: (name: String, filename: String, bytes: [UInt8])?, boundary: String = "docverify-test-7d3f")
        -> (body: [UInt8], contentType: String)
    {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// A WAV of `seconds` of 16 kHz mono silence-with-a-tick, for uploads.
    static func wav(seconds: Double, sampleRate: Int = 16_000) -> [UInt8] {
        var pcm = [UInt8](repeating: 0, count: Int(Double(sampleRate) * seconds) * 2)
        if pcm.count > 2 { pcm[1] = 0x10 }
        let saved = AudioSynthesis.wav(pcm: pcm)
        // AudioSynthesis writes 24 kHz headers; patch rate and byte rate for this sample rate.
        var bytes = saved
        for (offset, value) in [(24, sampleRate), (28, sampleRate * 2)] {
            for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
        }
        return bytes
    }

    static func deploymentPath(_ deployment: String, _ suffix: String, apiVersion: String = "2025-01-01-preview") -> String {
        "/openai/deployments/\(deployment)\(suffix)?api-version=\(apiVersion)"
    }
}
