import CCmark
import Core
import Foundation

/// The only place that talks to libcmark: parses with `CMARK_OPT_SOURCEPOS` and converts the C tree
/// into ``BlockNode`` values, then frees it.
enum MarkupParser {
    static func parse(_ text: String) -> MarkupDocument {
        // The text is read in place throughout (cmark from it, the converter from slices of its
        // lines); the front matter is fed to cmark as empty lines, not blanked in a copy. A fence can
        // hold a 20 MB request, and each copy of the file made on the way was one more of it.
        let split = FrontMatterSplit(text: text, blanking: false)
        let raw = ASCIIScan.lines(text)
        let standIns = LongLineStandIns(text: text, lines: raw, firstLine: split.blankLines + 1)
        if !standIns.isEmpty, let document = parse(text, split, raw, standIns: standIns) { return document }
        // Without stand-ins the conversion always gives a document.
        return parse(text, split, raw, standIns: LongLineStandIns()) ?? MarkupDocument(blocks: [], lines: lines(raw), frontMatter: split)
    }

    /// The document, or nil when a line that stood in (``LongLineStandIns``) did not land strictly
    /// inside a fenced code block.
    private static func parse(_ text: String, _ split: FrontMatterSplit, _ raw: [Substring], standIns: LongLineStandIns) -> MarkupDocument? {
        guard let root = parseBody(of: text, split, standIns: standIns) else {
            return MarkupDocument(blocks: [], lines: lines(raw), frontMatter: split)
        }
        let converter = Converter(text: text, lines: raw, standIns: standIns)
        let blocks = converter.blocks(of: root, depth: 0)
        cmark_node_free(root)
        if !standIns.isEmpty, converter.standInUse.failed || converter.standInUse.replaced.count != standIns.count { return nil }
        var document = MarkupDocument(blocks: blocks, lines: lines(raw, shortening: converter.fenceInteriors.lines), frontMatter: split)
        document.tooDeepAtLine = converter.cut.line
        return document
    }

    /// The file's lines as the document keeps them, without "\r". A line inside a fenced code block
    /// longer than ``MarkupDocument/longCodeLineKept`` keeps only its start: the block's literal
    /// holds it whole, nothing reads such a line from here, and kept whole it was one more copy
    /// of a fence holding a 20 MB request.
    private static func lines(_ raw: [Substring], shortening interiors: Set<Int> = []) -> [String] {
        raw.enumerated().map { index, line in
            // A carriage return is always a Character of its own, so its byte is the suffix test.
            let line = line.utf8.last == 0x0D ? line.dropLast() : line
            guard line.utf8.count > MarkupDocument.longCodeLineKept, interiors.contains(index + 1) else { return String(line) }
            var end = line.utf8.index(line.startIndex, offsetBy: MarkupDocument.longCodeLineKept)
            // Back to a scalar boundary: a continuation byte (10xxxxxx) is inside a character.
            while end > line.startIndex, line.utf8[end] & 0xC0 == 0x80 { end = line.utf8.index(before: end) }
            return String(line[..<end])
        }
    }

    /// cmark's tree of the text after the front matter, which it reads as `split.blankLines` empty
    /// lines, so every cmark line number is a file line.
    private static func parseBody(of text: String, _ split: FrontMatterSplit, standIns: LongLineStandIns) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        if split.blankLines > 0 {
            let blanks = [CChar](repeating: 0x0A, count: split.blankLines)
            blanks.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard split.bodyOffset < text.utf8.count else { return cmark_parser_finish(parser) }
        standIns.feed(text, from: split.bodyOffset) { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        return cmark_parser_finish(parser)
    }
}

/// Where conversion stopped descending: the first node past the depth bound.
private final class DepthCut {
    var line: Int?
}

/// Which stand-in lines the conversion put back, and whether one landed where it may not.
private final class StandInUse {
    var replaced = Set<Int>()
    var failed = false
}

/// Lines strictly inside fenced code blocks (not the fences), whose text only the literal needs.
private final class FenceInteriors {
    var lines = Set<Int>()

