import Core
import Extraction

/// Turns extracted calls into ``BuiltRequest``s, reporting bodies that do not fit the API.
///
/// Each body is checked against the model of the operation its method and URL name
/// (``OperationCatalog``). Rules (errors unless noted, at the call's location, naming the JSON path):
/// - `request-unknown-operation` (warning): the method and URL match no known operation (a note
///   for an operation docverify knows exists but does not model, ``UnmodeledOperations``).
/// - `request-unknown-field`: the body has a member the API does not define.
/// - `request-invalid`: a wrong type, a missing required field, or a value the API does not accept.
public struct RequestBuilder: Sendable {
    public var options: ValidationOptions

    public init(options: ValidationOptions = .spec) {
        self.options = options
    }

    /// Builds one call. `pivot` and `tab` label the findings.
    public func build(_ extracted: ExtractedRequest, pivot: String? = nil, tab: String? = nil) -> BuiltRequest {
        // A follow-up download (an image URL from an earlier answer) is not an API call.
        if extracted.purpose == .download { return BuiltRequest(extracted: extracted, request: nil) }
        guard let operation = OperationCatalog.match(method: extracted.method, path: extracted.path) else {
            var built = BuiltRequest(extracted: extracted, request: nil)
            // Calls to other services on the same page (Azure AI Search, Azure Resource Manager)
            // are not Azure OpenAI calls at all: nothing to say about them.
            guard extracted.path.hasPrefix("/openai/") else { return built }
            if let family = UnmodeledOperations.family(method: extracted.method, path: extracted.path) {
                // A real operation docverify has no model of: its own limit, not the page's.
                built.findings = [Finding(
                    rule: "request-unknown-operation", severity: .note, location: extracted.location,
                    message: "\(extracted.method) \(extracted.urlTemplate) is an operation of \(family), which docverify does not model yet, so its body was not checked and `run` does not send it to the embedded mock",
                    pivot: pivot, tab: tab)]
                return built
            }
            let methods = OperationCatalog.matchPath(extracted.path).map(\.method)
            let hint = methods.isEmpty
                ? "check the path against the Azure OpenAI REST reference"
                : "this path takes \(methods.joined(separator: " or ")), not \(extracted.method)"
            built.findings = [Finding(
                rule: "request-unknown-operation", severity: .warning, location: extracted.location,
                message: "\(extracted.method) \(extracted.urlTemplate) is not an Azure OpenAI operation docverify knows, so its body was not checked; \(hint)",
                pivot: pivot, tab: tab)]
            return built
        }
        if extracted.body == nil, extracted.multipart == nil, operation.id == "chat.completions.create" {
            var built = BuiltRequest(extracted: extracted, request: nil)
            built.operation = operation
            built.issues = [.invalid(path: "", message: "the request has no JSON body")]
            built.findings = [Finding(
                rule: "request-invalid", severity: .error, location: extracted.location,
                message: "chat completions request has no JSON body; send the messages as JSON",
                pivot: pivot, tab: tab)]
            return built
        }
        let decoding = OperationBodyValidation.decode(extracted, operation: operation, options: options)
        let api = Self.apiName(operation)
        let form = operation.body == .multipart
        func finding(_ issue: RequestIssue, _ severity: Severity) -> Finding {
            switch issue {
            case .unknownField(let path):
                let what = form ? "form field" : "request body field"
                let fix = severity == .error ? "remove it or correct its name" : "the service may ignore it; check its name"
                return Finding(
                    rule: "request-unknown-field", severity: severity, location: extracted.location,
                    message: "\(what) '\(path)' is not part of the \(api) API; \(fix)",
                    pivot: pivot, tab: tab)
            case .invalid(let path, let message):
                let subject = path.isEmpty ? "request body" : (form ? "form field '\(path)'" : "request body field '\(path)'")
                return Finding(
                    rule: "request-invalid", severity: severity, location: extracted.location,
                    message: "\(form ? api + " " : "")\(subject): \(message)", pivot: pivot, tab: tab)
            }
        }
        let findings = decoding.issues.map { issue -> Finding in
            // A field an older preview took (often through an endpoint the sample reroutes to):
            // docverify cannot be sure the service refuses it at that version, and the version the
            // page names is one that took it — a note, never blame on the page.
            if case .unknownField(let path) = issue, let since = OlderPreviewFields.acceptedUpTo(path, operation: operation.id),
               case .string(let version)? = extracted.query["api-version"], version.hasSuffix("-preview"),
               APIVersionTable.wellFormedDate(version).map({ $0 <= since }) == true {
                return Finding(
                    rule: "request-unknown-field", severity: .note, location: extracted.location,
                    message: "request body field '\(path)' is not part of the \(api) API now, but previews up to \(since) took it (On Your Data's camelCase form, also on the extensions endpoint); docverify could not be sure api-version '\(version)' refuses it — use the current field if it does",
                    pivot: pivot, tab: tab)
            }
            return finding(issue, .error)
        } + decoding.warnings.map { finding($0, .warning) }
        var built = BuiltRequest(
            extracted: extracted, request: decoding.chat, bindings: decoding.bindings,
            templates: decoding.templates, issues: decoding.issues, findings: findings)
        built.operation = operation
        built.embeddings = decoding.embeddings
        built.typedBody = decoding.body
        return built
    }

    /// The API's name in messages: `chat completions`, `embeddings`.
    static func apiName(_ operation: APIOperation) -> String {
        switch operation.id {
        case "chat.completions.create": "chat completions"
        case "embeddings.create": "embeddings"
        case "completions.create": "completions"
        case "images.generate": "image generations"
        case "audio.speech.create": "text to speech"
        case "audio.transcriptions.create": "audio transcriptions"
        case "audio.translations.create": "audio translations"
        case "assistants.create", "assistants.update": "assistants"
        case "threads.create": "threads"
        case "threads.messages.create": "messages"
        case "threads.runs.create", "threads.runs.createThreadAndRun": "runs"
        case "threads.runs.submitToolOutputs": "submit tool outputs"
        case "files.create": "files"
        default: operation.id
        }
    }

    /// Builds every call of a sample, in order.
    public func build(_ sample: SampleExtraction, pivot: String? = nil, tab: String? = nil) -> [BuiltRequest] {
        sample.requests.map { build($0, pivot: pivot, tab: tab) }
    }

    /// Builds every call of a document: sample id → its requests, plus all their findings in
    /// document order.
    public func build(_ extraction: DocumentExtraction) -> (requests: [Int: [BuiltRequest]], findings: [Finding]) {
        var requests: [Int: [BuiltRequest]] = [:]
        var findings: [Finding] = []
        for (pivot, _, tab, sample) in extraction.document.allSamples {
            guard requests[sample.id] == nil, let sampleExtraction = extraction.samples[sample.id] else { continue }
            let built = build(sampleExtraction, pivot: pivot.id, tab: tab.id)
            requests[sample.id] = built
            findings += built.flatMap(\.findings)
        }
        return (requests, findings)
    }
}
