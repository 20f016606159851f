import Core
import Foundation
import Markup

/// The parsed Markdown of every included file, shared by all the articles of one run: a docset's
/// shared includes (prerequisites, sign-in steps) are read and parsed once, not once per article.
///
/// Only the file's own parse is kept, which depends on nothing but its bytes; splicing (zones,
/// nested includes, findings located in the including article) is still done per article. Lives
/// for one run: nothing is kept across runs. Safe to share between threads.
public final class IncludeCache: Sendable {
    /// A file read and parsed.
    struct Entry: Sendable {
        var markup: MarkupDocument
        /// Its size in bytes, for the include budget.
        var byteCount: Int
    }

    private let entries = LockedValue([String: Entry]())
    private let parses = LockedValue(0)

    public init() {}

    /// The parse of the file at `absolute`, read and parsed on first use; nil when it cannot be read.
    func entry(atPath absolute: String) -> Entry? {
        let key = Self.realPath(absolute)
        if let cached = entries.withLock({ $0[key] }) { return cached }
        // Parsed outside the lock: two threads may both parse a file the first time, and both get
        // the same value.
        guard let data = FileManager.default.contents(atPath: absolute) else { return nil }
        let entry = Entry(markup: MarkupDocument(parsing: String(decoding: data, as: UTF8.self)), byteCount: data.count)
        parses.withLock { $0 += 1 }
        entries.withLock { $0[key] = entry }
        return entry
    }

    /// The parse of `absolute` if an include already read it (articles look, never add: holding
    /// every article's tree for the whole run would cost memory for no reuse).
    func cached(atPath absolute: String) -> MarkupDocument? {
        let key = Self.realPath(absolute)
        return entries.withLock { $0[key]?.markup }
    }

    /// How many files are held (for tests).
    public var count: Int { entries.withLock { $0.count } }
    /// How many times a file was parsed (for tests: once per file when loads run one at a time).
    public var parseCount: Int { parses.withLock { $0 } }

    /// Symlinks resolved, so one file reached by two paths is parsed once.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
