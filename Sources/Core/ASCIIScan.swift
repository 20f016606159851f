import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level text tests for the per-line hot paths of `check` (Foundation's `range(of:)`,
/// `trimmingCharacters(in:)` and Character-wise `split` dominated its profile).
///
/// Each function gives exactly the answer of the Foundation / Character call it stands for: the
/// byte path only decides the cases it can decide, and hands anything else (non-ASCII bytes at the
/// edges, carriage returns) to the general call.
public enum ASCIIScan {
    /// Whether `text` contains `needle`, an ASCII string, comparing ASCII letters case-insensitively
    /// when `ignoringCase` (the needle must then be lowercase). Stands for `text.contains(needle)`
    /// (`lowercased()` first when ignoring case) on the words docverify looks for.
    public static func contains(_ text: some StringProtocol, _ needle: String, ignoringCase: Bool = false) -> Bool {
        // The needle's bytes are borrowed, not copied into an array: this runs per word per line.
        if let found = needle.utf8.withContiguousStorageIfAvailable({ pattern in
            contains(text, pattern: pattern, ignoringCase: ignoringCase)
        }) {
            return found
        }
        return Array(needle.utf8).withUnsafeBufferPointer { contains(text, pattern: $0, ignoringCase: ignoringCase) }
    }

    /// ``contains(_:_:ignoringCase:)`` on a `String`, the common case: the concrete overload
    /// reads both byte buffers directly, without the generic dispatch per call (it runs per word
    /// per line).
    public static func contains(_ text: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            needle.utf8.withContiguousStorageIfAvailable { search(bytes, for: $0, ignoringCase: ignoringCase) }
        }
        if let found, let found { return found }
        return contains(Substring(text), needle, ignoringCase: ignoringCase)
    }

    static func contains(_ text: some StringProtocol, pattern: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ search($0, for: pattern, ignoringCase: ignoringCase) }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { search($0, for: pattern, ignoringCase: ignoringCase) }
    }

    /// Whether `bytes` hold `pattern` (lowercase when `ignoringCase`): the search behind
    /// ``contains(_:_:ignoringCase:)``, for callers that already hold a line's bytes.
    public static func search(_ bytes: UnsafeBufferPointer<UInt8>, for pattern: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        if !ignoringCase, let base = bytes.baseAddress, let needle = pattern.baseAddress {
            // `memchr` finds the candidate first bytes many at a time; `memcmp` checks the rest.
            let end = base + (bytes.count - pattern.count + 1)
            var from = base
            while from < end, let hit = memchr(from, Int32(first), end - from) {
                let start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                if pattern.count == 1 || memcmp(start + 1, needle + 1, pattern.count - 1) == 0 { return true }
                from = start + 1
            }
            return false
        }
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if lower(bytes[i]) == first {
                var j = 1
                while j < pattern.count, lower(bytes[i + j]) == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when the ends are plain ASCII.
    public static func trimmingWhitespace(_ whole: some StringProtocol) -> String {
        let text = Substring(whole)
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if isPlainEdge(first), isPlainEdge(last) { return String(text) }
        if first < 0x80, last < 0x80 {
            // Only ASCII spaces and tabs to cut: the Unicode spaces `.whitespaces` also holds are
            // never ASCII, and an ASCII byte is always a whole character.
            var start = utf8.startIndex, end = utf8.endIndex
            while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
            while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 { end = utf8.index(before: end) }
            if start < end, utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
                return String(text).trimmingCharacters(in: .whitespaces)
            }
            return String(text[start..<end])
        }
        return String(text).trimmingCharacters(in: .whitespaces)
    }

    /// `text.trimmingCharacters(in: CharacterSet(charactersIn: characters))` for a set of ASCII
    /// characters: an ASCII byte is always a whole scalar, so cutting bytes is cutting scalars.
    public static func trimming(_ text: some StringProtocol, asciiCharacters characters: StaticString) -> String {
        let text = Substring(text)
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, set.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, set.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    /// The first byte that is not an ASCII space or tab, nil for a blank line.
    public static func firstNonBlankByte(_ text: some StringProtocol) -> UInt8? {
        text.utf8.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// The words of `text` split at spaces and line feeds (`split(whereSeparator:)` on those two
    /// Characters, empty words omitted) that hold the byte `mark`. Text that is ASCII without a
    /// carriage return is split on its bytes (each byte is a Character there); other text takes the
    /// Character split. The file-name finders ask this of every paragraph, for words with a dot.
    public static func words(_ text: String, holding mark: UInt8) -> [Substring] {
        // One pass over the bytes finds the marked words' offsets, or gives up at the first byte
        // that is not a whole Character on its own.
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            var ranges: [Range<Int>] = []
            var start = 0
            var marked = false
            for i in 0..<bytes.count {
                let byte = bytes[i]
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte == 0x20 || byte == 0x0A {
                    if marked { ranges.append(start..<i) }
                    start = i + 1
                    marked = false
                } else if byte == mark {
                    marked = true
                }
            }
            if marked { ranges.append(start..<bytes.count) }
            return ranges
        }
        if let found, let ranges = found {
            let utf8 = text.utf8
            return ranges.map { range in
                let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return text[lower..<utf8.index(lower, offsetBy: range.count)]
            }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.utf8.contains(mark) }
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty)`, the Character split,
    /// the same slices: without a carriage return every line feed is a Character of its own (it
    /// joins a grapheme only after "\r"), so ``lines(_:)``'s byte split is that split, without
    /// a grapheme test per Character. Text with a carriage return takes the Character split.
    public static func characterLines(_ text: String, omittingEmpty: Bool = false) -> [Substring] {
        let hasCarriageReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0x0D)
        guard !hasCarriageReturn else { return text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty) }
        let all = lines(text)
        return omittingEmpty ? all.filter { !$0.isEmpty } : all
    }

    /// `text`'s lines, split at each `\n` (empty lines kept, like `omittingEmptySubsequences: false`);
    /// a CRLF line keeps its trailing `\r`.
    public static func lines(_ text: String) -> [Substring] {
        // Every file is split here (twice: front matter and parser): `memchr` over the contiguous
        // bytes finds the breaks, instead of a bounds-checked index step per byte.
        if let found = text.utf8.withContiguousStorageIfAvailable({ lines(text, bytes: $0) }), let found { return found }
        // Split at each `\n` byte, never at String's Characters: `\r\n` is one Character, so a
        // Character split saw a CRLF file as one line. A CRLF line keeps its `\r` (callers trim it).
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// ``lines(_:)`` over `text`'s own bytes; nil (the general path) for empty text.
    private static func lines(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Substring]? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var startOffset = 0
        let end = base + bytes.count
        var from = base
        while from < end, let hit = memchr(from, 0x0A, end - from) {
            let offset = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            // A line break is always a scalar boundary (not always a Character one: `\r\n`), and
            // String slices at scalar boundaries.
            let lineEnd = utf8.index(start, offsetBy: offset - startOffset)
            result.append(text[start..<lineEnd])
            start = utf8.index(after: lineEnd)
            startOffset = offset + 1
            from = base + startOffset
        }
        result.append(text[start..<text.endIndex])
        return result
    }

    /// An ASCII byte that trimming `.whitespaces` keeps (it holds the tab and the Unicode spaces,
    /// not line breaks).
    static func isPlainEdge(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && byte != 0x09
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
