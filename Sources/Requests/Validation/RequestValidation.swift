import Core
import Extraction

/// The outcome of strictly decoding a request body.
public struct RequestDecoding: Hashable, Sendable {
    /// The typed request; nil when any issue was found (a strict decoder does not guess).
    public var request: ChatCompletionRequest?
    /// Every problem, in schema order, each with its JSON path.
    public var issues: [RequestIssue]
    /// JSON path → the placeholder found there (a stand-in of the expected type is in `request`).
    public var bindings: [String: Placeholder]
    /// JSON path → a string built from literal text and placeholders.
    public var templates: [String: [TemplatePart]]

    public var isValid: Bool { issues.isEmpty }
}

/// Strict decoding of chat completion request bodies against the 2025-01-01-preview schema.
///
/// Unlike `JSONDecoder`, it rejects unknown members and reports all problems at once, each with a
/// path the mock server returns as `param` and extraction reports in findings.
public enum RequestValidation {
    /// Decodes a plain JSON body (what a client sent).
    public static func decode(_ body: JSONValue, options: ValidationOptions = .spec) -> RequestDecoding {
        decode(SymbolicValue(body), options: options)
    }

    /// Decodes a body that may contain placeholders (what a sample's code will send).
    public static func decode(_ body: SymbolicValue, options: ValidationOptions = .spec) -> RequestDecoding {
        var schema = RequestSchema(options: options)
        let request = schema.request(body)
        let issues = schema.reader.issues
        return RequestDecoding(
            request: issues.isEmpty ? request : nil, issues: issues,
            bindings: schema.reader.bindings, templates: schema.reader.templates)
    }

    /// Just the problems of a plain JSON body.
    public static func issues(in body: JSONValue, options: ValidationOptions = .spec) -> [RequestIssue] {
        decode(body, options: options).issues
    }
}
