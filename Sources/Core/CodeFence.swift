/// The opening line of a fenced code block, by the CommonMark rules, for the readers that look
/// at Markdown lines outside cmark (suppression comments, unclosed fences, output claims).
///
/// A fence is a run of at least three backticks or three tildes after at most three spaces; a
/// backtick fence's info string can't contain a backtick (that line is inline code). It is
/// closed by a line of at least as many of the same character, after at most three spaces,
/// followed only by spaces or tabs. Callers remove container prefixes (`>`, list indentation)
/// first, as they see fit.
public struct CodeFence: Sendable, Equatable {
    /// `` ` `` or `~`.
    public var character: Character
    /// How many of them open the fence.
    public var count: Int
    /// The info string, trimmed (`python`, `json title="x"`), empty when there is none.
    public var info: Substring

    /// The fence text itself, such as ```` ``` ```` or `~~~~`.
    public var marker: String { String(repeating: character, count: count) }

    /// The fence `line` opens, nil when it opens none.
    public init?(opening line: Substring) {
        let text = Self.dropIndentation(line)
        guard let first = text.first, first == "`" || first == "~" else { return nil }
        let count = text.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        let info = text.dropFirst(count)
        if first == "`", info.contains("`") { return nil }
        character = first
        self.count = count
        self.info = Self.trimmed(info)
    }

    /// The fence `line` opens, nil when it opens none.
    public init?(opening line: String) {
        self.init(opening: Substring(line))
    }

    /// Whether `line` closes this fence.
    public func isClosed(by line: Substring) -> Bool {
        let text = Self.dropIndentation(line)
        let run = text.prefix { $0 == character }.count
        return run >= count && text.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Whether `line` closes this fence.
    public func isClosed(by line: String) -> Bool {
        isClosed(by: Substring(line))
    }

    /// Up to three leading spaces removed; past that, an empty line, which opens and closes nothing.
    private static func dropIndentation(_ line: Substring) -> Substring {
        let spaces = line.prefix { $0 == " " }.count
        return spaces <= 3 ? line.dropFirst(spaces) : ""
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.drop { $0 == " " || $0 == "\t" }
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)] == " " || start[start.index(before: end)] == "\t" {
            end = start.index(before: end)
        }
        return start[..<end]
    }
}
