/// One step of a path into a JSON response: `.key("choices")`, `.index(0)`.
public enum ResponsePathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// Normalizes attribute/subscript chains of every language to one notation:
/// `choices[0].message.audio.id` — so `completion.json()['choices'][0]['message']`,
/// `response.choices[0].message` and `$.choices[0].message` compare equal.
public enum ResponsePath {
    public static func normalized(_ components: [ResponsePathComponent]) -> String {
        var out = ""
        for component in components {
            switch component {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// Parses a normalized path back into components (inverse of ``normalized(_:)``).
    public static func components(_ path: String) -> [ResponsePathComponent] {
        var result: [ResponsePathComponent] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { result.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let i = Int(rest[rest.index(after: rest.startIndex)..<close]) { result.append(.index(i)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }
}
