import Core
import DocFX
import Markup
import Quickstart

/// Builds the procedure of an article: per pivot, the steps in reading order, from the prose and the
/// samples of the resolved DocFX blocks the quickstart model was built from.
public enum ProcedureBuilder {
    public static func build(_ document: QuickstartDocument) -> DocumentProcedure {
        // The prose and samples outside zones are in every pivot: each is read once, its steps reused.
        var cache = StepCache()
        return DocumentProcedure(file: document.file, pivots: document.pivots.map { pivot in
            var walker = Walker(samples: Dictionary(
                pivot.sections.flatMap { $0.tabs.flatMap(\.samples) }.map { (Walker.key($0.location), $0) },
                uniquingKeysWith: { first, _ in first }), cache: cache)
            let blocks = PivotFlattener.flatten(document.blocks, pivot: pivot.id)
            walker.walk(blocks, tab: nil)
            cache = walker.cache
            return PivotProcedure(pivot: pivot.id, steps: RequirementsFiles.resolve(walker.steps) + unreadIncludes(document, blocks))
        })
    }

    /// The steps of paragraphs and samples already read, by location, for the next pivot. A hit
    /// must hold the same inlines (the same sample but for its per-pivot id): the steps depend on
    /// nothing else, so reusing them gives exactly what reading again would.
    struct StepCache {
        var paragraphs: [SourceLocation: (inlines: [Inline], steps: [ProcedureStep])] = [:]
        var samples: [SourceLocation: (sample: CodeSample, steps: [ProcedureStep])] = [:]

        mutating func steps(in paragraph: DocParagraph) -> [ProcedureStep] {
            if let hit = paragraphs[paragraph.location], hit.inlines == paragraph.inlines { return hit.steps }
            let steps = ProseReader.steps(in: paragraph)
            paragraphs[paragraph.location] = (paragraph.inlines, steps)
            return steps
        }

        /// Every step of a sample carries its id, the one thing that differs between pivots.
        mutating func steps(for sample: CodeSample) -> [ProcedureStep] {
            if let hit = samples[sample.location] {
                var probe = sample
                probe.id = hit.sample.id
                if probe == hit.sample {
                    return hit.steps.map { step in
                        var step = step
                        step.sampleID = sample.id
                        return step
                    }
                }
            }
            let steps = SampleReader.steps(for: sample)
            samples[sample.location] = (sample, steps)
            return steps
        }
    }

    /// An include docverify couldn't read (`~/` content of another repository, a missing file) may
    /// hold set-up: a step that sends the reader elsewhere, for the pivots that show its file.
    static func unreadIncludes(_ document: QuickstartDocument, _ blocks: [DocBlock]) -> [ProcedureStep] {
        let unread = document.findings.filter { ["include-external", "include-missing"].contains($0.rule) }
        // Most documents read every include: then there are no files to collect.
        guard !unread.isEmpty else { return [] }
        var files = Set<String>()
        var stack = blocks
        var budget = 100_000
        while let block = stack.popLast(), budget > 0 {
            budget -= 1
            files.insert(block.location.file)
            switch block {
            case .list(let list): stack += list.items.flatMap(\.blocks)
            case .blockQuote(let quote): stack += quote.blocks
            case .alert(let alert): stack += alert.blocks
            case .zone(let zone): stack += zone.blocks
            case .tabGroup(let group): stack += group.tabs.flatMap(\.blocks)
            default: break
            }
        }
        return unread.filter { files.contains($0.location.file) }
            .map { finding in
                var step = ProcedureStep(kind: .setUpElsewhere, location: finding.location)
                step.link = "an include docverify could not read"
                return step
            }
    }

    struct Walker {
        var samples: [String: CodeSample]
        var cache: StepCache
        var steps: [ProcedureStep] = []
        var groupCount = 0

        static func key(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

        mutating func walk(_ blocks: [DocBlock], tab: ProcedureTab?) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    add(cache.steps(in: paragraph), tab: tab)
                case .table(let table):
                    add(ProseReader.steps(in: table), tab: tab)
                case .code(let code):
                    if let sample = samples[Self.key(code.location)] { add(cache.steps(for: sample), tab: tab) }
                case .codeDirective(let directive):
                    if let sample = samples[Self.key(directive.location)] { add(cache.steps(for: sample), tab: tab) }
                case .list(let list):
                    for item in list.items { walk(item.blocks, tab: tab) }
                case .blockQuote(let quote):
                    walk(quote.blocks, tab: tab)
                case .alert(let alert):
                    walk(alert.blocks, tab: tab)
                case .zone(let zone):
                    walk(zone.blocks, tab: tab)
                case .tabGroup(let group):
                    let index = groupCount
                    groupCount += 1
                    for item in group.tabs { walk(item.blocks, tab: ProcedureTab(group: index, id: item.link.id)) }
                case .heading, .html, .thematicBreak, .image:
                    continue
                }
            }
        }

        mutating func add(_ new: [ProcedureStep], tab: ProcedureTab?) {
            for var step in new {
                step.tab = tab
                // "Create the `app.py` file with the following code:" and its sample are one step.
                if step.kind == .createFile, step.sampleID != nil, let last = steps.last, last.kind == .createFile,
                   last.sampleID == nil, last.file == step.file, last.tab == tab {
                    steps.removeLast()
                }
                steps.append(step)
            }
        }
    }
}

/// `pip install -r requirements.txt` installs what the page's `requirements.txt` sample lists.
enum RequirementsFiles {
    static func resolve(_ steps: [ProcedureStep]) -> [ProcedureStep] {
        var files: [String: [String]] = [:]
        for step in steps where step.kind == .install && step.tool == "requirements" {
            if let file = step.file { files[file] = step.packages }
        }
        return steps.compactMap { step in
            if step.kind == .install, step.tool == "requirements" { return nil }
            guard step.kind == .install, step.installsUnknown, let file = step.file,
                  let listed = files[file] ?? files[file.split(separator: "/").last.map(String.init) ?? file] else { return step }
            var resolved = step
            resolved.packages += listed
            resolved.installsUnknown = false
            return resolved
        }
    }
}
