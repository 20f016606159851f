import Foundation

/// Reads the Markdown files findings point at (relative to their docs roots), each once.
public final class SourceLines: @unchecked Sendable {
    private let roots: [String]
    private var texts: [String: String?] = [:]
    private var cache: [String: [String]?] = [:]
    private let lock = NSLock()

    /// - Parameter roots: absolute docs roots to look in, in order.
    public init(roots: [String]) { self.roots = roots }

    /// The text of `file` (relative to one of the roots), nil when no root has it. Callers that
    /// only look for a word read this and leave the file unsplit.
    public func text(_ file: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return unlockedText(file)
    }

    /// The lines of `file` (relative to one of the roots), nil when no root has it.
    public func lines(_ file: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[file] { return cached }
        let found = unlockedText(file).map { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        }
        cache[file] = found
        return found
    }

    private func unlockedText(_ file: String) -> String? {
        if let cached = texts[file] { return cached }
        var found: String?
        for root in roots {
            let path = file.hasPrefix("/") ? file : root + "/" + file
            if let data = FileManager.default.contents(atPath: path) {
                found = String(decoding: data, as: UTF8.self)
                break
            }
        }
        texts[file] = found
        return found
    }
}
