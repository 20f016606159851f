import Foundation
import Yams

/// Per-path rules from `golden/.docverify-golden.yml`, which override the match mode:
///
/// ```yaml
/// rules:
///   - path: response.body.choices[*].message.content
///     ignore: true                 # never compared
///   - path: response.body.model
///     regex: "^gpt-4o"             # the actual value must match
///   - path: response.body.usage
///     type: object                 # only the JSON type is compared
///   - path: request.body.audio.voice
///     equal: true                  # compared exactly, even in shape mode
/// ```
public struct GoldenRules: Sendable {
    public enum Action: Sendable {
        case ignore
        case type(String)
        case regex(NSRegularExpressionBox)
        case equal
    }

    public struct Rule: Sendable {
        public var pattern: JSONPathPattern
        public var action: Action
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    public static let fileName = ".docverify-golden.yml"

    /// The first rule for `path`, nil when none applies.
    public func action(for path: [PathSegment]) -> Action? {
        rules.first { $0.pattern.matches(path) }?.action
    }

    /// Reads `<golden dir>/.docverify-golden.yml`; no rules when the file does not exist.
    public static func load(directory: String) throws -> GoldenRules {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return GoldenRules() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    struct FileShape: Decodable {
        struct Entry: Decodable {
            var path: String
            var ignore: Bool?
            var type: String?
            var regex: String?
            var equal: Bool?
        }
        var rules: [Entry]?
    }

    static let typeNames: Set<String> = ["null", "boolean", "number", "string", "array", "object"]

    public static func parse(_ text: String, path: String) throws -> GoldenRules {
        let shape: FileShape
        do {
            shape = try YAMLDecoder().decode(FileShape.self, from: text)
        } catch {
            throw GoldenRulesError(path: path, message: "not a rules file (\(error)); write `rules:` with a list of `path:` entries")
        }
        var rules: [Rule] = []
        for (n, entry) in (shape.rules ?? []).enumerated() {
            guard let pattern = JSONPathPattern(entry.path) else {
                throw GoldenRulesError(path: path, message: "rule \(n + 1): '\(entry.path)' is not a path such as response.body.choices[*].message.content")
            }
            let actions = [entry.ignore == true, entry.type != nil, entry.regex != nil, entry.equal == true].filter { $0 }.count
            guard actions == 1 else {
                throw GoldenRulesError(path: path, message: "rule \(n + 1) ('\(entry.path)') needs exactly one of ignore, type, regex, equal")
            }
            if entry.ignore == true {
                rules.append(Rule(pattern: pattern, action: .ignore))
            } else if let type = entry.type {
                guard typeNames.contains(type) else {
                    throw GoldenRulesError(path: path, message: "rule \(n + 1): type '\(type)' is not one of \(typeNames.sorted().joined(separator: ", "))")
                }
                rules.append(Rule(pattern: pattern, action: .type(type)))
            } else if let regex = entry.regex {
                guard let compiled = try? NSRegularExpression(pattern: regex) else {
                    throw GoldenRulesError(path: path, message: "rule \(n + 1): '\(regex)' is not a regular expression")
                }
                rules.append(Rule(pattern: pattern, action: .regex(NSRegularExpressionBox(compiled))))
            } else {
                rules.append(Rule(pattern: pattern, action: .equal))
            }
        }
        return GoldenRules(rules: rules)
    }
}

/// A compiled expression, compiled once when the rules are read.
public struct NSRegularExpressionBox: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    public let expression: NSRegularExpression
    init(_ expression: NSRegularExpression) { self.expression = expression }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// The rules file cannot be used.
public struct GoldenRulesError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
