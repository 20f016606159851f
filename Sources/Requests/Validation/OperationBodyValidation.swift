import Extraction

/// The problems of a body judged by the model of the operation its URL names (never by another's).
struct OperationBodyDecoding {
    var chat: ChatCompletionRequest?
    var embeddings: EmbeddingsRequest?
    var issues: [RequestIssue] = []
    var bindings: [String: Placeholder] = [:]
    var templates: [String: [TemplatePart]] = [:]
    /// False when docverify has no model for the operation's body yet (nothing was checked).
    var checked = true
}

enum OperationBodyValidation {
    static func decode(_ body: SymbolicValue, operation: APIOperation, options: ValidationOptions) -> OperationBodyDecoding {
        switch operation.id {
        case "chat.completions.create":
            let d = RequestValidation.decode(body, options: options)
            return OperationBodyDecoding(chat: d.request, issues: d.issues, bindings: d.bindings, templates: d.templates)
        case "embeddings.create":
            var schema = EmbeddingsSchema()
            let request = schema.request(body)
            let issues = schema.reader.issues
            return OperationBodyDecoding(
                embeddings: issues.isEmpty ? request : nil, issues: issues,
                bindings: schema.reader.bindings, templates: schema.reader.templates)
        default:
            return OperationBodyDecoding(checked: false)
        }
    }
}
