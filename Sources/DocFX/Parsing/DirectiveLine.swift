import Core
import Foundation

/// A paragraph line that is a DocFX directive rather than text.
enum DirectiveLine {
    case zoneStart(attributes: Substring)
    case zoneEnd
    case include(title: String, path: String)
    case image(attributes: Substring)
    case imageEnd
    case code(attributes: Substring)
    case legacyCode(language: String, path: String)
    /// Another `:::` directive (`::: moniker`, `:::row:::`…): not text, not modelled.
    case otherColonDirective

    init?(_ raw: String) {
        // Most paragraph lines are prose: a directive starts with `:` or `[` after the indent.
        // (A non-ASCII first byte may be a Unicode space that trimming removes: read it fully.)
        guard let lead = ASCIIScan.firstNonBlankByte(raw), lead == UInt8(ascii: ":") || lead == UInt8(ascii: "[") || lead >= 0x80 else { return nil }
        let line = ASCIIScan.trimmingWhitespace(raw)
        if line.hasPrefix(":::") {
            var rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("zone-end") {
                self = .zoneEnd
                return
            }
            if rest.hasPrefix("zone"), rest.dropFirst(4).first.map({ $0 == " " || $0 == "\t" }) ?? true {
                self = .zoneStart(attributes: rest.dropFirst(4))
                return
            }
            if rest.hasPrefix("image-end") {
                self = .imageEnd
                return
            }
            for (keyword, make) in [("image", { DirectiveLine.image(attributes: $0) }), ("code", { DirectiveLine.code(attributes: $0) })] as [(String, (Substring) -> DirectiveLine)] {
                if rest.hasPrefix(keyword), rest.dropFirst(keyword.count).first.map({ $0 == " " || $0 == "\t" }) ?? false {
                    rest = rest.dropFirst(keyword.count)
                    if rest.hasSuffix(":::") { rest = rest.dropLast(3) }
                    self = make(rest)
                    return
                }
            }
            self = .otherColonDirective
            return
        }
        // One regex pass: the first include must span the whole line.
        if let match = DirectiveLine.includeMatches(in: line).first, match.range.lowerBound == line.startIndex, match.range.upperBound == line.endIndex {
            self = .include(title: match.title, path: match.path)
            return
        }
        if let legacy = DirectiveLine.legacyCode(line) {
            self = legacy
            return
        }
        return nil
    }

    struct IncludeMatch {
        var range: Range<String.Index>
        var title: String
        var path: String
    }

    /// Every `[!INCLUDE [title](path)]` in a line, in order.
    static func includeMatches(in text: String) -> [IncludeMatch] {
        // This runs for every paragraph line: most have no `[!`, and skipping the regex for them is
        // most of `check`'s time.
        guard mayHoldDirective(text, marker: "[!include") else { return [] }
        return text.matches(of: includePattern).compactMap { match in
            guard let title = match.output[1].substring, let path = match.output[2].substring else { return nil }
            return IncludeMatch(range: match.range, title: String(title), path: String(path))
        }
    }

    static func legacyCode(_ line: String) -> DirectiveLine? {
        guard line.utf8.starts(with: "[!code-".utf8), let match = line.wholeMatch(of: legacyCodePattern),
              let language = match.output[1].substring, let path = match.output[2].substring else { return nil }
        return .legacyCode(language: String(language), path: String(path))
    }

    /// Compiled once: a `Regex` built from a string per line dominated `check`'s profile.
    /// `Regex` isn't `Sendable`; these are never mutated after initialisation.
    nonisolated(unsafe) static let includePattern = try! Regex(#"\[!include\s*\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)\s*\]"#).ignoresCase()
    nonisolated(unsafe) static let legacyCodePattern = try! Regex(#"^\[!code-([A-Za-z0-9#+-]+)\s*\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)\]$"#)

    /// Whether `text` contains `marker` (ASCII, compared case-insensitively) anywhere, scanning bytes.
    static func mayHoldDirective(_ text: String, marker: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        // Every paragraph line comes here: its bytes are read in place, not copied to an array.
        if let found = text.utf8.withContiguousStorageIfAvailable({ mayHold($0, needle: needle) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { mayHold($0, needle: needle) }
    }

    /// The needle's first byte exactly, the others with `| 0x20` on both sides (loose, but never
    /// missing an ASCII case variant).
    private static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first {
                var j = 1
                while j < needle.count, bytes[i + j] | 0x20 == needle[j] | 0x20 { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
