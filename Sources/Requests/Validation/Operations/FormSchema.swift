import Extraction
import Foundation

/// Reads `multipart/form-data` parts against a form model (transcriptions, translations, file
/// uploads), collecting every problem with the field's name as its path.
///
/// Forms are judged more leniently than JSON bodies: the service is not known to reject an extra
/// form field, so an unknown field is a warning (in `warnings`), not an error.
struct FormSchema {
    var reader = SymbolicReader()
    var warnings: [RequestIssue] = []

    /// Field name → its parts, in order (a field such as `timestamp_granularities[]` repeats).
    static func fields(_ parts: [MultipartPart]) -> [String: [MultipartPart]] {
        Dictionary(grouping: parts, by: \.name)
    }

    mutating func unknownFields(_ fields: [String: [MultipartPart]], allowed: Set<String>) {
        for name in fields.keys.sorted() where !allowed.contains(name) {
            warnings.append(.unknownField(path: name))
        }
    }

    /// The `file` part: required, and sent as a file (`-F file=@a.wav`, `open(p, "rb")`), not as text.
    mutating func file(_ fields: [String: [MultipartPart]], _ name: String = "file") -> FormFile? {
        guard let part = fields[name]?.first else {
            reader.invalid(name, "missing required file part '\(name)'; upload the file (curl: -F \(name)=@path)")
            return nil
        }
        if let filename = part.filename { return FormFile(filename: filename, contentType: part.contentType) }
        if case .placeholder(.file(let path, _)) = part.value {
            return FormFile(filename: String(path.split(separator: "/").last ?? Substring(path)), contentType: part.contentType)
        }
        if case .placeholder = part.value { return FormFile(filename: name, contentType: part.contentType) }
        reader.invalid(name, "'\(name)' is sent as a text field, not as a file; upload the file's contents (curl: -F \(name)=@path)")
        return nil
    }

    /// A text field's value (the last part of that name wins, as in most form parsers).
    func value(_ fields: [String: [MultipartPart]], _ name: String) -> SymbolicValue? {
        fields[name]?.last?.value
    }

    mutating func text(_ fields: [String: [MultipartPart]], _ name: String) -> String? {
        guard let v = value(fields, name) else { return nil }
        switch v {
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        default: return reader.string(v, name)
        }
    }

    mutating func oneOf(_ fields: [String: [MultipartPart]], _ name: String, allowed: [String], what: String) -> String? {
        value(fields, name).flatMap { reader.oneOf($0, name, allowed: allowed, what: what) }
    }

    /// A number sent as text (`-F temperature=0.2`) or as a number (an SDK argument).
    mutating func number(_ fields: [String: [MultipartPart]], _ name: String, range: ClosedRange<Double>) -> Double? {
        guard let v = value(fields, name) else { return nil }
        switch v {
        case .string(let s):
            guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else {
                reader.invalid(name, "'\(s)' is not a number")
                return nil
            }
            return reader.number(.double(d), name, range: range)
        case .template:
            _ = reader.string(v, name)
            return range.lowerBound
        default:
            return reader.number(v, name, range: range)
        }
    }

    /// Every value of a repeated field (`timestamp_granularities[]`), also when an SDK passes a list.
    mutating func list(_ fields: [String: [MultipartPart]], _ names: [String]) -> [(path: String, value: SymbolicValue)] {
        var out: [(String, SymbolicValue)] = []
        for name in names {
            for part in fields[name] ?? [] {
                if case .array(let items) = part.value {
                    out += items.enumerated().map { (JSONPath.element(name, $0.offset), $0.element) }
                } else {
                    out.append((name, part.value))
                }
            }
        }
        return out
    }
}
