import Core
import Foundation
import Markup

/// Turns cmark blocks into DocFX blocks: splits paragraphs at directive lines, splices includes,
/// recognizes alerts, tables and code directives; `group` then forms zones and tab groups.
struct BlockReader {
    let resolver: PathResolver
    /// Absolute paths of the files being included, outermost first (cycle detection).
    var stack: [String]
    /// Included files already parsed in this run.
    let cache: IncludeCache
    var findings: [Finding] = []
    /// Includes spliced so far and their total size: an include bomb (files each including the
    /// next twice) grows exponentially, so the expansion of one article is bounded.
    var budget = IncludeBudget()
    /// Absolute paths of every include and code source the article names (read or missing), for
    /// `--changed-since`: what DocFX would read, not what a text scan guesses.
    var reached: [String] = []
    /// Includes and code sources larger than this are not read.
    var maxFileBytes = InputFileBound.defaultMaxBytes
    /// Paths already resolved in this article, by folder and written path: a shared include
    /// (`resource-authentication.md`) is named from several files of one folder, and resolving
    /// goes through Foundation's URL and the file system each time.
    var resolved = ResolutionMemo()

    /// A block or a directive that `group` pairs up.
    enum Item {
        case block(DocBlock)
        case zoneStart(pivots: [String], target: String?, location: SourceLocation)
        case zoneEnd(SourceLocation)
        case complexImage(ImageDirective)
        case imageEnd(SourceLocation)
    }

    mutating func convert(_ blocks: [BlockNode], file: SourceFile) -> [Item] {
        blocks.flatMap { convert($0, file: file) }
    }

    mutating func convert(_ block: BlockNode, file: SourceFile) -> [Item] {
        switch block {
        case .heading(let heading):
            let location = file.location(heading.span.startLine, heading.span.startColumn)
            return [.block(.heading(DocHeading(level: heading.level, inlines: heading.inlines, location: location, tab: tabLink(heading.inlines))))]
        case .paragraph(let paragraph):
            return convertParagraph(lines: paragraph.lines, inlines: paragraph.inlines, file: file)
        case .codeBlock(let code):
            if let finding = UnclosedFences.finding(code, in: file) { findings.append(finding) }
            return [.block(.code(DocCodeBlock(block: code, location: file.location(code.fenceLine, code.column))))]
        case .htmlBlock(let html):
            return [.block(.html(literal: html.literal, location: file.location(html.span.startLine, html.span.startColumn)))]
        case .thematicBreak(let rule):
            return [.block(.thematicBreak(file.location(rule.span.startLine, rule.span.startColumn)))]
        case .list(let list):
            let items = list.items.map { item in
                DocListItem(blocks: group(convert(item.children, file: file)), location: file.location(item.span.startLine, item.span.startColumn))
            }
            return [.block(.list(DocList(isOrdered: list.isOrdered, items: items, location: file.location(list.span.startLine, list.span.startColumn))))]
        case .blockQuote(let quote):
            return [.block(convertQuote(quote, file: file))]
        }
    }

    /// `## [Label](#tab/id)`: a heading whose only inline (spaces aside) is a tab link.
    func tabLink(_ inlines: [Inline]) -> TabLink? {
        let meaningful = inlines.filter { inline in
            if case .text(let s) = inline { return !ASCIIScan.trimmingWhitespace(s).isEmpty }
            return true
        }
        guard meaningful.count == 1, case .link(let destination, _, let children) = meaningful[0] else { return nil }
        return TabLink.parse(destination: destination, label: ASCIIScan.trimmingWhitespace(children.plainText))
    }

