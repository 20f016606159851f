import Core
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Requests

/// An error answer in the Azure OpenAI shape: `{"error": {"code", "message", "param"?, "type"?}}`.
/// Wording is ours; the shape and status codes are what clients and SDKs parse.
struct MockError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var param: String?
    var type: String?
    /// Close the connection after answering: used when the request body was not read to its end.
    var closeConnection = false
    /// Seconds for a `retry-after` header (throttling answers).
    var retryAfterSeconds: Int?

    /// The body, through the Requests stage's typed model so clients see what the runner decodes.
    var body: AzureErrorResponse {
        AzureErrorResponse(error: AzureError(code: code, message: message, param: param, type: type))
    }

    func response(headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        if closeConnection { headers[.connection] = "close" }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONBody.encode(body))))
    }

    static func unauthorized() -> MockError {
        MockError(
            status: .unauthorized, code: "401",
            message: "Access denied: send a valid key in the 'api-key' header or a token as 'Authorization: Bearer <token>', and check that the endpoint is right.")
    }

    static func resourceNotFound(_ detail: String) -> MockError {
        MockError(status: .notFound, code: "404", message: "Resource not found. \(detail)")
    }

    static func deploymentNotFound(_ name: String, known: [String]) -> MockError {
        MockError(
            status: .notFound, code: "DeploymentNotFound",
            message: "No deployment named '\(name)' exists on this resource (deployments: \(known.joined(separator: ", "))). Check the deployment name, or wait a few minutes if it was just created.")
    }

    static func invalidRequest(param: String?, _ message: String) -> MockError {
        MockError(status: .badRequest, code: "invalid_request_error", message: message, param: param, type: "invalid_request_error")
    }

    static func tooLarge(_ message: String, param: String? = nil, closeConnection: Bool = false) -> MockError {
        MockError(
            status: .contentTooLarge, code: "RequestEntityTooLarge", message: message, param: param,
            type: "invalid_request_error", closeConnection: closeConnection)
    }

    /// The body was still arriving when the body timeout passed; the connection is closed, since
    /// the rest of the body is unread.
    static func bodyTimedOut(after timeout: Duration, received: Int) -> MockError {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return MockError(
            status: .requestTimeout, code: "RequestTimeout",
            message: "The request body did not arrive within \(seconds) seconds (\(received) bytes received). Send the whole body at once, or start the mock with a longer --body-timeout.",
            type: "invalid_request_error", closeConnection: true)
    }

    static func injectedFault(_ status: HTTPResponse.Status) -> MockError {
        let code = status.code == 429 ? "429" : String(status.code)
        let message = status.code == 429
            ? "Requests to this deployment have exceeded the rate limit (fault injected by the docverify mock). Retry after 1 second."
            : "The service answered \(status.code) (fault injected by the docverify mock)."
        let retry = status.code == 429 || status.code == 503 ? 1 : nil
        return MockError(status: status, code: code, message: message, retryAfterSeconds: retry)
    }
}

/// JSON encoding of typed bodies: sorted keys for stable bytes, slashes unescaped like the service.
enum JSONBody {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The models are plain values; encoding cannot fail for them.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
