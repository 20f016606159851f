import Core
import Foundation
import Runner
import Transport

/// One call of the HTML report: request and response with credentials redacted, bodies
/// pretty-printed and cut, audio the scenario received turned into an `<audio controls>` player.
enum HTMLExchange {
    /// Bodies longer than this are cut, so one big answer cannot make the page unreadable.
    static let bodyLimit = 16 * 1024
    /// A JSON string at least this long that decodes as base64 audio is shown as a player, not text.
    static let audioMinimum = 256
    /// JSON deeper than this is shown as it is, unwalked.
    static let depthLimit = 64

    static func render(_ call: CallResult, root: String?, redactor: SecretRedactor) -> String {
        let at = "\(relativePath(call.location.file, root: root)):\(call.location.line)"
        let status = call.status.map(String.init) ?? "no answer"
        let statusClass = call.status.map { (200..<300).contains($0) ? "ok" : "bad" } ?? "bad"
        var out = "<div class=\"call\"><p class=\"request-line\"><code>\(e(call.method))</code> <code class=\"url\">\(e(redactor.redact(call.url)))</code> "
            + "→ <span class=\"status \(statusClass)\">\(e(status))</span>"
        if let t = call.timings { out += " <span class=\"time\">\(String(format: "%.0f ms", t.total * 1000))</span>" }
        if call.attempts > 1 { out += " <span class=\"attempts\">\(call.attempts) attempts</span>" }
        out += " <span class=\"from\">from <code>\(e(at))</code></span></p>\n"
        guard let exchange = call.exchange else { return out + "</div>\n" }
        out += "<details class=\"request\"><summary>Request</summary>\(headers(exchange.request.headers, redactor: redactor))"
        if let sent = exchange.request.body, !sent.isEmpty {
            out += body(sent, contentType: exchange.request.headers["content-type"], redactor: redactor, playAudio: false)
        }
        out += "</details>\n"
        if let response = exchange.response {
            out += "<details class=\"response\" open><summary>Response \(response.status)</summary>\(headers(response.headers, redactor: redactor))"
            if !response.body.isEmpty {
                out += body(response.body, contentType: response.headers["content-type"], redactor: redactor, playAudio: true)
            }
            out += "</details>\n"
        }
        return out + "</div>\n"
    }

    static func headers(_ headers: HTTPHeaders, redactor: SecretRedactor) -> String {
        guard !headers.isEmpty else { return "" }
        var out = "<table class=\"headers\">"
        for header in headers {
            let value = redactor.redactHeader(name: header.name, value: header.value)
            out += "<tr><th>\(e(header.name))</th><td>\(e(value))</td></tr>"
        }
        return out + "</table>"
    }

    /// A body as the reader would want it: audio as a player, JSON pretty-printed with base64
    /// blobs elided, other text as it is, binary as its size; anything past ``bodyLimit`` cut.
    static func body(_ data: Data, contentType: String?, redactor: SecretRedactor, playAudio: Bool) -> String {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.hasPrefix("audio/") {
            return playAudio ? player(data, mime: audioMIME(data) ?? type) : "<p class=\"binary\">\(data.count) bytes of \(e(type))</p>"
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return "<p class=\"binary\">\(data.count) bytes of \(e(type.isEmpty ? "binary data" : type))</p>"
        }
        var players: [String] = []
        var shown = text
        if type.contains("json") || text.first == "{" || text.first == "[", let json = try? JSONValue.parse(text) {
            shown = elideBase64(json, players: &players, playAudio: playAudio, depth: 0).serialized(pretty: true)
        }
        shown = redactor.redact(shown)
        var out = "<pre class=\"body\">\(e(cut(shown)))</pre>"
        if shown.utf8.count > bodyLimit { out += "<p class=\"cut\">cut at \(bodyLimit / 1024) KiB of \(shown.utf8.count) bytes</p>" }
        return out + players.joined()
    }

    static func cut(_ text: String) -> String {
        guard text.utf8.count > bodyLimit else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: bodyLimit)
        while end > text.startIndex, !text.unicodeScalars.indices.contains(end) { end = text.utf8.index(before: end) }
        return String(text[..<end]) + "\n…"
    }

    /// Long base64 strings become a short note; those that decode as audio also become players
    /// (only in responses: that is the audio the scenario received).
    static func elideBase64(_ value: JSONValue, players: inout [String], playAudio: Bool, depth: Int) -> JSONValue {
        guard depth < depthLimit else { return value }
        switch value {
        case .string(let s) where s.count >= audioMinimum:
            guard let data = Data(base64Encoded: s) else { return value }
            if let mime = audioMIME(data) {
                if playAudio { players.append(player(data, mime: mime)) }
                return .string("<\(mime), \(data.count) bytes\(playAudio ? ": player below" : "")>")
            }
            // Text that merely looks like base64 (a long run of letters) stays as it is.
            if String(data: data, encoding: .utf8) != nil { return value }
            return .string("<base64, \(data.count) bytes>")
        case .array(let items):
            return .array(items.map { elideBase64($0, players: &players, playAudio: playAudio, depth: depth + 1) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                out[key] = elideBase64(members[key]!, players: &players, playAudio: playAudio, depth: depth + 1)
            }
            return .object(out)
        default:
            return value
        }
    }

    static func player(_ data: Data, mime: String) -> String {
        "<div class=\"audio\"><audio controls preload=\"none\" src=\"data:\(e(mime));base64,\(data.base64EncodedString())\"></audio>"
            + " <span>\(e(mime)), \(data.count) bytes</span></div>"
    }

    /// The audio type from the bytes' magic numbers, or nil when they are not audio.
    static func audioMIME(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if starts([0x52, 0x49, 0x46, 0x46]), starts([0x57, 0x41, 0x56, 0x45], at: 8) { return "audio/wav" }
        if starts([0x66, 0x4C, 0x61, 0x43]) { return "audio/flac" }
        if starts([0x4F, 0x67, 0x67, 0x53]) { return "audio/ogg" }
        if starts([0x49, 0x44, 0x33]) || (head.count >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0) { return "audio/mpeg" }
        return nil
    }

    static func e(_ text: String) -> String { HTMLReport.escape(text) }
}