    mutating func convertQuote(_ quote: BlockQuote, file: SourceFile) -> DocBlock {
        let location = file.location(quote.span.startLine, quote.span.startColumn)
        if case .paragraph(let first)? = quote.children.first, let firstLine = first.lines.first {
            let text = ASCIIScan.trimmingWhitespace(firstLine.text)
            for kind in Alert.Kind.allCases {
                let marker = "[!\(kind.rawValue)]"
                guard text.uppercased().hasPrefix(marker) else { continue }
                if text.count == marker.count {
                    var items: [Item] = []
                    let rest = Array(first.lines.dropFirst())
                    if !rest.isEmpty { items += convertParagraph(lines: rest, inlines: nil, file: file) }
                    items += convert(Array(quote.children.dropFirst()), file: file)
                    return .alert(Alert(kind: kind, blocks: group(items), location: location))
                }
                findings.append(Finding(
                    rule: "note-invalid", severity: .warning, location: file.location(firstLine.number, firstLine.column),
                    message: "'\(marker)' must be alone on its line; DocFX renders '> \(marker) text' as a plain quote. Move the text to the next '>' line"))
                break
            }
        }
        return .blockQuote(DocBlockQuote(blocks: group(convert(quote.children, file: file)), location: location))
    }

    /// A paragraph's lines, split at directive lines; `inlines` is cmark's when the paragraph is whole.
    mutating func convertParagraph(lines: [SourceLine], inlines: [Inline]?, file: SourceFile) -> [Item] {
        var items: [Item] = []
        var chunk: [SourceLine] = []
        var split = inlines == nil
        for line in lines {
            guard let directive = DirectiveLine(line.text) else {
                chunk.append(line)
                continue
            }
            split = true
            items += textChunk(chunk, inlines: nil, file: file)
            chunk = []
            items += directiveItems(directive, line: line, file: file)
        }
        items += textChunk(chunk, inlines: split ? nil : inlines, file: file)
        return items
    }

    /// `|`, looked for as a byte: every paragraph line is scanned for it.
    private var pipe: UInt8 { UInt8(ascii: "|") }

    /// Text lines: pipe tables, paragraphs, and includes written inside the text.
    mutating func textChunk(_ lines: [SourceLine], inlines: [Inline]?, file: SourceFile) -> [Item] {
        guard !lines.isEmpty else { return [] }
        var items: [Item] = []
        if let delimiter = lines.indices.dropFirst().first(where: { lines[$0 - 1].text.utf8.contains(pipe) && PipeTableParser.delimiterRow(lines[$0].text) != nil }),
           let end = Optional(lines[delimiter...].firstIndex(where: { !$0.text.utf8.contains(pipe) }) ?? lines.endIndex),
           let table = PipeTableParser.table(lines: Array(lines[(delimiter - 1)..<end]), file: file.relative) {
            items += textChunk(Array(lines[..<(delimiter - 1)]), inlines: nil, file: file)
            items.append(.block(.table(table)))
            items += textChunk(Array(lines[end...]), inlines: nil, file: file)
            return items
        }
        let parsedInlines = inlines ?? Self.reparse(lines)
        items.append(.block(.paragraph(DocParagraph(inlines: parsedInlines, lines: lines, location: file.location(lines[0].number, lines[0].column)))))
        for line in lines {
            // Columns are counted on from the previous match, not from the line's start each time:
            // a line of many includes would be walked once per include.
            var counted = line.text.startIndex
            var offset = 0
            for match in DirectiveLine.includeMatches(in: line.text) {
                offset += line.text.distance(from: counted, to: match.range.lowerBound)
                counted = match.range.lowerBound
                let column = line.column + offset
                items += include(match.path, file: file, location: file.location(line.number, column))
            }
        }
        return items
    }

    static func reparse(_ lines: [SourceLine]) -> [Inline] {
        let document = MarkupDocument(parsing: lines.map(\.text).joined(separator: "\n"))
        var result: [Inline] = []
        for block in document.blocks {
            if case .paragraph(let p) = block {
                if !result.isEmpty { result.append(.softBreak) }
                result += p.inlines
            } else if case .heading(let h) = block {
                result += h.inlines
            }
        }
        return result
    }

