import DocFX
import Foundation

/// `--changed-since REF`: the files git reports changed since REF (committed, staged, unstaged
/// and untracked), and which articles reach one of them through includes and code sources.
struct ChangedSince {
    /// Absolute, standardized paths of the changed files.
    var changed: Set<String>

    /// Asks git, from the folder `directory` is in. A folder outside git or a ref git does not
    /// know is a usage error: checking nothing would look like a green run.
    static func load(ref: String, from directory: String) throws -> ChangedSince {
        let top = try git(["rev-parse", "--show-toplevel"], in: directory, ref: ref)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !top.isEmpty else {
            throw UsageError(message: "--changed-since needs a git repository, and '\(directory)' is not in one")
        }
        let diff = try git(["diff", "--name-only", "--no-renames", ref, "--"], in: top, ref: ref)
        let untracked = try git(["ls-files", "--others", "--exclude-standard"], in: top, ref: ref)
        let names = (diff + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let base = URL(fileURLWithPath: top)
        return ChangedSince(changed: Set(names.map { base.appendingPathComponent($0).standardizedFileURL.resolvingSymlinksInPath().path }))
    }

    /// Whether the article at `path`, or a file it reaches, changed.
    func affects(article path: String, root: String?, mappings: [PathMapping]) -> Bool {
        var seen = Set<String>()
        var pending = [Self.canonical(path)]
        // Include chains are short; the bound keeps a cycle or a huge tree from running away.
        while let file = pending.popLast(), seen.count < 10_000 {
            guard seen.insert(file).inserted else { continue }
            if changed.contains(file) { return true }
            guard file.lowercased().hasSuffix(".md"), let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            pending += SourceReferences.targets(in: text).compactMap { Self.resolve($0, from: file, root: root, mappings: mappings) }
        }
        return false
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A reference as DocFX reads it: `~/` through the maps or from the root, `/` from the root,
    /// anything else from the referring file's folder.
    static func resolve(_ target: String, from file: String, root: String?, mappings: [PathMapping]) -> String? {
        if target.hasPrefix("~/") {
            for mapping in mappings where target.hasPrefix(mapping.prefix + "/") {
                return canonical(mapping.directory + "/" + target.dropFirst(mapping.prefix.count + 1))
            }
            guard let root else { return nil }
            return canonical(root + "/" + target.dropFirst(2))
        }
        if target.hasPrefix("/") {
            guard let root else { return nil }
            return canonical(root + target)
        }
        if target.contains("://") { return nil }
        return canonical(URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(target).path)
    }

    private static func git(_ arguments: [String], in directory: String, ref: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw UsageError(message: "--changed-since needs git, and it could not be started: \(error)")
        }
        // Read before waiting so a large diff cannot fill the pipe and stall git.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if errorText.contains("not a git repository") {
                throw UsageError(message: "--changed-since needs a git repository, and '\(directory)' is not in one")
            }
            throw UsageError(message: "--changed-since \(ref): git could not compare with '\(ref)' (\(errorText.split(separator: "\n").first ?? "")); pass a branch, tag or commit that exists, such as origin/main")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The files a Markdown file names as includes or code sources, as written.
enum SourceReferences {
    // Compiled once: `[!INCLUDE [title](path)]`, `[!code-python[title](path)]`, `:::code … source="path"`.
    nonisolated(unsafe) private static let patterns: [NSRegularExpression] = [
        #"\[!include\s*\[[^\]]*\]\(\s*<?([^)>\s]+)"#,
        #"\[!code(?:-[^\[\s]+)?\s*\[[^\]]*\]\(\s*<?([^)>\s]+)"#,
        #":::\s*code\b[^\n]*?\bsource\s*=\s*"([^"]+)""#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    static func targets(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.flatMap { pattern in
            pattern.matches(in: text, range: range).compactMap { match -> String? in
                guard let captured = Range(match.range(at: 1), in: text) else { return nil }
                // `?name=region` and `#L3-L9` select part of the file; the file is what changed.
                let path = text[captured].split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? ""
                return path.isEmpty ? nil : path
            }
        }
    }
}
