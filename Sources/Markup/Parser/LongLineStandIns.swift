import Core

/// Long lines fed to cmark as their start and a short marker, the rest left in the file's text.
///
/// cmark copies every line twice while it parses (its current line, then the block's content):
/// with the file's own text, a fence holding a 20 MB request was held three times at once. A line
/// longer than ``threshold`` is fed as its first ``keptHead`` bytes and a marker; the code literal
/// it lands in is rebuilt from cmark's short literal and the text. Only lines that end up strictly
/// inside a fenced code block may stand in this way: where cmark reads a line's whole content
/// (paragraphs, HTML blocks, fence and end lines), the parser reads the file again in full.
struct LongLineStandIns {
    /// Lines at least this long (UTF-8 bytes, without the line break) stand in.
    static let threshold = 65_536
    /// Bytes of the line fed as they are: enough for any container prefix and indentation.
    static let keptHead = 1_024

    /// File line (1-based) → the UTF-8 range of the text that its marker stands for.
    private(set) var tails: [Int: Range<Int>] = [:]

    var isEmpty: Bool { tails.isEmpty }
    var count: Int { tails.count }

    init() {}

    /// The lines of `text` from `firstLine` on that may stand in. None when the text has a
    /// carriage return or NUL, or already holds a marker's first character (U+E000).
    init(text: String, lines: [Substring], firstLine: Int) {
        var text = text
        let usable = text.withUTF8 { bytes -> Bool in
            // cmark changes NUL to U+FFFD: a tail copied from the text would not.
            guard !bytes.contains(0x0D), !bytes.contains(0x00) else { return false }
            var i = 0
            while let at = bytes[i...].firstIndex(of: 0xEE) {
                if at + 2 < bytes.count, bytes[at + 1] == 0x80, bytes[at + 2] == 0x80 { return false }
                i = at + 1
            }
            return true
        }
        guard usable, firstLine >= 1 else { return }
        for number in firstLine...max(firstLine, lines.count) where number <= lines.count {
            let line = lines[number - 1]
            guard line.utf8.count >= Self.threshold else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: line.startIndex)
            var head = start + Self.keptHead
            let end = start + line.utf8.count
            let headOK = text.withUTF8 { bytes -> Bool in
                // Back to a scalar boundary.
                while head > start, bytes[head] & 0xC0 == 0x80 { head -= 1 }
                // A line of only blanks, `>`, backticks or tildes at its start could be a fence or
                // a container's: those are read from the whole line, so such a line stays whole.
                return bytes[start..<head].contains { ![0x20, 0x09, 0x3E, 0x60, 0x7E].contains($0) }
            }
            if headOK { tails[number] = head..<end }
        }
    }

    static func marker(_ line: Int) -> [UInt8] { Array("\u{E000}\(line)\u{E001}".utf8) }

    /// Feeds `text` from byte `offset` on to `feed`, each standing-in line as its head and marker.
    func feed(_ text: String, from offset: Int, _ feed: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var cursor = offset
            for line in tails.keys.sorted() {
                guard let tail = tails[line], tail.lowerBound >= cursor else { continue }
                feed(UnsafeBufferPointer(rebasing: bytes[cursor..<tail.lowerBound]))
                Self.marker(line).withUnsafeBufferPointer { feed($0) }
                cursor = tail.upperBound
            }
            if cursor < bytes.count { feed(UnsafeBufferPointer(rebasing: bytes[cursor..<bytes.count])) }
        }
    }

    /// The markers in `literal` (cmark's), in order: (byte range in the literal, file line).
    func markers(in literal: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, line: Int)] {
        var found: [(Range<Int>, Int)] = []
        var i = 0
        while let at = literal[i...].firstIndex(of: 0xEE) {
            i = at + 1
            guard at + 2 < literal.count, literal[at + 1] == 0x80, literal[at + 2] == 0x80 else { continue }
            var j = at + 3
            var number = 0
            while j < literal.count, literal[j] >= 0x30, literal[j] <= 0x39, number < 1 << 40 {
                number = number * 10 + Int(literal[j] - 0x30)
                j += 1
            }
            guard j + 2 < literal.count, literal[j] == 0xEE, literal[j + 1] == 0x80, literal[j + 2] == 0x81,
                  tails[number] != nil else { continue }
            found.append((at..<(j + 3), number))
            i = j + 3
        }
        return found
    }

    /// `literal` with each marker replaced by the text it stands for: one String, sized once.
    func rebuilt(_ literal: UnsafeBufferPointer<UInt8>, markers: [(range: Range<Int>, line: Int)], text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            let size = markers.reduce(literal.count) { $0 - $1.range.count + tails[$1.line]!.count }
            return String(unsafeUninitializedCapacity: size) { out in
                var written = 0
                var cursor = 0
                func copy(_ piece: Slice<UnsafeBufferPointer<UInt8>>) {
                    _ = UnsafeMutableBufferPointer(rebasing: out[written..<(written + piece.count)]).initialize(from: piece)
                    written += piece.count
                }
                for marker in markers {
                    copy(literal[cursor..<marker.range.lowerBound])
                    copy(source[tails[marker.line]!])
                    cursor = marker.range.upperBound
                }
                copy(literal[cursor..<literal.count])
                return written
            }
        }
    }
}
