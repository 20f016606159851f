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

    /// The placeholder for a known id inside text (a URL path such as `/threads/thread_abc/runs`).
    func maskText(_ text: String) -> String {
        placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    private mutating func mask(_ value: JSONValue, key: String?, learn: Bool, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return value }
        switch value {
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = mask(v, key: k, learn: learn, depth: depth + 1) }
            return .object(out)
        case .array(let items):
            return .array(items.map { mask($0, key: key, learn: learn, depth: depth + 1) })
        case .string(let s):
            if let known = placeholders[s] { return .string(known) }
            if learn, let key, Self.isIDKey(key), !s.isEmpty, !Self.isPlaceholder(s) { return .string(placeholder(for: s)) }
            return value
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