    mutating func directiveItems(_ directive: DirectiveLine, line: SourceLine, file: SourceFile) -> [Item] {
        let location = file.location(line.number, line.column)
        switch directive {
        case .zoneStart(let attributes):
            return [zoneStart(attributes, location: location)]
        case .zoneEnd:
            return [.zoneEnd(location)]
        case .include(_, let path):
            return include(path, file: file, location: location)
        case .image(let attributes):
            let list = AttributeList(attributes)
            let image = ImageDirective(attributes: list.values, description: [], location: location)
            return [image.type == "complex" ? .complexImage(image) : .block(.image(image))]
        case .imageEnd:
            return [.imageEnd(location)]
        case .code(let attributes):
            let list = AttributeList(attributes)
            guard let source = list.values["source"], !source.isEmpty else {
                findings.append(Finding(rule: "code-source-missing", severity: .error, location: location,
                                        message: ":::code has no source=\"…\" attribute; name the file to pull the code from"))
                return []
            }
            return codeDirective(
                source: source, language: list.values["language"], rangeText: list.values["range"], snippetID: list.values["id"],
                file: file, location: location)
        case .legacyCode(let language, let path):
            var source = path, rangeText: String?, snippetID: String?
            if let hash = path.firstIndex(of: "#") {
                source = String(path[..<hash])
                let fragment = path[path.index(after: hash)...]
                if let match = fragment.wholeMatch(of: /L(\d+)(?:-L(\d+))?/) {
                    rangeText = match.output.2.map { "\(match.output.1)-\($0)" } ?? String(match.output.1)
                } else if !fragment.isEmpty {
                    snippetID = String(fragment)
                }
            } else if let question = path.firstIndex(of: "?") {
                source = String(path[..<question])
                for pair in path[path.index(after: question)...].split(separator: "&") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2 else { continue }
                    if kv[0] == "range" { rangeText = kv[1] } else if kv[0] == "name" { snippetID = kv[1] }
                }
            }
            return codeDirective(source: source, language: language, rangeText: rangeText, snippetID: snippetID, file: file, location: location)
        case .otherColonDirective:
            return []
        }
    }

    mutating func zoneStart(_ attributes: Substring, location: SourceLocation) -> Item {
        let list = AttributeList(attributes)
        var problems: [String] = []
        if !list.duplicates.isEmpty { problems.append("duplicate attribute \(list.duplicates.map { "'\($0)'" }.joined(separator: ", "))") }
        if !list.junk.isEmpty { problems.append("cannot read '\(list.junk.joined(separator: " "))' (write name=\"value\")") }
        for name in list.order where name != "pivot" && name != "target" { problems.append("unknown attribute '\(name)'") }
        let pivots = (list.values["pivot"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let pivot = list.values["pivot"], pivots.isEmpty || pivots.contains(where: { !TabLink.isTabID($0.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ".", with: "")) }) {
            problems.append("invalid pivot list '\(pivot)'")
        }
        let target = list.values["target"]
        if let target, !["docs", "chromeless", "pdf"].contains(target) {
            problems.append("target must be docs, chromeless or pdf, not '\(target)'")
        }
        if list.values["pivot"] == nil && target == nil { problems.append("a zone needs pivot=\"…\" or target=\"…\"") }
        if !problems.isEmpty {
            findings.append(Finding(rule: "zone-invalid", severity: .error, location: location,
                                    message: "invalid zone: " + problems.joined(separator: "; ")))
        }
        return .zoneStart(pivots: pivots, target: target, location: location)
    }

    /// A target outside the docs root, which docverify does not read. Outside a root the user
    /// chose, or past the docset's docfx.json or git checkout, it is an error; outside a folder
    /// docverify only inferred (no docfx.json, no checkout) the file may belong to the docset, so
    /// it is a warning that says how to check it.
    func escape(_ named: String, absolute: String, location: SourceLocation) -> Finding {
        guard resolver.escapeIsUncertain(absolute) else {
            return Finding(rule: "include-escape", severity: .error, location: location,
                           message: "\(named) resolves to \(absolute), outside the docs root \(resolver.root); move the file under the root or pass --root")
        }
        return Finding(rule: "include-escape", severity: .warning, location: location,
                       message: "\(named) resolves to \(absolute), outside \(resolver.root), the folder docverify took as the docs root (no --root was given and no docfx.json or git checkout marks the docset), so docverify did not read it; pass --root with the docset's top folder to check it")
    }

    /// An included file's blocks, spliced in place; refuses missing, cyclic and out-of-root targets.
    mutating func include(_ path: String, file: SourceFile, location: SourceLocation) -> [Item] {
        switch resolved.resolve(path, fromFile: file.absolute, with: resolver) {
        case .outside(let absolute):
            findings.append(escape("include '\(path)'", absolute: absolute, location: location))
            return []
        case .inside(let absolute, let relative):
            reached.append(absolute)
            if let refused = refusal(of: absolute, named: "included file '\(path)'", location: location) {
                findings.append(refused)
                return []
            }
            guard let entry = cache.entry(atPath: absolute) else {
                // DocFX maps `~/` paths missing from the docset to other repositories
                // (`dependent_repositories`); without a mapping docverify can't judge them. Through
                // a mapping (a checkout, or --map) a missing file is missing.
                if path.hasPrefix("~/"), !resolver.mappings.contains(where: { $0.remainder(of: path) != nil }) {
                    findings.append(Finding(rule: "include-external", severity: .note, location: location,
                                            message: "included file '\(path)' is not in this docset; DocFX may map it to another repository, so docverify did not read it (pass --map ~/PREFIX=FOLDER to read it from a local checkout)"))
                    return []
                }
                findings.append(Finding(rule: "include-missing", severity: .error, location: location,
                                        message: "included file '\(path)' (\(relative)) does not exist; fix the path"))
                return []
            }
            if stack.contains(absolute) {
                let chain = (stack + [absolute]).map(resolver.display).joined(separator: " → ")
                findings.append(Finding(rule: "include-cycle", severity: .error, location: location,
                                        message: "include cycle: \(chain); remove one of these includes"))
                return []
            }
            if let exceeded = budget.spend(bytes: entry.byteCount, depth: stack.count) {
                if !budget.reported {
                    budget.reported = true
                    findings.append(Finding(rule: "include-limit", severity: .error, location: location,
                                            message: "\(exceeded); docverify stopped expanding includes here. Include shared content fewer times"))
                }
                return []
            }
            let markup = entry.markup
            stack.append(absolute)
            defer { stack.removeLast() }
            // DocFX parses an include as a document of its own: its zones pair up and its tab
            // groups end inside it.
            let items = convert(markup.blocks, file: SourceFile(absolute: absolute, relative: relative, lines: markup.lines))
            return group(items).map { .block($0) }
        }
    }

    mutating func codeDirective(source: String, language: String?, rangeText: String?, snippetID: String?, file: SourceFile, location: SourceLocation) -> [Item] {
        switch resolved.resolve(source, fromFile: file.absolute, with: resolver) {
        case .outside(let absolute):
            findings.append(escape("code source '\(source)'", absolute: absolute, location: location))
            return []
        case .inside(let absolute, let relative):
            reached.append(absolute)
            if let refused = refusal(of: absolute, named: "code source '\(source)'", location: location) {
                findings.append(refused)
                return []
            }
            guard let data = FileManager.default.contents(atPath: absolute) else {
                findings.append(Finding(rule: "code-source-missing", severity: .error, location: location,
                                        message: "code source '\(source)' (\(relative)) does not exist; fix the path"))
                return []
            }
            // Split at `\n` bytes and drop a CRLF file's `\r`, as cmark does for fences in the page.
            var lines = ASCIIScan.lines(String(decoding: data, as: UTF8.self)).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            if lines.last == "" { lines.removeLast() }
            var ranges: [ClosedRange<Int>] = []
            if let rangeText {
                guard let parsed = CodeSnippetReader.parseRanges(rangeText, lineCount: lines.count) else {
                    findings.append(Finding(rule: "code-source-missing", severity: .error, location: location,
                                            message: "cannot read the line range '\(rangeText)'; write it like 2-24,26"))
                    return []
                }
                ranges = parsed
            }
            let languageName = language ?? URL(fileURLWithPath: source).pathExtension
            switch CodeSnippetReader.select(lines: lines, ranges: ranges, snippetID: snippetID) {
            case .failure(let error):
                findings.append(Finding(rule: "code-source-missing", severity: .error, location: location,
                                        message: "code source '\(source)': \(error.message)"))
                return []
            case .success(let selection):
                return [.block(.codeDirective(CodeDirective(
                    language: languageName, source: relative, ranges: ranges, snippetID: snippetID, code: selection.code,
                    sourceStartLine: selection.firstLine, location: location)))]
            }
        }
    }
}
