import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

/// Requests and answers in the shapes the tests need, written by us.
enum Fixture {
    static let deployment = "gpt-4o-audio-preview"
    static let apiVersion = "2025-01-01-preview"
    static let apiKey = HTTPField.Name("api-key")!

    static func chatPath(deployment: String = deployment, apiVersion: String? = apiVersion) -> String {
        let base = "/openai/deployments/\(deployment)/chat/completions"
        return apiVersion.map { "\(base)?api-version=\($0)" } ?? base
    }

    static var keyHeaders: HTTPFields { [apiKey: "test-key-123"] }

    /// A text question asking for a spoken answer.
    static func audioRequest(voice: String = "alloy", format: String = "wav", question: String = "Is a red panda a kind of bear?") -> JSONValue {
        .object([
            "model": .string(deployment),
            "modalities": .array([.string("text"), .string("audio")]),
            "audio": .object(["voice": .string(voice), "format": .string(format)]),
            "messages": .array([.object(["role": .string("user"), "content": .string(question)])]),
        ])
    }

    static func textRequest(_ question: String) -> JSONValue {
        .object(["messages": .array([.object(["role": .string("user"), "content": .string(question)])])])
    }

    /// A user turn carrying base64 audio.
    static func audioInputRequest(base64: String, format: String = "wav") -> JSONValue {
        .object([
            "modalities": .array([.string("text")]),
            "messages": .array([
                .object([
                    "role": .string("user"),
                    "content": .array([
                        .object(["type": .string("text"), "text": .string("What is in this recording?")]),
                        .object(["type": .string("input_audio"), "input_audio": .object(["data": .string(base64), "format": .string(format)])]),
                    ]),
                ])
            ]),
        ])
    }

    static func buffer(_ value: JSONValue) -> ByteBuffer { ByteBuffer(string: value.serialized()) }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONValue.parse(String(buffer: response.body))
    }

    static func json(_ response: TestClient.Response) throws -> JSONValue {
        try JSONValue.parse(String(buffer: response.body ?? ByteBuffer()))
    }

    /// The decoded `choices[0].message.audio.data` of an answer.
    static func audioBytes(_ answer: JSONValue) -> [UInt8]? {
        guard let text = answer["choices"]?[0]?["message"]?["audio"]?["data"]?.stringValue,
            let data = Data(base64Encoded: text)
        else { return nil }
        return [UInt8](data)
    }

    static func app(profile: MockProfile = .default, options: MockServerOptions = .init()) throws -> some ApplicationProtocol {
        try MockServer(profile: profile, options: options).application()
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-mock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
