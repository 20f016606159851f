import Core

/// Ids the service handed out during a scenario (`asst_…`, `thread_…`, `run_…`), so a REST sample
/// that shows an example id (`thread_abc123`, which the reader replaces by the id they got) is sent
/// with the id this run got instead.
struct ResourceIDs: Sendable {
    /// Id prefixes of the assistants family, longest first.
    static let prefixes = ["assistant-", "thread_", "asst_", "step_", "file-", "msg_", "run_"]

    /// Latest id seen per prefix, and every id seen.
    private(set) var latest: [String: String] = [:]
    private(set) var seen: Set<String> = []

    /// The prefix of an id-shaped value, nil for other text.
    static func prefix(of value: String) -> String? {
        guard let prefix = prefixes.first(where: value.hasPrefix) else { return nil }
        let rest = value.dropFirst(prefix.count)
        guard rest.count >= 4, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return prefix
    }

    /// Records the ids of an answer; the answer's own `id` last, so it wins over ids it mentions.
    mutating func record(_ json: JSONValue) {
        collect(json, depth: 0)
        if case .string(let id)? = json["id"] { note(id) }
    }

    private mutating func collect(_ json: JSONValue, depth: Int) {
        guard depth < 8 else { return }
        switch json {
        case .string(let s): note(s)
        case .array(let items): for item in items { collect(item, depth: depth + 1) }
        case .object(let members):
            for key in members.keys.sorted() where key != "id" || depth > 0 { collect(members[key]!, depth: depth + 1) }
        default: break
        }
    }

    private mutating func note(_ id: String) {
        guard let prefix = Self.prefix(of: id) else { return }
        latest[prefix] = id
        seen.insert(id)
    }

    /// `value` when the service gave it out or no id of its kind was seen; else the latest id of
    /// its kind.
    func substitute(_ value: String) -> String {
        guard !seen.contains(value), let prefix = Self.prefix(of: value), let id = latest[prefix] else { return value }
        return id
    }

    /// True when a call written with the example id `example` can be sent: the service gave it out,
    /// or gave out an id of its kind to use in its place.
    func canFill(_ example: String) -> Bool {
        seen.contains(example) || Self.prefix(of: example).map { latest[$0] != nil } == true
    }

    /// Each path segment through ``substitute(_:)``.
    func substitute(path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { substitute(String($0)) }.joined(separator: "/")
    }

    /// Every string of a JSON body through ``substitute(_:)``.
    func substitute(json: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 32 else { return json }
        switch json {
        case .string(let s): return .string(substitute(s))
        case .array(let items): return .array(items.map { substitute(json: $0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { substitute(json: $0, depth: depth + 1) })
        default: return json
        }
    }

    mutating func merge(_ other: ResourceIDs) {
        latest.merge(other.latest) { _, new in new }
        seen.formUnion(other.seen)
    }
}
