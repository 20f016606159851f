import Core
import Foundation

/// `limits` and `drift` print no findings of their own kind for the parts docverify did not read
/// (a file over --max-file-bytes, a FIFO, samples past the cap); these lines say so, so a page left
/// unread never looks like a page with nothing to report.
enum NotReadRemarks {
    /// The rules that mean part of a page was not read.
    static let rules: Set<String> = ["input-too-large", "input-not-a-file", "sample-limit"]

    /// One line per such finding: `file:line: message`.
    static func lines(_ findings: [Finding]) -> [String] {
        findings.filter { rules.contains($0.rule) }.map { "\($0.location.file):\($0.location.line): not read: \($0.message) [\($0.rule)]" }
    }

    /// The lines on standard error, prefixed as docverify's other warnings are.
    static func warn(_ findings: [Finding]) {
        for line in lines(findings) { FileHandle.standardError.write(Data("docverify: \(line)\n".utf8)) }
    }
}
