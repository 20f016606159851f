import Foundation

/// Joining and `.` / `..` removal done on the string, for the plain absolute paths docsets use:
/// Foundation's `URL` took most of resolving an include. Each function gives exactly the path
/// `URL(fileURLWithPath:)…standardizedFileURL.path` gives, and returns nil for anything it does
/// not decide (other characters, `//`, a trailing slash, `..` above `/`), which goes to `URL`.
enum PlainPath {
    /// Letters, digits, `-`, `_`, `.`: names that percent-encoding and URL parsing leave alone.
    static func isPlainNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// The components of a plain relative path (`a/../b.md`), nil when it is not plain: empty,
    /// absolute, a trailing slash, an empty component, or another byte.
    static func components(_ path: Substring) -> [Substring]? {
        guard !path.isEmpty else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.utf8.allSatisfy(isPlainNameByte) else { return nil }
            parts.append(part)
        }
        return parts
    }

    /// Whether `absolute` is a plain path that standardizing leaves as it is: `/`, then plain
    /// names that are not `.` or `..`, no trailing slash.
    static func isStandardized(_ absolute: String) -> Bool {
        guard absolute.utf8.first == UInt8(ascii: "/"), let parts = components(absolute.dropFirst()) else { return false }
        return !parts.contains { $0 == "." || $0 == ".." }
    }

    /// `URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path`
    /// when `directory` is standardized and `path` plain; nil otherwise.
    static func join(_ directory: String, _ path: Substring) -> String? {
        guard isStandardized(directory), let added = components(path) else { return nil }
        var parts = directory.dropFirst().split(separator: "/")
        for part in added {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        guard !parts.isEmpty else { return nil }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder of a standardized plain file path (what `deletingLastPathComponent` gives), nil
    /// otherwise or for a file directly under `/`.
    static func folder(of file: String) -> String? {
        guard isStandardized(file), let slash = file.lastIndex(of: "/"), slash != file.startIndex else { return nil }
        return String(file[..<slash])
    }
}
