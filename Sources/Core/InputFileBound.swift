#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size bound on the files docverify reads (articles, includes, `:::code` sources), checked
/// with `stat` before a byte is read: a 10 GB file is refused from its size, and a FIFO or device
/// (which `read` would wait on forever) from its type.
public enum InputFileBound {
    /// 64 MiB: real pages carry base64 audio inline (the service takes 20 MB bodies, so a page's
    /// largest sample is about 27 MB of base64), and anything far beyond that is not a page.
    public static let defaultMaxBytes = 64 * 1024 * 1024

    /// What `stat` says about a path.
    public enum Verdict: Sendable, Equatable {
        /// A regular file within the bound (symlinks followed).
        case readable(bytes: Int)
        /// A regular file larger than the bound.
        case tooLarge(bytes: Int)
        /// A folder (callers report it as they report a missing file).
        case folder
        /// Something else that is not a regular file, named for messages ("a FIFO (named pipe)").
        case notRegularFile(kind: String)
        /// Nothing there, or `stat` failed (permissions of a folder on the way).
        case missing
    }

    /// Looks at `path` without opening it.
    public static func inspect(_ path: String, maxBytes: Int) -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        // The S_IF* constants are macros Swift does not import everywhere; these are POSIX's values.
        switch UInt32(info.st_mode) & 0o170000 {
        case 0o100000:
            let bytes = Int(info.st_size)
            return bytes > maxBytes ? .tooLarge(bytes: bytes) : .readable(bytes: bytes)
        case 0o040000: return .folder
        case 0o010000: return .notRegularFile(kind: "a FIFO (named pipe)")
        case 0o020000: return .notRegularFile(kind: "a character device")
        case 0o060000: return .notRegularFile(kind: "a block device")
        case 0o140000: return .notRegularFile(kind: "a socket")
        default: return .notRegularFile(kind: "not a regular file")
        }
    }

    /// The sentence every `input-too-large` finding and error shares: the size, the bound, the fix.
    public static func tooLargeMessage(bytes: Int, maxBytes: Int) -> String {
        "is \(describe(bytes)), more than the \(describe(maxBytes)) docverify reads (--max-file-bytes), so it was not read or checked; "
            + "raise --max-file-bytes (or max-file-bytes in .docverify.yml) if the file really is this large"
    }

    /// The sentence for a FIFO, device or socket where a file was expected.
    public static func notRegularMessage(kind: String) -> String {
        "is \(kind), not a regular file, so docverify did not read it (reading it could wait forever); point at a Markdown or source file instead"
    }

    /// `73400320 bytes (70.0 MiB)`: exact for the bound, readable for people.
    static func describe(_ bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        return mib >= 1 ? "\(bytes) bytes (\((mib * 10).rounded() / 10) MiB)" : "\(bytes) bytes"
    }
}
