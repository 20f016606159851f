import Core

/// Values a page tells the reader to replace with their own (`YOUR_RESOURCE_NAME`,
/// `<your-endpoint>`, `YOUR-DEPLOYMENT-NAME-HERE`, `REPLACE_WITH_YOUR_KEY_VALUE_HERE`,
/// `<your-api-key>`): the one table of their patterns, and the pass that marks them in a request's
/// endpoint, deployment and key as ``Placeholder/readerValue(kind:text:)``.
public enum ReaderValues {
    /// Phrases that mark a stand-in, matched case-insensitively at the start of a word.
    static let markers: [String] = ["your_", "your-", "your ", "replace_with", "replace-with", "replace with", "insert_your", "insert-your"]

    /// The markers as Characters, made once: the search below runs for every request's endpoint,
    /// deployment and key.
    static let markerCharacters: [[Character]] = markers.map(Array.init)

    /// True when `text` is (or holds) a stand-in for the reader's own value.
    ///
    /// Each Character-wise test runs only when the text's bytes hold what it looks for (a `<`, the
    /// bytes of `Your`, of a marker): a Character sequence can only match where its bytes appear, so
    /// skipping the others gives the same answer without building Character arrays for most values.
    public static func isReaderValue(_ text: String) -> Bool {
        if containsBracedName(text) { return true }
        let lowerText = text.lowercased()
        let hasAngle = lowerText.utf8.contains(UInt8(ascii: "<"))
        let candidates = markers.indices.filter { ASCIIScan.contains(lowerText, markers[$0]) }
        let lower = hasAngle || !candidates.isEmpty ? Array(lowerText) : []
        // `<your-endpoint>`, `<resource-name>`: angle brackets around a name.
        if hasAngle, let open = lower.firstIndex(of: "<"), let close = lower[open...].firstIndex(of: ">"), close > open + 1,
           lower[open + 1].isLetter, lower[close - 1] != " ",
           lower[(open + 1)..<close].allSatisfy({ $0.isLetter || $0.isNumber || "-_ .".contains($0) }) {
            return true
        }
        // `YourDeploymentName`, `YourResourceName`: CamelCase stand-ins.
        if ASCIIScan.contains(text, "Your") {
            let original = Array(text)
            var j = 0
            while j + 4 < original.count {
                if original[j] == "Y", original[j + 1] == "o", original[j + 2] == "u", original[j + 3] == "r",
                   original[j + 4].isUppercase, j == 0 || !original[j - 1].isLetter {
                    return true
                }
                j += 1
            }
        }
        for index in candidates {
            let m = markerCharacters[index]
            var i = 0
            while i + m.count <= lower.count {
                if lower[i] == m[0], lower[i..<(i + m.count)].elementsEqual(m), i == 0 || !lower[i - 1].isLetter { return true }
                i += 1
            }
        }
        return false
    }

