import Core
import Foundation

/// Findings a repository has accepted for now (`check --write-baseline FILE`), so CI reports only
/// new ones (`--baseline FILE`).
///
/// An entry matches by rule, file and a fingerprint of the finding's line content (whitespace
/// collapsed), not by line number: edits elsewhere in the file don't break the match. Entries are
/// counted, so a second identical finding on another line is still new.
public struct Baseline: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var rule: String
        public var file: String
        /// FNV-1a of the finding's line content; see ``Baseline/fingerprint(_:)``.
        public var fingerprint: String
        /// Where it was when written: for people reading the file, not for matching.
        public var line: Int
        public var message: String
    }

    public var version = 1
    public var findings: [Entry]

    public init(findings: [Finding], lines: (String) -> [String]?) {
        self.findings = findings.sortedForReport().map { finding in
            Entry(rule: finding.rule, file: finding.location.file,
                  fingerprint: Self.fingerprint(Self.content(of: finding, lines: lines)),
                  line: finding.location.line, message: finding.message)
        }
    }

    /// The findings not in the baseline.
    public func new(_ findings: [Finding], lines: (String) -> [String]?) -> [Finding] {
        var remaining: [String: Int] = [:]
        for entry in self.findings { remaining[Self.key(entry.rule, entry.file, entry.fingerprint), default: 0] += 1 }
        return findings.sortedForReport().filter { finding in
            let key = Self.key(finding.rule, finding.location.file, Self.fingerprint(Self.content(of: finding, lines: lines)))
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }

    /// Reads a baseline file; a clear error names the file when it isn't one.
    public static func read(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, message: "cannot read the baseline file; write one with --write-baseline")
        }
        do { return try JSONDecoder().decode(Baseline.self, from: data) } catch {
            throw BaselineError(path: path, message: "is not a docverify baseline (\(error)); write one with --write-baseline")
        }
    }

    /// Pretty, sorted JSON with a trailing newline: it reviews well in a diff.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    static func key(_ rule: String, _ file: String, _ fingerprint: String) -> String { rule + "\u{0}" + file + "\u{0}" + fingerprint }

    /// The finding's line, whitespace collapsed; the message when the file can't be read.
    static func content(of finding: Finding, lines: (String) -> [String]?) -> String {
        guard let text = lines(finding.location.file), finding.location.line >= 1, finding.location.line <= text.count else {
            return finding.message
        }
        return text[finding.location.line - 1].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// 64-bit FNV-1a as 16 hex digits: stable across runs and platforms.
    public static func fingerprint(_ text: String) -> String {
        let hex = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A baseline file that can't be used.
public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
