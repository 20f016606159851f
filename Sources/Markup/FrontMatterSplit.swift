import Core

/// Cuts a leading YAML front matter block (`---` … `---` or `...`) off a Markdown text.
///
/// cmark would read the block as a thematic break plus a setext heading, so the front matter lines are
/// replaced by empty lines: the body keeps its line count and every cmark position stays a file line.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML text between the delimiters, nil when the file has no front matter.
    public var yaml: String?
    /// 1-based file line of the first YAML line (the line after the opening `---`).
    public var yamlStartLine: Int
    /// The closing delimiter line, nil when there is no (closed) front matter.
    public var endLine: Int?
    /// The Markdown with the front matter blanked out. Empty in a parsed ``MarkupDocument``: it is
    /// cmark's input only, and keeping it would keep a second copy of the file.
    public var body: String
    /// Where the Markdown after the front matter starts in the text, in UTF-8 bytes (0 without
    /// front matter), and how many empty lines stand for the front matter before it: `body` is
    /// that many line breaks followed by the text from there, so cmark can read it in place.
    public var bodyOffset = 0
    public var blankLines = 0

    /// - Parameter blanking: false leaves `body` empty (the parser reads the text in place through
    ///   ``bodyOffset`` and ``blankLines``, without the copy `body` is).
    public init(text: String, blanking: Bool = true) {
        let lines = ASCIIScan.lines(text)
        yamlStartLine = 2
        guard let first = lines.first, first.trimmingTrailingSpace() == "---" else {
            yaml = nil
            endLine = nil
            body = blanking ? text : ""
            return
        }
        var close: Int?
        for index in 1..<lines.count {
            let line = lines[index].trimmingTrailingSpace()
            if line == "---" || line == "..." {
                close = index
                break
            }
        }
        guard let close else {
            yaml = nil
            endLine = nil
            body = blanking ? text : ""
            return
        }
        yaml = lines[1..<close].joined(separator: "\n")
        endLine = close + 1
        if close + 1 < lines.count {
            blankLines = close + 1
            bodyOffset = text.utf8.distance(from: text.startIndex, to: lines[close + 1].startIndex)
        } else {
            // The closing line ends the file: the blanks joined have one break fewer.
            blankLines = close
            bodyOffset = text.utf8.count
        }
        guard blanking else {
            body = ""
            return
        }
        let blanks = [Substring](repeating: "", count: close + 1)
        body = (blanks + lines[(close + 1)...]).joined(separator: "\n")
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
