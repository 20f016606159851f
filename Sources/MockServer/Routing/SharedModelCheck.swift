import Core
import Extraction
import Requests

/// Judges a request body with the Requests stage's model of its operation, the same one `check`
/// uses, so the mock never accepts what `check` rejects or the other way round. The handlers then
/// check only what a server alone can (ids exist, uploads are audio, sizes fit).
enum SharedModelCheck {
    static func json(_ members: [String: JSONValue], route: MockRoute) throws(MockError) {
        let decoding = OperationBodyValidation.decode(json: .object(members), operation: route.operation)
        try fail(decoding.issues)
    }

    static func form(_ form: MultipartForm, route: MockRoute) throws(MockError) {
        let parts = form.parts.map { part in
            MultipartPart(
                name: part.name, value: part.filename == nil ? .string(part.text) : .string(""), filename: part.filename,
                contentType: part.contentType)
        }
        try fail(OperationBodyValidation.decode(form: parts, operation: route.operation).issues)
    }

    private static func fail(_ issues: [RequestIssue]) throws(MockError) {
        if let error = JSONRequest.problems(issues.map { ($0.path, $0.message) }) { throw error }
    }
}
