import Foundation

/// The Markdown files findings point at, each read once, for suppressions and baselines (Policy)
/// and for report snippets and fingerprints (Reporting). Thread-safe.
public final class SourceLines: @unchecked Sendable {
    /// One file as read: its text (invalid UTF-8 repaired), whether it was valid UTF-8, and its
    /// lines in the two forms callers want, split on first use.
    private struct Entry {
        var text: String
        var valid: Bool
        var lines: [String]?
        var reportLines: [Substring]?
    }

    private let roots: [String]
    private var entries: [String: Entry?] = [:]
    private let lock = NSLock()

    /// - Parameter roots: folders a relative file name is looked up under, in order (findings name
    ///   their files relative to the article's docs root). An absolute name is read as it is; with
    ///   no roots nothing is read.
    public init(roots: [String]) { self.roots = roots }

    /// For reports: a relative file name is read from the working folder first, then under each root.
    public static func workingFolderFirst(roots: [String] = []) -> SourceLines {
        SourceLines(roots: ["."] + roots)
    }

    /// The text of `file`, nil when no root has it. Callers that only look for a word read this and
    /// leave the file unsplit.
    public func text(_ file: String) -> String? {
        lock.withLock { entry(file)?.text }
    }

    /// The lines of `file` without their line endings (`\n` or `\r\n`), nil when no root has it.
    public func lines(_ file: String) -> [String]? {
        lock.withLock {
            guard var found = entry(file) else { return nil }
            if let lines = found.lines { return lines }
            let lines = ASCIIScan.lines(found.text)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            found.lines = lines
            entries[file] = found
            return lines
        }
    }

    /// Line `number` (1-based) of `file` as a report quotes it: a leading byte-order mark dropped, a
    /// `\r` before the newline kept; empty when the file is missing, not valid UTF-8, or shorter.
    public func line(_ file: String, _ number: Int) -> String {
        lock.withLock {
            guard var found = entry(file) else { return "" }
            let lines: [Substring]
            if let split = found.reportLines {
                lines = split
            } else {
                let text = !found.valid ? "" : found.text.hasPrefix("\u{FEFF}") ? String(found.text.dropFirst()) : found.text
                lines = ASCIIScan.lines(text)
                found.reportLines = lines
                entries[file] = found
            }
            guard number >= 1, number <= lines.count else { return "" }
            return String(lines[number - 1])
        }
    }

    /// The cached entry of `file`, reading it on first use; the caller holds the lock.
    private func entry(_ file: String) -> Entry? {
        if let cached = entries[file] { return cached }
        var found: Entry?
        let candidates = roots.isEmpty ? [] : file.hasPrefix("/") ? [file] : roots.map { $0 + "/" + file }
        for path in candidates {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            found = Entry(text: String(decoding: data, as: UTF8.self), valid: String(validating: data, as: UTF8.self) != nil)
            break
        }
        entries[file] = found
        return found
    }
}
