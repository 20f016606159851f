import Core
import DocFX
import Markup

/// Splits a pivot's flattened blocks at H2 headings (tab headings excluded) and collects, per
/// section, the tab variants, steps and samples.
struct SectionBuilder {
    var title: String
    var location: SourceLocation
    var tabs: [TabVariant] = []
    var groupCount = 0
    /// The file name each step names, per language: found once per step, not once per sample
    /// (a paragraph followed by many fences was read again for each).
    private var fileNames: [FileNameKey: String?] = [:]
    /// Where each (group, tab id) sits in `tabs`: looked up per sample, so not by a scan of `tabs`.
    private var variantIndices: [VariantKey: Int] = [:]

    private struct VariantKey: Hashable {
        var group: Int?
        var id: String?
    }

    private struct FileNameKey: Hashable {
        var step: SourceLocation
        var language: CodeLanguage
    }

    /// The step a sample belongs to: a list item, or the paragraph before a sample outside lists.
    struct StepRef {
        var text: String
        var inlines: [Inline]
        var location: SourceLocation
    }

    struct TabContext {
        var group: Int
        var link: TabLink
        var location: SourceLocation
    }

    static func sections(of blocks: [DocBlock], ids: inout SampleIDs) -> [Section] {
        // Content before the first H2 is a section with an empty title, kept when it holds samples.
        var parts: [(builder: SectionBuilder, blocks: [DocBlock])] = [
            (SectionBuilder(title: "", location: blocks.first?.location ?? SourceLocation(file: "", line: 1)), [])
        ]
        for block in blocks {
            if case .heading(let heading) = block, heading.level == 2, heading.tab == nil {
                parts.append((SectionBuilder(title: heading.text, location: heading.location), []))
            } else {
                parts[parts.count - 1].blocks.append(block)
            }
        }
        var sections: [Section] = []
        for (offset, part) in parts.enumerated() {
            var builder = part.builder
            builder.walk(part.blocks, tab: nil, step: nil, ids: &ids)
            if offset == 0 && builder.tabs.isEmpty { continue }
            sections.append(builder.section)
        }
        return sections
    }

    var section: Section { Section(title: title, location: location, tabs: tabs) }

    private mutating func fileName(in step: StepRef, language: CodeLanguage) -> String? {
        let key = FileNameKey(step: step.location, language: language)
        if let known = fileNames[key] { return known }
        let found = FileNameFinder.fileName(in: step.inlines, language: language)
        fileNames[key] = found
        return found
    }

    mutating func walk(_ blocks: [DocBlock], tab: TabContext?, step: StepRef?, ids: inout SampleIDs) {
        var lastParagraph: DocParagraph?
        // The step a paragraph makes, built once for all the samples after it: a paragraph's text
        // is computed from its inlines, and a long one followed by many fences was built per fence.
        var lastParagraphStep: StepRef?
        func stepOwner(_ fallback: SourceLocation) -> StepRef {
            if let step { return step }
            guard lastParagraph != nil else { return Self.stepRef(nil, fallback: fallback) }
            if let built = lastParagraphStep { return built }
            let built = Self.stepRef(lastParagraph, fallback: fallback)
            lastParagraphStep = built
            return built
        }
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                lastParagraph = paragraph
                lastParagraphStep = nil
            case .code(let code):
                let owner = stepOwner(code.location)
                let language = CodeLanguage(infoString: code.block.infoString)
                var literal = code.block.literal
                if !literal.isEmpty, !literal.hasSuffix("\n") { literal += "\n" }
                let sample = CodeSample(
                    id: ids.take(), language: language, infoString: code.block.infoString, code: literal,
                    location: code.location, codeStartLine: code.block.codeStartLine, codeStartColumn: code.block.column,
                    fileName: fileName(in: owner, language: language), stepText: owner.text)
                add(sample, step: owner, tab: tab)
            case .codeDirective(let directive):
                guard let code = directive.code else { continue }
                let owner = stepOwner(directive.location)
                let language = CodeLanguage(infoString: directive.language)
                let sample = CodeSample(
                    id: ids.take(), language: language, infoString: directive.language, code: code,
                    location: directive.location, codeStartLine: directive.sourceStartLine, codeStartColumn: 1,
                    sourceFile: directive.source,
                    fileName: fileName(in: owner, language: language), stepText: owner.text)
                add(sample, step: owner, tab: tab)
            case .list(let list):
                for item in list.items {
                    let lead = item.leadParagraph
                    let itemStep = StepRef(text: lead?.text ?? "", inlines: lead?.inlines ?? [], location: item.location)
                    walk(item.blocks, tab: tab, step: itemStep, ids: &ids)
                }
            case .blockQuote(let quote):
                walk(quote.blocks, tab: tab, step: step, ids: &ids)
            case .alert(let alert):
                walk(alert.blocks, tab: tab, step: step, ids: &ids)
            case .tabGroup(let group):
                let index = groupCount
                groupCount += 1
                for item in group.tabs {
                    let context = TabContext(group: index, link: item.link, location: item.location)
                    _ = variantIndex(for: context)
                    walk(item.blocks, tab: context, step: step, ids: &ids)
                }
            case .zone(let zone):
                walk(zone.blocks, tab: tab, step: step, ids: &ids)
            case .heading, .html, .thematicBreak, .table, .image:
                continue
            }
        }
    }

    static func stepRef(_ paragraph: DocParagraph?, fallback: SourceLocation) -> StepRef {
        guard let paragraph else { return StepRef(text: "", inlines: [], location: fallback) }
        return StepRef(text: paragraph.text, inlines: paragraph.inlines, location: paragraph.location)
    }

    mutating func variantIndex(for tab: TabContext?) -> Int {
        let key = VariantKey(group: tab?.group, id: tab?.link.id)
        if let index = variantIndices[key] { return index }
        variantIndices[key] = tabs.count
        tabs.append(TabVariant(
            id: tab?.link.id, label: tab?.link.label, group: tab?.group, condition: tab?.link.condition,
            location: tab?.location, steps: []))
        return tabs.count - 1
    }

    mutating func add(_ sample: CodeSample, step: StepRef, tab: TabContext?) {
        let index = variantIndex(for: tab)
        if let last = tabs[index].steps.indices.last, tabs[index].steps[last].location == step.location {
            tabs[index].steps[last].samples.append(sample)
        } else {
            tabs[index].steps.append(Step(text: step.text, location: step.location, samples: [sample]))
        }
    }
}
