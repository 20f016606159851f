import Core
import Extraction

/// Request bodies as the validator sees them: run-time values (environment variables, files, earlier
/// answers, strings built from them) become placeholders that fit any schema, and members set to null
/// are dropped (the SDKs treat them as "not given").
public enum SpecInstance {
    static let maxDepth = 64

    public static func json(_ value: SymbolicValue) -> JSONValue {
        convert(value, depth: 0)
    }

    static func convert(_ value: SymbolicValue, depth: Int) -> JSONValue {
        guard depth < maxDepth else { return placeholder }
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map { convert($0, depth: depth + 1) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (key, member) in members {
                if case .null = member { continue }
                out[key] = convert(member, depth: depth + 1)
            }
            return .object(out)
        case .template, .placeholder: return placeholder
        }
    }

    /// A form as one object: a part's text by its name, a repeated name as an array, a file as a
    /// placeholder (its bytes are not known statically).
    public static func form(_ parts: [MultipartPart]) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for part in parts {
            let value = part.isFile ? placeholder : convert(part.value, depth: 0)
            switch members[part.name] {
            case nil: members[part.name] = value
            case .array(let items)?: members[part.name] = .array(items + [value])
            case let first?: members[part.name] = .array([first, value])
            }
        }
        return .object(members)
    }

    static let placeholder: JSONValue = .object([SchemaValidator.placeholderKey: .bool(true)])
}
