import Core
import Extraction
import Foundation
import Golden
import Requests
import Runner

/// The doc ↔ golden kind: where a scenario's recorded exchange (its golden file) no longer matches
/// what the page sends or shows. Read statically, nothing is run: the page's requests as extraction
/// reads them are set against the golden's requests (api-version, literal body values, calls made),
/// and the JSON outputs the page shows against the golden's answers (``DocumentedOutputs``, the
/// check `run` makes against live answers).
///
/// Only literal values of the page are compared: a value known at run time (an environment
/// variable, a file's bytes) and a value the golden masked (`<audio-1>`, a digest) say nothing.
public struct GoldenDrift: Sendable {
    public var layout: GoldenLayout
    /// Reads a Markdown file by the path findings use (output blocks are found in the prose).
    public var readFile: @Sendable (String) -> String?

    public init(layout: GoldenLayout, readFile: @escaping @Sendable (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) {
        self.layout = layout
        self.readFile = readFile
    }

    /// The golden rule: a warning, since the page still works; the goldens are what is behind.
    public static let rule = "golden-drift"

    /// Items of one article: `extraction` is the checked document, `article` its path on disk.
    public func items(_ extraction: DocumentExtraction, article: String) -> [DriftItem] {
        let documentPath = layout.documentPath(ofArticle: article)
        let store = GoldenStore(layout: layout)
        var items: [DriftItem] = []
        var seen = Set<String>()
        var results: [ScenarioResult] = []
        for scenario in ScenarioPlanner.plan(extraction) {
            let relative = layout.file(for: scenario, documentPath: documentPath)
            guard let text = store.read(relative), let golden = try? JSONValue.parse(text) else { continue }
            let shown = "\((layout.directory as NSString).lastPathComponent)/\(relative)"
            let exchanges = (golden["exchanges"]?.arrayValue ?? []).enumerated().compactMap { Exchange($0.element, position: $0.offset + 1) }
            let (requestItems, calls) = compare(scenario, exchanges: exchanges, golden: shown, document: extraction.document.file)
            for item in requestItems where seen.insert("\(item.finding.location)|\(item.docSide)|\(item.otherSide)").inserted {
                items.append(item)
            }
            results.append(ScenarioResult(scenario: scenario, status: .passed, reason: nil, calls: calls, findings: [], duration: 0))
        }
        // The outputs the page shows against the recorded answers. Goldens may come from the mock,
        // which leaves out service-only fields: those are not held against the page.
        let report = RunReport(file: extraction.document.file, title: nil, scenarios: results, staticFindings: [])
        let outputs = DocumentedOutputs(usingMock: true, readFile: readFile).check(report, extraction: extraction)
        for finding in outputs where finding.rule == "output-drift" {
            let golden = Finding(rule: Self.rule, severity: .warning, location: finding.location,
                                 message: finding.message.replacingOccurrences(of: "the answer to the call", with: "the golden answer to the call")
                                    .replacingOccurrences(of: "update the output to match the answer", with: "update the output, or record the goldens again"))
            if seen.insert("\(golden.location)|output").inserted {
                items.append(DriftItem(kind: .docGolden, document: extraction.document.file, finding: golden, docSide: "the output shown", otherSide: "the recorded answer"))
            }
        }
        return items
    }

    /// One recorded call: the request as sent, masked, and the answer.
    struct Exchange {
        var method: String
        var path: String
        var query: [String: JSONValue]
        var body: JSONValue?
        var status: Int?
        var response: JSONValue?
        var operation: String?
        /// 1-based place among the golden's exchanges, for messages.
        var position: Int

        init?(_ value: JSONValue, position: Int) {
            self.position = position
            guard let request = value["request"], let method = request["method"]?.stringValue, let path = request["path"]?.stringValue else { return nil }
            self.method = method
            self.path = path
            query = request["query"]?.objectValue ?? [:]
            body = request["body"]
            if case .int(let code)? = value["response"]?["status"] { status = code }
            response = value["response"]?["body"]
            operation = OperationCatalog.match(method: method, path: path)?.id
        }
    }

    /// The page's API calls of `scenario` set against its recorded calls, operation by operation in
    /// order; and the calls as a run would report them (for the output check).
    func compare(_ scenario: Scenario, exchanges: [Exchange], golden: String, document: String) -> ([DriftItem], [CallResult]) {
        var items: [DriftItem] = []
        var calls: [CallResult] = []
        var used: [String: Int] = [:]
        var docOperations = Set<String>()
        func item(_ location: SourceLocation, _ message: String, doc: String, other: String) {
            items.append(DriftItem(
                kind: .docGolden, document: document,
                finding: Finding(rule: Self.rule, severity: .warning, location: location,
                                 message: message + "; if the page is right, record the goldens again (`docverify golden update`)"),
                docSide: doc, otherSide: other))
        }
        for entry in scenario.samples {
            for request in entry.extraction.requests where request.purpose == .api {
                guard let operation = OperationCatalog.match(method: request.method, path: request.path)?.id else { continue }
                docOperations.insert(operation)
                let index = used[operation, default: 0]
                let recorded = exchanges.filter { $0.operation == operation }
                guard index < recorded.count else {
                    // A loop in the page (polling) is one call here and several there; only a call of
                    // an operation the golden never made is new.
                    if recorded.isEmpty {
                        item(request.location, "the page calls \(request.method) \(request.path), which \(golden) never recorded",
                             doc: "\(request.method) \(request.path)", other: "no such call in \(golden)")
                    }
                    continue
                }
                used[operation] = index + 1
                let exchange = recorded[index]
                let where_ = "\(golden) (call \(exchange.position))"
                if case .string(let version)? = request.query["api-version"], let old = exchange.query["api-version"]?.stringValue, version != old {
                    item(request.location, "the page sends api-version \(version) where \(where_) sent \(old)",
                         doc: "api-version=\(version)", other: "api-version=\(old)")
                }
                if let body = request.body, let recordedBody = exchange.body {
                    for difference in Self.differences(doc: body, golden: recordedBody, path: "", depth: 0).prefix(8) {
                        item(request.location, "\(difference.path): the page sends \(difference.doc) where \(where_) sent \(difference.golden)",
                             doc: "\(difference.path) = \(difference.doc)", other: "\(difference.path) = \(difference.golden)")
                    }
                }
                calls.append(CallResult(
                    location: request.location, method: exchange.method, url: exchange.path, status: exchange.status,
                    timings: nil, attempts: 1, response: exchange.response))
            }
        }
        for exchange in exchanges {
            guard let operation = exchange.operation, !docOperations.contains(operation) else { continue }
            docOperations.insert(operation)
            item(scenario.sectionLocation, "\(golden) recorded \(exchange.method) \(exchange.path), which the page no longer calls",
                 doc: "no such call", other: "\(exchange.method) \(exchange.path)")
        }
        return (items, calls)
    }

    struct Difference: Hashable {
        var path: String
        var doc: String
        var golden: String
    }

    static let maxDepth = 32

    /// Literal leaves of the page's body that differ from the recording, and members the recording
    /// has that a fully literal object of the page lacks.
    static func differences(doc: SymbolicValue, golden: JSONValue, path: String, depth: Int) -> [Difference] {
        guard depth < maxDepth, !isMasked(golden) else { return [] }
        func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch doc {
        case .object(let members):
            guard case .object(let recorded) = golden else { return literal(doc).map { [Difference(path: path.isEmpty ? "the body" : path, doc: $0.serialized(), golden: golden.serialized())] } ?? [] }
            var out: [Difference] = []
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                if let other = recorded[key] {
                    out += differences(doc: value, golden: other, path: at(key), depth: depth + 1)
                } else if let shown = literal(value), shown != .null {
                    out.append(Difference(path: at(key), doc: shown.serialized(), golden: "no '\(key)'"))
                }
            }
            for (key, value) in recorded.sorted(by: { $0.key < $1.key }) where members[key] == nil && value != .null && !isMasked(value) {
                out.append(Difference(path: at(key), doc: "no '\(key)'", golden: value.serialized()))
            }
            return out
        case .array(let items):
            guard case .array(let recorded) = golden, recorded.count == items.count else {
                return literal(doc).map { [Difference(path: path, doc: $0.serialized(), golden: golden.serialized())] } ?? []
            }
            return zip(items, recorded).enumerated().flatMap { differences(doc: $0.element.0, golden: $0.element.1, path: "\(path)[\($0.offset)]", depth: depth + 1) }
        default:
            guard let value = literal(doc), !SchemaLikeEquality.equal(value, golden) else { return [] }
            return [Difference(path: path, doc: value.serialized(), golden: golden.serialized())]
        }
    }

    /// The value when the page states it outright; nil when any part is known only at run time.
    static func literal(_ value: SymbolicValue) -> JSONValue? { value.jsonValue }

    /// A value the golden masked or digested: ids (`<audio-1>`), origins, payload digests.
    static func isMasked(_ value: JSONValue) -> Bool {
        if case .string(let s) = value { return s.hasPrefix("<") && s.hasSuffix(">") || s.contains("{mock}") }
        return PayloadDigest.isDigest(value)
    }
}

/// Numbers compare by value (`1` and `1.0` are one number in JSON).
enum SchemaLikeEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): Double(x) == y
        default: a == b
        }
    }
}
