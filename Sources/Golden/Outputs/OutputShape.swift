import Core

/// Compares a documented JSON output with a real answer by shape: every documented path must exist
/// in the answer with the same JSON type. Fields the answer has and the page leaves out are fine.
enum OutputShape {
    struct Drift: Hashable {
        var path: String
        /// Nil when the answer lacks the path.
        var actualType: String?
        var documentedType: String
    }

    /// `nullMayBeAbsent`: a member documented as null may be missing from the answer (the embedded
    /// mock leaves out the nulls the service writes, such as `"function_call": null`).
    static func drift(documented: JSONValue, actual: JSONValue, skipping: Set<String> = [], nullMayBeAbsent: Bool = false) -> [Drift] {
        var out: [Drift] = []
        walk(documented, actual, path: "", skipping: skipping, nullMayBeAbsent: nullMayBeAbsent, depth: 0, into: &out)
        return out
    }

    private static func walk(_ d: JSONValue, _ a: JSONValue?, path: String, skipping: Set<String>, nullMayBeAbsent: Bool, depth: Int, into out: inout [Drift]) {
        guard depth < 32 else { return }
        // A documented null stands for "some value": any type is fine.
        if d == .null {
            if a == nil, !nullMayBeAbsent { out.append(Drift(path: path, actualType: nil, documentedType: "null")) }
            return
        }
        guard let a else { out.append(Drift(path: path, actualType: nil, documentedType: d.typeName)); return }
        guard d.typeName == a.typeName else {
            // `"<base64>"`-style stand-ins in docs are text where the answer is text; other mismatches are drift.
            out.append(Drift(path: path, actualType: a.typeName, documentedType: d.typeName))
            return
        }
        switch (d, a) {
        case (.object(let dm), .object(let am)):
            for (key, value) in dm.sorted(by: { $0.key < $1.key }) where !skipping.contains(key) {
                walk(value, am[key], path: path.isEmpty ? key : "\(path).\(key)", skipping: skipping, nullMayBeAbsent: nullMayBeAbsent, depth: depth + 1, into: &out)
            }
        case (.array(let di), .array(let ai)):
            guard let first = ai.first else { return }  // an empty answer list says nothing about element shapes
            for (i, item) in di.enumerated() {
                walk(item, i < ai.count ? ai[i] : first, path: "\(path)[\(i)]", skipping: skipping, nullMayBeAbsent: nullMayBeAbsent, depth: depth + 1, into: &out)
            }
        default:
            return
        }
    }
}
