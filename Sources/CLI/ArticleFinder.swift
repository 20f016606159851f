import Foundation

/// Expands command-line paths into articles: files as given, folders searched for `.md` files
/// outside `includes` folders.
enum ArticleFinder {
    /// Each article with the root to load it with (the `--root`, or the folder argument it was found in).
    static func articles(in paths: [String], root: String?) throws -> [(path: String, root: String?, explicit: Bool)] {
        var result: [(String, String?, Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError(message: "'\(path)' does not exist")
            }
            guard isDirectory.boolValue else {
                guard FileManager.default.isReadableFile(atPath: path) else { throw UsageError(message: "cannot read '\(path)'") }
                result.append((path, root, true))
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw UsageError(message: "cannot read the folder '\(path)'")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.dropLast().contains("includes") || components.contains(where: { $0.hasPrefix(".") }) { continue }
                if relative.lowercased().hasSuffix(".md") { found.append(relative) }
            }
            for relative in found.sorted() {
                result.append((URL(fileURLWithPath: path).appendingPathComponent(relative).path, root ?? path, false))
            }
        }
        return result
    }
}

/// A command-line mistake: printed as `error: …`, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
