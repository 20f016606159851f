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
            // An unreadable subfolder must fail the run, never shrink it silently to a green one.
            var unreadable: String?
            let base = URL(fileURLWithPath: path).standardizedFileURL
            guard let enumerator = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isDirectoryKey], options: [],
                errorHandler: { url, _ in
                    if unreadable == nil { unreadable = url.path }
                    return true
                })
            else {
                throw UsageError(message: "cannot read the folder '\(path)'")
            }
            var found: [String] = []
            let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
            while let url = enumerator.nextObject() as? URL {
                let full = url.standardizedFileURL.path
                guard full.hasPrefix(prefix) else { continue }
                let relative = String(full.dropFirst(prefix.count))
                let components = relative.split(separator: "/")
                if components.dropLast().contains("includes") || components.contains(where: { $0.hasPrefix(".") }) { continue }
                guard relative.lowercased().hasSuffix(".md") else { continue }
                guard FileManager.default.isReadableFile(atPath: full) else {
                    throw UsageError(message: "cannot read '\(full)'; check its permissions")
                }
                found.append(relative)
            }
            if let unreadable {
                throw UsageError(message: "cannot read '\(unreadable)' inside '\(path)'; check its permissions")
            }
            if found.isEmpty {
                throw UsageError(message: "no Markdown articles (.md files outside 'includes' folders) in '\(path)'; pass the folder that holds the docs")
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
