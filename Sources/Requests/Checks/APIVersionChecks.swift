import Core
import Extraction
import Quickstart

/// Checks of each call's literal `api-version` against ``APIVersionTable``:
///
/// - `api-version-unknown` (error): a dated version that was never published, or a value that is
///   no api-version at all. A well-formed date newer than the table's newest entry is only a
///   note: the table may be older than the docs. `preview` / `latest` / `v1` (values of the
///   `/openai/v1/` URL form) on a deployment URL are a warning.
/// - `api-version-unsupported` (error): the version is published but lacks the operation, or a
///   feature the literal body uses.
/// - `api-version-missing` (error): a deployment-form or `/openai/assistants|threads|files` URL
///   written out in a command or HTTP block (curl, `.http`, PowerShell) with no `api-version`
///   query. SDK clients add their own query (`api_version`, `OPENAI_API_VERSION`), and `requests`
///   / `fetch` code may pass it in a `params` value docverify cannot always see, so those are
///   not judged here.
///
/// Only literal values are judged; a placeholder or environment variable says nothing. The
/// `/openai/v1/…` form takes no dated api-version and is skipped.
public enum APIVersionChecks {
    /// Clients whose whole URL the sample writes out, so a missing query is the page's.
    static let rawHTTPClients: Set<RequestClient> = [.curl, .httpBlock, .powershell]
    /// The `/openai/v1/` form's version values.
    static let v1Values: Set<String> = ["v1", "preview", "latest"]

    /// All api-version findings of a document, each sample once.
    public static func run(_ extraction: DocumentExtraction) -> [Finding] {
        var seen = Set<Int>()
        var findings: [Finding] = []
        for (pivot, _, tab, sample) in extraction.document.allSamples where seen.insert(sample.id).inserted {
            for request in extraction.samples[sample.id]?.requests ?? [] {
                findings += check(request, pivot: pivot.id, tab: tab.id)
            }
        }
        return findings
    }

    /// The api-version findings of one call.
    public static func check(_ request: ExtractedRequest, pivot: String? = nil, tab: String? = nil) -> [Finding] {
        guard request.purpose == .api,
              let operation = OperationCatalog.match(method: request.method, path: request.path),
              !isV1(request.path)
        else { return [] }
        func finding(_ rule: String, _ severity: Severity, _ message: String) -> Finding {
            Finding(rule: rule, severity: severity, location: request.location, message: message, pivot: pivot, tab: tab)
        }
        guard let value = request.query["api-version"] else {
            guard rawHTTPClients.contains(request.client) else { return [] }
            return [finding("api-version-missing", .error,
                "\(request.method) \(request.urlTemplate) has no 'api-version' query, so the service rejects it; add ?api-version=\(suggestion(for: operation.id))")]
        }
        guard case .string(let version) = value else { return [] }
        // `<api_version>`, `YOUR_API_VERSION`: the reader picks the version; nothing to judge.
        if ReaderValues.isReaderValue(version) { return [] }
        // Case is not judged: whether the service folds it is not known, and a miss is cheaper
        // than a false alarm.
        guard let info = APIVersionTable.info(version) ?? APIVersionTable.info(version.lowercased()) else {
            return [unknown(version, finding)]
        }
        if !info.operations.contains(operation.id) {
            return [finding("api-version-unsupported", .error,
                "api-version '\(version)' has no \(operation.id) operation\(firstWith(operation: operation.id)); use \(suggestion(for: operation.id)) or another version that has it")]
        }
        return APIFeatureUse.uses(in: request.body, operation: operation).compactMap { use in
            guard !info.features.contains(use.feature) else { return nil }
            let first = APIVersionTable.versions.first { $0.features.contains(use.feature) }?.version
            return finding("api-version-unsupported", .error,
                "api-version '\(version)' does not accept \(use.name) (request body field '\(use.path)')\(first.map { "; it arrived in \($0), use that version or a later one" } ?? "")")
        }
    }

    static func unknown(_ version: String, _ finding: (String, Severity, String) -> Finding) -> Finding {
        if APIVersionTable.isNewerThanKnown(version) {
            return finding("api-version-unknown", .note,
                "api-version '\(version)' is newer than the newest version docverify knows (\(APIVersionTable.versions.last!.version)); docverify's table may be out of date, so it was not checked")
        }
        if v1Values.contains(version.lowercased()) {
            return finding("api-version-unknown", .warning,
                "api-version '\(version)' belongs to the /openai/v1/ URL form; a deployment URL takes a dated version such as \(newestGA)")
        }
        let near = APIVersionTable.wellFormedDate(version).map { " (closest published: \(closest(to: $0)))" } ?? ""
        return finding("api-version-unknown", .error,
            "api-version '\(version)' is not a published Azure OpenAI api-version\(near); use a published one such as \(newestGA) (GA) or \(APIVersionTable.versions.last!.version)")
    }

    static func isV1(_ path: String) -> Bool {
        path == "/openai/v1" || path.hasPrefix("/openai/v1/")
    }

    static var newestGA: String {
        APIVersionTable.versions.last { !$0.isPreview }?.version ?? ""
    }

    /// A version to suggest for an operation: the newest GA one that has it, else the newest.
    static func suggestion(for operation: String) -> String {
        let serving = APIVersionTable.versions.filter { $0.operations.contains(operation) }
        return (serving.last { !$0.isPreview } ?? serving.last)?.version ?? newestGA
    }

    static func firstWith(operation: String) -> String {
        APIVersionTable.versions(serving: operation).first.map { " (it arrived in \($0))" } ?? ""
    }

    /// The published versions whose dates are nearest `date` (before and after).
    static func closest(to date: String) -> String {
        let names = APIVersionTable.versions.map(\.version)
        let before = names.last { String($0.prefix(10)) < date }
        let after = names.first { String($0.prefix(10)) > date }
        return [before, after].compactMap { $0 }.joined(separator: ", ")
    }
}