    /// True when `text` holds a URI parameter written as the REST reference writes them:
    /// `{endpoint}`, `{deployment-id}`, `{api-version}` — a name in single braces (not `${…}` or
    /// `{{…}}`, which are variables of a shell or an HTTP client).
    static func containsBracedName(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return false }
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "{", i == 0 || (chars[i - 1] != "$" && chars[i - 1] != "{"),
                  i + 1 < chars.count, chars[i + 1] != "{" else { continue }
            var j = i + 1
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || "-_.".contains(chars[j]) { j += 1 }
            if j < chars.count, chars[j] == "}", j > i + 1, chars[(i + 1)..<j].contains(where: \.isLetter),
               j + 1 == chars.count || chars[j + 1] != "}" {
                return true
            }
        }
        return false
    }

    /// `request` with reader values marked, and the texts found (for `placeholder-value`).
    static func mark(_ request: ExtractedRequest) -> (ExtractedRequest, [(ReaderValueKind, String)]) {
        var request = request
        var found: [(ReaderValueKind, String)] = []
        func mark(_ value: SymbolicValue?, _ kind: ReaderValueKind) -> SymbolicValue? {
            guard let value else { return nil }
            switch value {
            case .string(let s) where isReaderValue(s):
                found.append((kind, s))
                return .placeholder(.readerValue(kind: kind, text: s))
            case .placeholder(.unknown(let text)) where containsBracedName(text):
                // `{deployment-id}` in an HTTP block's URL: a URI parameter the reader fills in.
                found.append((kind, text))
                return .placeholder(.readerValue(kind: kind, text: text))
            case .template(let parts):
                if parts.contains(where: { if case .placeholder(.unknown(let t)) = $0 { containsBracedName(t) } else { false } }) {
                    let text = parts.map { part -> String in
                        switch part {
                        case .literal(let l): l
                        case .placeholder(.unknown(let t)): t
                        case .placeholder(let p): "{\(p.shortName)}"
                        }
                    }.joined()
                    found.append((kind, text))
                    return .placeholder(.readerValue(kind: kind, text: text))
                }
                // `Bearer <your-token>`: keep the literal prefix, mark the rest.
                if case .literal(let first)? = parts.first, first.lowercased().hasPrefix("bearer "), kind == .apiKey {
                    let rest = String(first.dropFirst(7))
                    if parts.count == 1, isReaderValue(rest) {
                        found.append((kind, rest))
                        return .template([.literal("Bearer "), .placeholder(.readerValue(kind: kind, text: rest))])
                    }
                    return value
                }
                let literals = parts.compactMap { if case .literal(let l) = $0 { l } else { nil } }
                if literals.contains(where: isReaderValue) {
                    let text = value.contractJSON.stringValue ?? literals.joined()
                    found.append((kind, text))
                    return .placeholder(.readerValue(kind: kind, text: text))
                }
                return value
            default:
                return value
            }
        }
        guard request.purpose == .api else { return (request, []) }
        markResourceIDs(&request, &found)
        request.endpoint = mark(request.endpoint, .endpoint) ?? request.endpoint
        request.deployment = mark(request.deployment, .deployment)
        if let key = request.headers["api-key"] { request.headers["api-key"] = mark(key, .apiKey) }
        if case .string(let s)? = request.headers["authorization"], s.lowercased().hasPrefix("bearer ") {
            request.headers["authorization"] = mark(.template([.literal(s)]), .apiKey)
        } else if let auth = request.headers["authorization"] {
            request.headers["authorization"] = mark(auth, .apiKey)
        }
        return (request, found)
    }

    /// Collections whose next path segment is an id (`/threads/{id}`), and the hole name it gets.
    static let idCollections: [String: String] = [
        "threads": "thread_id", "runs": "run_id", "assistants": "assistant_id", "messages": "message_id",
        "files": "file_id", "steps": "step_id",
    ]
    /// Segments after a collection that are sub-collections or actions, not ids.
    static let notIDs: Set<String> = ["runs", "messages", "steps", "cancel", "submit_tool_outputs", "content", "files"]

    /// A literal id in an assistants-style path (`/openai/threads/thread_abc123/messages`) can only
    /// be an example from the page's own earlier output: it becomes a hole the Runner fills.
    static func markResourceIDs(_ request: inout ExtractedRequest, _ found: inout [(ReaderValueKind, String)]) {
        var segments = request.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for i in segments.indices.dropFirst() {
            guard let hole = idCollections[segments[i - 1]], !segments[i].isEmpty, !segments[i].hasPrefix("{"),
                  !notIDs.contains(segments[i]), request.pathParameters[hole] == nil else { continue }
            found.append((.resourceID, segments[i]))
            request.pathParameters[hole] = .placeholder(.readerValue(kind: .resourceID, text: segments[i]))
            segments[i] = "{\(hole)}"
            changed = true
        }
        if changed { request.path = segments.joined(separator: "/") }
    }

    /// The `placeholder-value` note for one reader value of a call.
    static func finding(_ kind: ReaderValueKind, _ text: String, at location: SourceLocation, pivot: String?, tab: String?) -> Finding {
        let message: String = switch kind {
        case .resourceID:
            "`\(text)` is an id from the page's own earlier output; readers use the id their earlier call returned, "
                + "and `docverify run` uses the one its earlier call returned"
        default:
            "`\(text)` stands for the reader's own \(kind == .endpoint ? "endpoint" : kind == .deployment ? "deployment name" : "key"); "
                + "readers replace it before running the code, and `docverify run` puts its own in its place"
        }
        return Finding(rule: "placeholder-value", severity: .note, location: location, message: message, pivot: pivot, tab: tab)
    }
}