    func add(_ span: SourceSpan, longLines: [Int]) {
        for line in longLines where line > span.startLine && line < span.endLine { lines.insert(line) }
    }
}

private struct Converter {
    /// The text the lines are slices of.
    let text: String
    /// The file's lines, slices of the text (with any "\r").
    let lines: [Substring]
    /// Long lines cmark was fed only the start of.
    let standIns: LongLineStandIns
    let cut = DepthCut()
    let fenceInteriors = FenceInteriors()
    let standInUse = StandInUse()
    /// Containers (quotes, lists) and inline spans (emphasis, links) nested deeper than this are
    /// not converted: the conversion recurses, and hostile nesting (thousands of `>` or `*`) would
    /// exhaust the stack. Real pages nest a handful of levels.
    static let maxDepth = MarkupDocument.maxNesting

    func tooDeep(_ node: OpaquePointer, _ depth: Int) -> Bool {
        guard depth > Self.maxDepth else { return false }
        if cut.line == nil { cut.line = max(1, Int(cmark_node_get_start_line(node))) }
        return true
    }

    func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    func span(of node: OpaquePointer) -> SourceSpan {
        SourceSpan(
            startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// A code block's literal, taken out of cmark's tree: cmark's copy is freed at once rather
    /// than with the tree. When the literal is the file's text from `line` on byte for byte (a
    /// fence outside lists and quotes), cmark's copy is freed first and the literal made from the
    /// text, so a large fence is never held three times (file, cmark, literal).
    func takeLiteral(of node: OpaquePointer, fromLine line: Int, span: SourceSpan, fenced: Bool) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        let length = strlen(pointer)
        if !standIns.isEmpty {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
            let markers = standIns.markers(in: bytes)
            if !markers.isEmpty {
                // Only a line strictly inside a fence is read by cmark as content alone.
                if !fenced || markers.contains(where: { $0.line <= span.startLine || $0.line >= span.endLine }) {
                    standInUse.failed = true
                }
                for marker in markers { standInUse.replaced.insert(marker.line) }
                let literal = standIns.rebuilt(bytes, markers: markers, text: text)
                cmark_node_set_literal(node, "")
                return literal
            }
        }
        if length >= Self.inPlaceLiteralMinimum, let range = textRange(ofLine: line, length: length),
           literalMatches(pointer, range) {
            cmark_node_set_literal(node, "")
            var text = text
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        let literal = String(cString: pointer)
        cmark_node_set_literal(node, "")
        return literal
    }

    /// Literals shorter than this are copied from cmark as before (nothing to save).
    static let inPlaceLiteralMinimum = 65_536

    /// The UTF-8 range of `length` bytes of the text from the start of 1-based `line`.
    func textRange(ofLine line: Int, length: Int) -> Range<Int>? {
        guard line >= 1, line <= lines.count else { return nil }
        let start = text.utf8.distance(from: text.startIndex, to: lines[line - 1].startIndex)
        guard start + length <= text.utf8.count else { return nil }
        return start..<(start + length)
    }

    func literalMatches(_ pointer: UnsafePointer<CChar>, _ range: Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            memcmp(pointer, bytes.baseAddress! + range.lowerBound, range.count) == 0
        }
    }

    /// Lines of `span` longer than ``MarkupDocument/longCodeLineKept`` bytes.
    func longLines(_ span: SourceSpan) -> [Int] {
        guard span.startLine >= 1, span.endLine <= lines.count, span.startLine <= span.endLine else { return [] }
        return (span.startLine...span.endLine).filter { lines[$0 - 1].utf8.count > MarkupDocument.longCodeLineKept }
    }

    func blocks(of node: OpaquePointer, depth: Int) -> [BlockNode] {
        children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    func block(_ node: OpaquePointer, depth: Int) -> BlockNode? {
        if tooDeep(node, depth) { return nil }
        let type = cmark_node_get_type(node)
        let span = span(of: node)
        switch type {
        case CMARK_NODE_HEADING:
            return .heading(Heading(level: Int(cmark_node_get_heading_level(node)), inlines: inlines(of: node, depth: depth), span: span))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(Paragraph(inlines: inlines(of: node, depth: depth), lines: sourceLines(span), span: span))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(codeBlock(node, span: span))
        case CMARK_NODE_HTML_BLOCK:
            let text = literal(of: node)
            let count = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0))
            var fixed = span
            fixed.endLine = span.startLine + count - 1
            return .htmlBlock(HTMLBlock(literal: text, span: fixed))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { ListItem(children: blocks(of: $0, depth: depth + 1), span: self.span(of: $0)) }
            return .list(ListBlock(
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), items: items, span: span))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(BlockQuote(children: blocks(of: node, depth: depth), span: span))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(ThematicBreak(span: span))
        default:
            return nil
        }
    }

