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
        let sent = recorder.record(RecordedExchange(request: request, response: nil), masker: &masker)["request"] ?? .null
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
            body: StandInBytes.body(entry.response["body"] ?? .null, contentType: contentType), timings: timings)
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

    /// Names the closest recording and how the request differs from it.
    func missingMessage(_ sent: JSONValue) -> String {
        let what = "\(sent["method"]?.stringValue ?? "?") \(sent["path"]?.stringValue ?? "?")"
        let samePath = all.filter { $0.request["method"] == sent["method"] && $0.request["path"] == sent["path"] }
        let candidates = samePath.isEmpty ? all : samePath
        let diff = GoldenDiff(mode: .exact)
        let scored = candidates.map { ($0, diff.compare(expected: $0.request, actual: sent)) }
        guard let best = scored.min(by: { $0.1.count < $1.1.count }) else {
            return "no golden recording answers \(what); record the goldens with `docverify golden update` first"
        }
        let shown = best.1.prefix(3).map(\.description).joined(separator: "; ")
        return "no golden recording answers \(what); the closest, \(best.0.file) call \(best.0.index + 1), differs at \(shown); "
            + "if the change is intended, record it again with `docverify golden update --endpoint URL`"
    }
}
