import Core
import Foundation
import Runner
import Transport

/// Answers requests from golden files instead of a service: VCR-style playback of recorded answers,
/// so a job without credentials checks the docs against what the service answered once.
///
/// A request is matched by its canonical form: method, path, query and body after the same
/// masking the goldens had. Binary payloads are matched by size and media, not by digest: the
/// stand-ins a replay answers with (see ``StandInBytes``) are not the recorded bytes.
public struct ReplayBook: Sendable {
    struct Entry: Sendable {
        var file: String
        var index: Int
        var request: JSONValue
        var response: JSONValue
    }

    var entries: [String: Entry] = [:]
    var all: [Entry] = []
    /// Response header marking an answer for a request with no recording.
    public static let missingHeader = "x-docverify-replay-missing"

    /// Every exchange of every golden under `folders` (relative to the layout's golden dir).
    public init(layout: GoldenLayout, folders: [String]) {
        let store = GoldenStore(layout: layout)
        let top = (layout.directory as NSString).lastPathComponent
        for folder in folders {
            for file in store.files(under: folder) {
                guard let text = store.read(file), let json = try? JSONValue.parse(text) else { continue }
                for (i, exchange) in (json["exchanges"]?.arrayValue ?? []).enumerated() {
                    guard let request = exchange["request"], let response = exchange["response"], response != .null else { continue }
                    let entry = Entry(file: "\(top)/\(file)", index: i, request: Self.canonical(request), response: response)
                    all.append(entry)
                    let key = entry.request.serialized()
                    if entries[key] == nil { entries[key] = entry }
                }
            }
        }
    }

    /// Number of recorded exchanges.
    public var count: Int { all.count }

    /// A responder for ``RunConfiguration/responder``.
    public func responder(recorder: GoldenRecorder) -> @Sendable (HTTPRequest) async -> HTTPResponse {
        { request in self.answer(request, recorder: recorder) }
    }

    func answer(_ request: HTTPRequest, recorder: GoldenRecorder) -> HTTPResponse {
        var masker = VolatileMasker()
        let sent = recorder.redactor.redact(recorder.record(RecordedExchange(request: request, response: nil), masker: &masker)["request"] ?? .null)
        let key = Self.canonical(sent)
        let timings = Timings(nameLookup: 0, connect: 0, tls: nil, firstByte: 0, total: 0)
        guard let entry = entries[key.serialized()] else {
            let body = JSONValue.object(["error": .object(["code": .string("GoldenMissing"), "message": .string(missingMessage(key))])])
            return HTTPResponse(status: 404, headers: ["content-type": "application/json", Self.missingHeader: "1"],
                                body: Data(body.serialized().utf8), timings: timings)
        }
        let contentType = entry.response["contentType"]?.stringValue ?? "application/json"
        return HTTPResponse(
            status: entry.response["status"].flatMap { if case .int(let s) = $0 { s } else { nil } } ?? 200,
            headers: ["content-type": contentType],
            body: Self.unmaskingMockOrigin(StandInBytes.body(entry.response["body"] ?? .null, contentType: contentType), contentType: contentType),
            timings: timings)
    }

    /// URLs the mock handed out were recorded as `{mock}/…`; replayed, they point at the replay's
    /// own address, so a follow-up download is answered from its recording too.
    static func unmaskingMockOrigin(_ body: Data, contentType: String) -> Data {
        guard contentType.contains("json") || contentType.hasPrefix("text/") else { return body }
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("{mock}") else { return body }
        return Data(text.replacingOccurrences(of: "{mock}", with: DocumentRunner.replayBaseURL).utf8)
    }

    /// Method, path, query and body; headers (credentials, user agents) are not part of a match.
    static func canonical(_ request: JSONValue) -> JSONValue {
        .object([
            "method": request["method"] ?? .null, "path": request["path"] ?? .null,
            "query": request["query"] ?? .null, "body": withoutDigests(request["body"] ?? .null, depth: 0),
        ])
    }

    static func withoutDigests(_ value: JSONValue, depth: Int) -> JSONValue {
        guard depth < VolatileMasker.maxDepth else { return value }
        if PayloadDigest.isDigest(value), var members = value.objectValue {
            members["sha256"] = nil
            if var media = members["media"]?.objectValue { media["durationMs"] = nil; media["frames"] = nil; members["media"] = .object(media) }
            return .object(members)
        }
        switch value {
        case .array(let items): return .array(items.map { withoutDigests($0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { withoutDigests($0, depth: depth + 1) })
        default: return value
        }
    }

    /// A changed value weighs less than a missing one or one of another type: an edited prompt is
    /// closer to its own recording than to one with a different message shape.
    static func distance(_ differences: [GoldenDifference]) -> Double {
        differences.reduce(0.0) { sum, d in
            guard let e = d.expected, let a = d.actual else { return sum + 2 }
            guard e.typeName == a.typeName, d.note == nil else { return sum + 3 }
            if let x = e.stringValue, let y = a.stringValue { return sum + 0.5 + 0.5 * dissimilarity(x, y) }
            return sum + 1
        }
    }

    /// 0 for equal strings, 1 for strings with no common prefix or suffix.
    static func dissimilarity(_ x: String, _ y: String) -> Double {
        let a = Array(x), b = Array(y)
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 0 }
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return 1 - Double(prefix + suffix) / Double(longest)
    }

    /// Names the closest recording and how the request differs from it.
    func missingMessage(_ sent: JSONValue) -> String {
        let what = "\(sent["method"]?.stringValue ?? "?") \(sent["path"]?.stringValue ?? "?")"
        let samePath = all.filter { $0.request["method"] == sent["method"] && $0.request["path"] == sent["path"] }
        let candidates = samePath.isEmpty ? all : samePath
        let diff = GoldenDiff(mode: .exact)
        let scored = candidates.map { ($0, diff.compare(expected: $0.request, actual: sent)) }
        guard let best = scored.min(by: { Self.distance($0.1) < Self.distance($1.1) }) else {
            return "no golden recording answers \(what); record the goldens with `docverify golden update` first"
        }
        let shown = best.1.prefix(3).map(\.description).joined(separator: "; ")
        return "no golden recording answers \(what); the closest, \(best.0.file) call \(best.0.index + 1), differs at \(shown); "
            + "if the change is intended, record it again with `docverify golden update --endpoint URL`"
    }
}
