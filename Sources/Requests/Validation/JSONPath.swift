import Core
import Extraction

/// The path notation shared by findings, 400 responses (`param`) and placeholder bindings:
/// `messages[1].content[0].input_audio.format`.
public enum JSONPath {
    /// `path` followed by member `key`.
    public static func member(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// `path` followed by element `index`.
    public static func element(_ path: String, _ index: Int) -> String {
        path + "[\(index)]"
    }

    /// The last member name of a path (`format` of `audio.format`), nil when it ends in an index.
    public static func lastKey(of path: String) -> String? {
        if case .key(let k)? = ResponsePath.components(path).last { return k }
        return nil
    }

    /// The value at `path` inside `value`, nil when absent.
    public static func value(at path: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for component in ResponsePath.components(path) {
            switch component {
            case .key(let k): current = current?[k]
            case .index(let i): current = current?[i]
            }
        }
        return current
    }

    /// `value` with the value at `path` replaced by (or, for an absent member, set to) `newValue`.
    /// Paths through missing containers are left unchanged.
    public static func setting(_ newValue: JSONValue, at path: String, in value: JSONValue) -> JSONValue {
        set(newValue, ArraySlice(ResponsePath.components(path)), in: value)
    }

    private static func set(_ newValue: JSONValue, _ components: ArraySlice<ResponsePathComponent>, in value: JSONValue) -> JSONValue {
        guard let first = components.first else { return newValue }
        let rest = components.dropFirst()
        switch (first, value) {
        case (.key(let k), .object(var members)):
            if rest.isEmpty {
                members[k] = newValue
            } else if let child = members[k] {
                members[k] = set(newValue, rest, in: child)
            }
            return .object(members)
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            items[i] = set(newValue, rest, in: items[i])
            return .array(items)
        default:
            return value
        }
    }
}
