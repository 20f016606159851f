import Core

/// Replaces values that change on every call (ids, timestamps) with placeholders that keep identity
/// across one scenario: the audio id the first turn got becomes `<audio-1>` in that answer and in
/// the second turn's request, so "the second turn sends the id the first turn got" stays visible.
struct VolatileMasker: Sendable {
    /// Keys whose string values are ids: `id`, and any `…_id` (thread_id, run_id, assistant_id).
    static func isIDKey(_ key: String) -> Bool { key == "id" || key.hasSuffix("_id") }
    /// Keys whose numbers are clocks; masked to 0 so the type stays a number.
    static let timestampKeys: Set<String> = ["created", "created_at", "expires_at", "completed_at", "started_at", "failed_at", "cancelled_at"]
    /// Nesting deeper than this is kept as is (answers are a few levels deep).
    static let maxDepth = 64

    private var placeholders: [String: String] = [:]
    private var counters: [String: Int] = [:]

    /// Masks an answer, learning the ids it carries.
    mutating func maskResponse(_ value: JSONValue) -> JSONValue { mask(value, key: nil, learn: true, depth: 0) }

    /// Masks a request: only ids an earlier answer carried are replaced.
    mutating func maskRequest(_ value: JSONValue) -> JSONValue { mask(value, key: nil, learn: false, depth: 0) }

    /// The placeholder for an id inside text (a URL path such as `/threads/thread_abc/runs`, an
    /// image URL ending in `img-…png`): a known id, or a segment shaped like a service id (one an
    /// earlier scenario got, or one the mock numbered in run order).
    mutating func maskText(_ text: String) -> String {
        let known = placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
        return known.split(separator: "/", omittingEmptySubsequences: false).map { maskSegment(String($0)) }.joined(separator: "/")
    }

    private mutating func maskSegment(_ segment: String) -> String {
        if Self.isServiceID(segment) { return placeholders[segment] ?? placeholder(for: segment) }
        guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex else { return segment }
        let stem = String(segment[..<dot])
        guard Self.isServiceID(stem) else { return segment }
        return (placeholders[stem] ?? placeholder(for: stem)) + segment[dot...]
    }

    /// Prefixes of the ids the service hands out (`asst_…`, `thread_…`, `file-…`).
    static let serviceIDPrefixes: Set<String> = [
        "asst", "thread", "msg", "run", "step", "file", "batch", "vs", "vsfb", "chatcmpl", "cmpl", "audio", "img", "call", "assistant",
    ]

    /// `thread_2db3a9fa…`: a known prefix, `_` or `-`, then at least six letters and digits.
    static func isServiceID(_ s: String) -> Bool {
        guard let separator = s.firstIndex(where: { $0 == "_" || $0 == "-" }) else { return false }
        let prefix = s[..<separator]
        let rest = s[s.index(after: separator)...]
        return serviceIDPrefixes.contains(String(prefix)) && rest.count >= 6
            && rest.allSatisfy { ($0.isLetter || $0.isNumber) && $0.isASCII }
    }

    /// A URL on the embedded mock (`http://127.0.0.1:PORT/…`, a generated image's address) with
    /// its port, which changes every run, replaced by `{mock}`.
    static func maskLoopbackOrigin(_ s: String) -> String {
        for scheme in ["http://", "https://"] {
            for host in ["127.0.0.1:", "localhost:", "[::1]:"] where s.hasPrefix(scheme + host) {
                let afterHost = s.dropFirst(scheme.count + host.count)
                let port = afterHost.prefix { $0.isNumber }
                guard !port.isEmpty else { return s }
                return "{mock}" + afterHost.dropFirst(port.count)
            }
        }
        return s
    }

    private mutating func mask(_ value: JSONValue, key: String?, learn: Bool, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return value }
        switch value {
        case .object(let members):
            // Sorted: placeholders are numbered in the order ids are met, which must not depend
            // on the dictionary's hash order.
            var out: [String: JSONValue] = [:]
            for k in members.keys.sorted() { out[k] = mask(members[k]!, key: k, learn: learn, depth: depth + 1) }
            return .object(out)
        case .array(let items):
            return .array(items.map { mask($0, key: key, learn: learn, depth: depth + 1) })
        case .string(let s):
            if let known = placeholders[s] { return .string(known) }
            if learn, let key, Self.isIDKey(key), !s.isEmpty, !Self.isPlaceholder(s) { return .string(placeholder(for: s)) }
            // An id shaped like the service's in a request (one an earlier scenario got).
            if let key, Self.isIDKey(key), Self.isServiceID(s) { return .string(placeholder(for: s)) }
            let origin = Self.maskLoopbackOrigin(s)
            if origin.contains("/"), origin.count < 2048 { return .string(maskText(origin)) }
            return origin == s ? value : .string(origin)
        case .int, .double:
            if let key, Self.timestampKeys.contains(key) { return .int(0) }
            return value
        default:
            return value
        }
    }

    private mutating func placeholder(for id: String) -> String {
        let prefix = Self.prefix(of: id)
        counters[prefix, default: 0] += 1
        let name = "<\(prefix)-\(counters[prefix]!)>"
        placeholders[id] = name
        return name
    }

    /// `chatcmpl-9xY…` → `chatcmpl`, `audio_abc…` → `audio`; `id` when there is no short word prefix.
    static func prefix(of id: String) -> String {
        let word = id.prefix { $0.isLetter && $0.isASCII }
        guard !word.isEmpty, word.count <= 12, id.count > word.count, "-_".contains(id[word.endIndex]) else { return "id" }
        return String(word)
    }

    /// Values already masked (a replayed answer's ids) are left alone.
    static func isPlaceholder(_ s: String) -> Bool { s.hasPrefix("<") && s.hasSuffix(">") && !s.contains(" ") }
}
