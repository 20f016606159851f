import Foundation

/// Turns a recognizer's captured text into a ``LimitValue``.
enum LimitValueParser {
    static func parse(kind: LimitValueKind, value: String, unit: String?) -> LimitValue? {
        switch kind {
        case .size:
            guard let unit, let factor = LimitCatalog.unitBytes[unit.lowercased()],
                  let number = Double(value.replacingOccurrences(of: ",", with: "")) else { return nil }
            return .bytes(Int((number * Double(factor)).rounded()), written: "\(value) \(unit)")
        case .count:
            return Int(value.replacingOccurrences(of: ",", with: "")).map(LimitValue.count)
        case .version:
            return .version(value)
        case .list:
            let names = names(in: value)
            return names.isEmpty ? nil : .names(names)
        }
    }

    /// `A, B, and C` / `A or B` / `A, B` → the names, without backticks or emphasis.
    static func names(in text: String) -> [String] {
        var parts: [String] = []
        for piece in text.split(separator: ",") {
            var rest = " " + piece.trimmingCharacters(in: .whitespaces) + " "
            for conjunction in [" and ", " or "] { rest = rest.replacingOccurrences(of: conjunction, with: "\u{1}") }
            for name in rest.split(separator: "\u{1}") {
                let cleaned = name.trimmingCharacters(in: CharacterSet(charactersIn: " `*_\"'"))
                if !cleaned.isEmpty, cleaned.split(separator: " ").count <= 2 { parts.append(cleaned) }
            }
        }
        return parts
    }
}
