import Foundation

/// Decoding of a chat completion response body with a problem report in the shared path notation,
/// for the runner's `response-invalid` check.
public enum ResponseDecoding {
    /// The typed response, or the first problem (`JSONDecoder` stops at one) with its JSON path.
    public static func decode(_ data: Data) -> Result<ChatCompletionResponse, ResponseDecodingProblem> {
        do {
            return .success(try JSONDecoder().decode(ChatCompletionResponse.self, from: data))
        } catch let error as DecodingError {
            return .failure(ResponseDecodingProblem(error))
        } catch {
            return .failure(ResponseDecodingProblem(path: "", message: "\(error)"))
        }
    }
}

/// Why a response did not decode, at a path like `choices[0].message.audio.expires_at`.
public struct ResponseDecodingProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(_ error: DecodingError) {
        func render(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { path, key in
                if let i = key.intValue { return JSONPath.element(path, i) }
                return JSONPath.member(path, key.stringValue)
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath.member(render(context.codingPath), key.stringValue), message: "missing required field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            self.init(path: render(context.codingPath), message: "expected \(Self.jsonType(type)), found another type")
        case .valueNotFound(let type, let context):
            self.init(path: render(context.codingPath), message: "expected \(Self.jsonType(type)), found null")
        case .dataCorrupted(let context):
            self.init(path: render(context.codingPath), message: context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription)
        @unknown default:
            self.init(path: "", message: "\(error)")
        }
    }

    static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