    func codeBlock(_ node: OpaquePointer, span: SourceSpan) -> CodeBlock {
        // cmark 0.30 has no `cmark_node_get_fenced`: the start line tells.
        let fenced = isFence(line: span.startLine, column: span.startColumn)
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        if fenced {
            fenceInteriors.add(span, longLines: longLines(span))
            return CodeBlock(
                infoString: info, literal: takeLiteral(of: node, fromLine: span.startLine + 1, span: span, fenced: true), isFenced: true, fenceLine: span.startLine,
                column: span.startColumn, codeStartLine: span.startLine + 1, span: span)
        }
        // Indented code: cmark's start column is already the first code character's.
        return CodeBlock(
            infoString: "", literal: takeLiteral(of: node, fromLine: span.startLine, span: span, fenced: false), isFenced: false, fenceLine: span.startLine,
            column: span.startColumn, codeStartLine: span.startLine, span: span)
    }

    func isFence(line: Int, column: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let text = withoutCR(lines[line - 1]).utf8.dropFirst(max(0, column - 1))
        let trimmed = String(decoding: text, as: UTF8.self).drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }

    /// The block's raw lines with container prefixes (indentation, `>`) removed.
    func sourceLines(_ span: SourceSpan) -> [SourceLine] {
        guard span.startLine >= 1, span.endLine >= span.startLine, span.endLine <= lines.count else { return [] }
        let prefix = max(0, span.startColumn - 1)
        return (span.startLine...span.endLine).map { number in
            let line = withoutCR(lines[number - 1])
            var index = line.startIndex
            var dropped = 0
            if number == span.startLine {
                index = line.utf8.index(line.startIndex, offsetBy: min(prefix, line.utf8.count))
                dropped = prefix
            } else {
                while dropped < prefix, index < line.endIndex, line[index] == " " || line[index] == "\t" || line[index] == ">" {
                    index = line.index(after: index)
                    dropped += 1
                }
            }
            return SourceLine(number: number, text: String(line[index...]), column: dropped + 1)
        }
    }

    /// A line as ``MarkupDocument/lines`` holds it.
    func withoutCR(_ line: Substring) -> Substring {
        line.hasSuffix("\r") ? line.dropLast() : line
    }

    func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        children(of: node).compactMap { inline($0, depth: depth + 1) }
    }

    func inline(_ node: OpaquePointer, depth: Int) -> Inline? {
        if tooDeep(node, depth) { return nil }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node, depth: depth))
        case CMARK_NODE_LINK:
            return .link(
                destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "", children: inlines(of: node, depth: depth))
        case CMARK_NODE_IMAGE:
            return .image(
                source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "", children: inlines(of: node, depth: depth))
        case CMARK_NODE_HTML_INLINE: return .html(literal(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        default: return nil
        }
    }
}
