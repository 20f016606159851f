import Core
import Extraction

/// The problems of a body judged by the model of the operation its URL names (never by another's).
public struct OperationBodyDecoding: Hashable, Sendable {
    /// The typed body; nil when it has issues, or when docverify has no model for it.
    public var body: OperationBody?
    /// Errors: the service rejects such a body.
    public var issues: [RequestIssue] = []
    /// Doubts: the service may accept it, but not as the sample expects (unknown form fields).
    public var warnings: [RequestIssue] = []
    public var bindings: [String: Placeholder] = [:]
    public var templates: [String: [TemplatePart]] = [:]
    /// False when nothing was checked (no model for the operation, or a body of the wrong kind
    /// that extraction may have misread).
    public var checked = true

    public var chat: ChatCompletionRequest? { body?.chatCompletion }
    public var embeddings: EmbeddingsRequest? { body?.embeddings }
}

/// Dispatch of a body to its operation's model: JSON bodies to the JSON schemas, form parts to
/// the form models. The mock validates incoming requests with the same entry points.
public enum OperationBodyValidation {
    /// Checks what an extracted call sends: its form parts for a multipart operation, its JSON body
    /// otherwise.
    public static func decode(_ request: ExtractedRequest, operation: APIOperation, options: ValidationOptions = .spec) -> OperationBodyDecoding {
        switch operation.body {
        case .multipart:
            guard let parts = request.multipart else { return OperationBodyDecoding(checked: false) }
            return decode(form: parts, operation: operation)
        case .json:
            guard let body = request.body else { return OperationBodyDecoding(checked: false) }
            return decode(body, operation: operation, options: options)
        case .none:
            return OperationBodyDecoding(checked: false)
        }
    }

    /// A plain JSON body (what a client sent).
    public static func decode(json: JSONValue, operation: APIOperation, options: ValidationOptions = .spec) -> OperationBodyDecoding {
        decode(SymbolicValue(json), operation: operation, options: options)
    }

    /// A JSON body that may hold placeholders.
    public static func decode(_ body: SymbolicValue, operation: APIOperation, options: ValidationOptions = .spec) -> OperationBodyDecoding {
        func finish<T>(_ reader: SymbolicReader, _ value: T?, _ wrap: (T) -> OperationBody) -> OperationBodyDecoding {
            OperationBodyDecoding(
                body: reader.issues.isEmpty ? value.map(wrap) : nil, issues: reader.issues,
                bindings: reader.bindings, templates: reader.templates)
        }
        switch operation.id {
        case "chat.completions.create":
            let d = RequestValidation.decode(body, options: options)
            return OperationBodyDecoding(
                body: d.request.map(OperationBody.chatCompletion), issues: d.issues, bindings: d.bindings, templates: d.templates)
        case "completions.create":
            var s = CompletionsSchema()
            let r = s.request(body)
            return finish(s.reader, r, OperationBody.completion)
        case "embeddings.create":
            // The GA specs declare the embeddings body `additionalProperties: true`: an extra
            // member is not known to be rejected, so it is a doubt, not an error.
            var s = EmbeddingsSchema()
            let r = s.request(body)
            let unknown = s.reader.issues.filter { if case .unknownField = $0 { true } else { false } }
            s.reader.issues.removeAll { unknown.contains($0) }
            var d = finish(s.reader, r, OperationBody.embeddings)
            d.warnings = unknown
            return d
        case "images.generate":
            var s = ImagesSchema()
            let r = s.request(body)
            return finish(s.reader, r, OperationBody.imageGeneration)
        case "audio.speech.create":
            var s = SpeechSchema()
            let r = s.request(body)
            return finish(s.reader, r, OperationBody.speech)
        case "assistants.create", "assistants.update":
            var s = AssistantsSchema()
            let create = operation.id == "assistants.create"
            let r = s.assistant(body, requireModel: create)
            return finish(s.reader, r, create ? OperationBody.assistantCreate : OperationBody.assistantUpdate)
        case "threads.create":
            var s = AssistantsSchema()
            let r = s.thread(body, "")
            return finish(s.reader, r, OperationBody.threadCreate)
        case "threads.messages.create":
            var s = AssistantsSchema()
            let r = s.message(body, "")
            return finish(s.reader, r, OperationBody.messageCreate)
        case "threads.runs.create", "threads.runs.createThreadAndRun":
            var s = AssistantsSchema()
            let both = operation.id == "threads.runs.createThreadAndRun"
            let r = s.run(body, threadAndRun: both)
            return finish(s.reader, r, both ? OperationBody.threadAndRun : OperationBody.runCreate)
        case "threads.runs.submitToolOutputs":
            var s = AssistantsSchema()
            let r = s.submitToolOutputs(body)
            return finish(s.reader, r, OperationBody.submitToolOutputs)
        default:
            return OperationBodyDecoding(checked: false)
        }
    }

    /// Form parts (`multipart/form-data`).
    public static func decode(form parts: [MultipartPart], operation: APIOperation) -> OperationBodyDecoding {
        var s = FormSchema()
        let body: OperationBody?
        switch operation.id {
        case "audio.transcriptions.create": body = s.audioForm(parts, translation: false).map(OperationBody.transcription)
        case "audio.translations.create": body = s.audioForm(parts, translation: true).map(OperationBody.translation)
        case "files.create": body = s.fileUploadForm(parts).map(OperationBody.fileUpload)
        default: return OperationBodyDecoding(checked: false)
        }
        return OperationBodyDecoding(
            body: s.reader.issues.isEmpty ? body : nil, issues: s.reader.issues, warnings: s.warnings,
            bindings: s.reader.bindings, templates: s.reader.templates)
    }
}
