import Core
import Extraction

/// Walks a ``SymbolicValue`` along a schema, collecting every problem with its path instead of
/// stopping at the first one (which is all `JSONDecoder` can do).
///
/// A placeholder stands in for a value of whatever type the schema expects at its position: it is
/// recorded in `bindings` (or `templates`) and the typed model receives a neutral stand-in that
/// ``BuiltRequest/encodedBody(resolving:)`` later replaces.
struct SymbolicReader {
    var issues: [RequestIssue] = []
    var bindings: [String: Placeholder] = [:]
    var templates: [String: [TemplatePart]] = [:]

    mutating func invalid(_ path: String, _ message: String) {
        issues.append(.invalid(path: path, message: message))
    }

    /// Records a placeholder at `path`; true when `value` is one (the caller then uses a stand-in).
    mutating func bindIfPlaceholder(_ value: SymbolicValue, _ path: String) -> Bool {
        if case .placeholder(let p) = value {
            bindings[path] = p
            return true
        }
        return false
    }

    static func typeName(_ value: SymbolicValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string, .template: "string"
        case .array: "array"
        case .object: "object"
        case .placeholder: "a run-time value"
        }
    }

    /// Placeholders whose value may be of any JSON type.
    static func mayBeAnyType(_ placeholder: Placeholder) -> Bool {
        switch placeholder {
        case .unknown, .response: true
        case .environment, .file, .credential, .readerValue: false
        }
    }

    mutating func expected(_ what: String, _ value: SymbolicValue, _ path: String) {
        // A value whose type docverify can't know (an expression it couldn't evaluate, an SDK-built
        // value, an earlier answer's message) may well be of the expected type: docverify's limit,
        // not the page's defect. Environment variables, files and credentials are strings, so a
        // non-string position holding one is still reported.
        if case .placeholder(let p) = value, Self.mayBeAnyType(p) {
            bindings[path] = p
            return
        }
        invalid(path, "expected \(what), found \(Self.typeName(value))")
    }

    // MARK: Objects

    /// The members of an object, reporting unknown ones. Nil (after an issue) for a non-object.
    mutating func object(_ value: SymbolicValue, _ path: String, allowed: Set<String>) -> [String: SymbolicValue]? {
        guard case .object(let members) = value else {
            expected("an object", value, path)
            return nil
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            issues.append(.unknownField(path: JSONPath.member(path, key)))
        }
        return members
    }

    /// An optional member: nil when absent or (if `nullable`) null.
    mutating func optional(_ members: [String: SymbolicValue], _ key: String, _ path: String, nullable: Bool = true) -> SymbolicValue? {
        guard let value = members[key] else { return nil }
        if case .null = value {
            if !nullable { invalid(JSONPath.member(path, key), "must not be null") }
            return nil
        }
        return value
    }

    /// A required member; reports it missing (or null when not `nullable`).
    mutating func required(_ members: [String: SymbolicValue], _ key: String, _ path: String, nullable: Bool = false) -> SymbolicValue? {
        guard let value = members[key] else {
            invalid(JSONPath.member(path, key), "missing required field '\(key)'")
            return nil
        }
        if case .null = value {
            if !nullable { invalid(JSONPath.member(path, key), "must not be null") }
            return nil
        }
        return value
    }

    // MARK: Scalars

    mutating func string(_ value: SymbolicValue, _ path: String) -> String? {
        switch value {
        case .string(let s): return s
        case .placeholder(let p):
            bindings[path] = p
            return ""
        case .template(let parts):
            templates[path] = parts
            return parts.map { if case .literal(let l) = $0 { l } else { "" } }.joined()
        default:
            expected("a string", value, path)
            return nil
        }
    }

    mutating func bool(_ value: SymbolicValue, _ path: String) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .placeholder(let p):
            bindings[path] = p
            return false
        default:
            expected("a boolean", value, path)
            return nil
        }
    }

    mutating func int(_ value: SymbolicValue, _ path: String, range: ClosedRange<Int>? = nil) -> Int? {
        let result: Int
        switch value {
        case .int(let i): result = i
        // JavaScript has no integer type: 100.0 is the same number as 100.
        case .double(let d) where abs(d) < 9e15 && Int(checked: d) != nil: result = Int(checked: d)!
        case .placeholder(let p):
            bindings[path] = p
            return range?.lowerBound ?? 0
        default:
            expected("an integer", value, path)
            return nil
        }
        if let range, !range.contains(result) {
            invalid(path, "\(result) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return result
    }

    mutating func number(_ value: SymbolicValue, _ path: String, range: ClosedRange<Double>? = nil) -> Double? {
        let result: Double
        switch value {
        case .int(let i): result = Double(i)
        case .double(let d): result = d
        case .placeholder(let p):
            bindings[path] = p
            return range?.lowerBound ?? 0
        default:
            expected("a number", value, path)
            return nil
        }
        if let range, !range.contains(result) {
            invalid(path, "\(Self.format(result)) is out of range; expected \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
        }
        return result
    }

    static func format(_ d: Double) -> String {
        Int(checked: d).map(String.init) ?? String(d)
    }

    /// A string that must be one of `allowed`.
    mutating func oneOf(_ value: SymbolicValue, _ path: String, allowed: [String], what: String) -> String? {
        let isPlaceholder: Bool
        if case .placeholder = value { isPlaceholder = true } else if case .template = value { isPlaceholder = true } else { isPlaceholder = false }
        guard let s = string(value, path) else { return nil }
        if isPlaceholder { return s }
        guard allowed.contains(s) else {
            invalid(path, "'\(s)' is not a supported \(what); expected one of \(allowed.joined(separator: ", "))")
            return nil
        }
        return s
    }

    // MARK: Arrays

    /// The elements of an array, checking its length. Nil for a non-array or a placeholder array.
    mutating func array(_ value: SymbolicValue, _ path: String, minCount: Int = 0, maxCount: Int? = nil) -> [SymbolicValue]? {
        if bindIfPlaceholder(value, path) { return nil }
        guard case .array(let items) = value else {
            expected("an array", value, path)
            return nil
        }
        if items.count < minCount {
            invalid(path, minCount == 1 ? "must not be empty" : "must have at least \(minCount) items, found \(items.count)")
        }
        if let maxCount, items.count > maxCount {
            invalid(path, "must have at most \(maxCount) items, found \(items.count)")
        }
        return items
    }

    /// Free JSON (schemas, parameters): placeholders recorded, value kept as JSON with stand-ins.
    mutating func freeJSON(_ value: SymbolicValue, _ path: String, requireObject: Bool = false) -> JSONValue? {
        if requireObject {
            switch value {
            case .object, .placeholder: break
            default:
                expected("an object", value, path)
                return nil
            }
        }
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .template, .placeholder: return string(value, path).map { .string($0) }
        case .array(let items):
            return .array(items.enumerated().map { freeJSON($0.element, JSONPath.element(path, $0.offset)) ?? .null })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = freeJSON(v, JSONPath.member(path, k)) ?? .null }
            return .object(out)
        }
    }
}
