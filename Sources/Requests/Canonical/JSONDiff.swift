import Core
import Foundation

/// One place where two JSON values differ. A nil side means the member or element is absent there.
public struct JSONDifference: Hashable, Sendable, CustomStringConvertible {
    /// `messages[2].content[0].text`; empty for the values themselves.
    public var path: String
    public var left: JSONValue?
    public var right: JSONValue?

    public init(path: String, left: JSONValue?, right: JSONValue?) {
        self.path = path
        self.left = left
        self.right = right
    }

    public var description: String {
        "\(path.isEmpty ? "(value)" : path): \(JSONDiff.show(left)) vs \(JSONDiff.show(right))"
    }
}

/// Structural comparison of JSON values, reporting the deepest differing paths.
public enum JSONDiff {
    /// Every differing path, in a stable order (object members sorted, array elements in order).
    /// Placeholder objects (keys starting with `$`) compare as a whole.
    public static func differences(_ left: JSONValue, _ right: JSONValue, path: String = "") -> [JSONDifference] {
        if left == right { return [] }
        switch (left, right) {
        case (.object(let a), .object(let b)) where !isPlaceholder(a) && !isPlaceholder(b):
            var out: [JSONDifference] = []
            for key in Set(a.keys).union(b.keys).sorted() {
                let child = JSONPath.member(path, key)
                switch (a[key], b[key]) {
                case (let x?, let y?): out += differences(x, y, path: child)
                case (let x, let y): out.append(JSONDifference(path: child, left: x, right: y))
                }
            }
            return out
        case (.array(let a), .array(let b)):
            var out: [JSONDifference] = []
            for i in 0..<max(a.count, b.count) {
                let child = JSONPath.element(path, i)
                if i < a.count, i < b.count {
                    out += differences(a[i], b[i], path: child)
                } else {
                    out.append(JSONDifference(path: child, left: i < a.count ? a[i] : nil, right: i < b.count ? b[i] : nil))
                }
            }
            return out
        default:
            return [JSONDifference(path: path, left: left, right: right)]
        }
    }

    static func isPlaceholder(_ members: [String: JSONValue]) -> Bool {
        members.keys.contains { $0.hasPrefix("$") }
    }

    /// A short rendering for messages: compact JSON, long values cut in the middle.
    public static func show(_ value: JSONValue?, limit: Int = 80) -> String {
        guard let value else { return "(absent)" }
        let text = value.serialized()
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 20)) + "…" + String(text.suffix(15))
    }
}

/// Every differing path between two canonical bodies (see ``JSONDiff``).
public func jsonDifferences(_ left: JSONValue, _ right: JSONValue) -> [JSONDifference] {
    JSONDiff.differences(left, right)
}

/// One configured encoder for the models, so every stage writes the same bytes.
public enum JSONEncoderForModels {
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
