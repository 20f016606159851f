import Core

/// One place where a run's exchange differs from its golden.
public struct GoldenDifference: Hashable, Sendable {
    /// Path inside the exchange (`request.body.messages[0].content`).
    public var path: [PathSegment]
    /// Nil when the golden has nothing there.
    public var expected: JSONValue?
    /// Nil when the run has nothing there.
    public var actual: JSONValue?
    /// What kind of difference, when it is not a plain value change ("type", "length", …).
    public var note: String?

    /// `request.body.messages[0].content: expected "Hi", got "Hello"`.
    public var description: String {
        let what = note.map { " (\($0))" } ?? ""
        return "\(path.rendered)\(what): expected \(Self.show(expected)), got \(Self.show(actual))"
    }

    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        let text = value.serialized()
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}

/// Compares one exchange of a run with the golden's, in a match mode, under per-path rules.
public struct GoldenDiff: Sendable {
    public var mode: MatchMode
    public var rules: GoldenRules

    public init(mode: MatchMode, rules: GoldenRules = GoldenRules()) {
        self.mode = mode
        self.rules = rules
    }

    public func compare(expected: JSONValue, actual: JSONValue) -> [GoldenDifference] {
        var out: [GoldenDifference] = []
        walk(expected, actual, path: [], into: &out)
        return out
    }

    /// Shape mode loosens only the answer; the request is what the page makes the reader send.
    private func loose(_ path: [PathSegment]) -> Bool {
        mode == .shape && path.first == .key("response")
    }

    private func walk(_ e: JSONValue?, _ a: JSONValue?, path: [PathSegment], into out: inout [GoldenDifference]) {
        if let action = rules.action(for: path) {
            switch action {
            case .ignore:
                return
            case .equal:
                if e != a { out.append(GoldenDifference(path: path, expected: e, actual: a)) }
                return
            case .type(let name):
                if a?.typeName != name { out.append(GoldenDifference(path: path, expected: .string(name), actual: a.map { .string($0.typeName) }, note: "type")) }
                return
            case .regex(let box):
                if let s = a?.stringValue, box.matches(s) { return }
                out.append(GoldenDifference(path: path, expected: .string(box.expression.pattern), actual: a, note: "regex"))
                return
            }
        }
        guard path.count < VolatileMasker.maxDepth else { return }
        guard let e, let a else {
            if e != nil || a != nil { out.append(GoldenDifference(path: path, expected: e, actual: a)) }
            return
        }
        if PayloadDigest.isDigest(e) || PayloadDigest.isDigest(a) {
            compareDigest(e, a, path: path, into: &out)
            return
        }
        switch (e, a) {
        case (.object(let eo), .object(let ao)):
            for key in Set(eo.keys).union(ao.keys).sorted() {
                walk(eo[key], ao[key], path: path + [.key(key)], into: &out)
            }
        case (.array(let ea), .array(let aa)):
            if ea.count != aa.count {
                out.append(GoldenDifference(path: path, expected: .int(ea.count), actual: .int(aa.count), note: "length"))
            }
            for i in 0..<min(ea.count, aa.count) { walk(ea[i], aa[i], path: path + [.index(i)], into: &out) }
        default:
            if loose(path) {
                if e.typeName != a.typeName {
                    out.append(GoldenDifference(path: path, expected: .string(e.typeName), actual: .string(a.typeName), note: "type"))
                }
            } else if e != a {
                out.append(GoldenDifference(path: path, expected: e, actual: a))
            }
        }
    }

    /// Exact: size and media agree (the sha256 is for review: the embedded mock's audio for a turn
    /// that quotes an earlier audio id depends on the id it issued, which varies with run order).
    /// Shape: the media fields agree, not the size or duration (a live voice says the same thing at
    /// a different length).
    private func compareDigest(_ e: JSONValue, _ a: JSONValue, path: [PathSegment], into out: inout [GoldenDifference]) {
        if mode == .exact {
            if e["$bytes"] != a["$bytes"] || e["media"] != a["media"] || PayloadDigest.isDigest(e) != PayloadDigest.isDigest(a) {
                out.append(GoldenDifference(path: path, expected: Self.withoutHash(e), actual: Self.withoutHash(a)))
            }
            return
        }
        var em = e["media"]?.objectValue ?? [:], am = a["media"]?.objectValue ?? [:]
        for key in ["durationMs", "frames"] { em[key] = nil; am[key] = nil }
        if em != am || PayloadDigest.isDigest(e) != PayloadDigest.isDigest(a) {
            out.append(GoldenDifference(path: path + [.key("media")], expected: .object(em), actual: .object(am)))
        }
    }

    static func withoutHash(_ value: JSONValue) -> JSONValue {
        guard var members = value.objectValue else { return value }
        members["sha256"] = nil
        return .object(members)
    }
}
