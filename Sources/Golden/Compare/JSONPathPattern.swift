/// One step of a path inside a golden: an object key or an array index.
public enum PathSegment: Hashable, Sendable {
    case key(String)
    case index(Int)
}

extension [PathSegment] {
    /// `request.body.messages[0].content`; keys that are not plain words are quoted (`["$bytes"]`).
    public var rendered: String {
        var out = ""
        for segment in self {
            switch segment {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                let plain = !k.isEmpty && k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                out += plain ? (out.isEmpty ? k : "." + k) : "[\"\(k)\"]"
            }
        }
        return out
    }
}

/// A path pattern of `.docverify-golden.yml`: `response.body.choices[*].message.content`, where
/// `*` is any key and `[*]` any index. Patterns are matched against the path inside one exchange.
public struct JSONPathPattern: Hashable, Sendable {
    enum Step: Hashable, Sendable {
        case key(String), anyKey, index(Int), anyIndex
    }

    let steps: [Step]
    public let text: String

    /// Nil when `text` is not a pattern (an unclosed bracket, an empty key).
    public init?(_ text: String) {
        var steps: [Step] = []
        var i = text.startIndex
        var key = ""
        /// Ends a key; an empty one is an error unless an index just ended (`a[0].b`).
        func flushKey(allowEmpty: Bool) -> Bool {
            defer { key = "" }
            if key.isEmpty { return allowEmpty }
            steps.append(key == "*" ? .anyKey : .key(key))
            return true
        }
        var afterIndex = false
        while i < text.endIndex {
            let c = text[i]
            if c == "." {
                guard flushKey(allowEmpty: afterIndex) else { return nil }
                afterIndex = false
                i = text.index(after: i)
            } else if c == "[" {
                _ = flushKey(allowEmpty: true)
                guard let close = text[i...].firstIndex(of: "]") else { return nil }
                let inner = text[text.index(after: i)..<close]
                if inner == "*" {
                    steps.append(.anyIndex)
                } else if let n = Int(inner) {
                    steps.append(.index(n))
                } else if inner.count >= 2, inner.first == "\"", inner.last == "\"" {
                    steps.append(.key(String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                afterIndex = true
                i = text.index(after: close)
            } else {
                key.append(c)
                afterIndex = false
                i = text.index(after: i)
            }
        }
        guard flushKey(allowEmpty: afterIndex) else { return nil }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
        self.text = text
    }

    public func matches(_ path: [PathSegment]) -> Bool {
        guard path.count == steps.count else { return false }
        return zip(steps, path).allSatisfy { step, segment in
            switch (step, segment) {
            case (.anyKey, .key), (.anyIndex, .index): true
            case (.key(let a), .key(let b)): a == b
            case (.index(let a), .index(let b)): a == b
            default: false
            }
        }
    }
}
