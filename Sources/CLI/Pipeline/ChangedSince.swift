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

    /// Whether the article at `path`, loaded as `document`, or a file it reaches, changed. The
    /// DocFX loader says what it reaches (includes at any depth, code sources, `~/` through --map
    /// and the docset's own maps), so `--changed-since` and `check` can't disagree about what an
    /// article includes. (An article that does not load stays in the run, where its error is.)
    func affects(_ document: DocFXDocument, article path: String) -> Bool {
        (document.sources + [path]).contains { changed.contains(Self.canonical($0)) }
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
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
