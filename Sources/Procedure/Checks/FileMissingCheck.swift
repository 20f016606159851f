import Core
import Quickstart

/// `file-missing`: a run step names a file that no step of the reader's procedure creates — or
/// creates under another case (`node app.js` after `App.js`), which fails on case-sensitive file
/// systems. Only judged when the page names its files and every sample of that language has a name
/// (an unnamed sample leaves the name to the reader).
public enum FileMissingCheck {
    public static func findings(_ context: ProcedureContext) -> [Finding] {
        var findings: [Finding] = []
        for reading in context.readings {
            let created = reading.steps.filter { $0.kind == .createFile }.compactMap(\.file)
            let compiles = reading.steps.contains { $0.kind == .run && $0.tool == "tsc" }
            // A cloned or downloaded project holds files the page never shows.
            if created.contains("*") { continue }
            for run in reading.steps where run.kind == .run && run.tool != "tsc" && run.tool != "curl" {
                guard let file = run.file, !file.contains("$"), !file.contains("%") else { continue }
                let family = FileNames.family(file)
                guard ["python", "javascript", "typescript"].contains(family) else { continue }
                let sources = acceptedSources(for: file, compiles: compiles)
                var seen = Set<String>()
                let named = created.filter { sources.families.contains(FileNames.family($0)) && seen.insert($0).inserted }
                if named.contains(where: { sources.stems.contains(FileNames.stem($0)) }) { continue }
                let location = run.location
                if let near = named.first(where: { name in sources.stems.contains { $0.lowercased() == FileNames.stem(name).lowercased() } }) {
                    findings.append(Finding(
                        rule: "file-missing", severity: .error, location: location,
                        message: "`\(run.command ?? file)` runs `\(file)`, but the page creates `\(near)`; file names are "
                            + "case-sensitive on Linux, so the command fails with a file-not-found error there: use one spelling",
                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
                    continue
                }
                if family == "javascript", !compiles,
                   let source = created.first(where: { FileNames.family($0) == "typescript" && FileNames.stem($0) == FileNames.stem(file) }) {
                    findings.append(Finding(
                        rule: "file-missing", severity: .error, location: location,
                        message: "`\(run.command ?? file)` runs `\(file)`, but the page only creates `\(source)` and no step compiles it, "
                            + "so Node.js can't find the file; add a `npx tsc` step before it",
                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
                    continue
                }
                guard !named.isEmpty, allSamplesNamed(family: sources.families, steps: reading.steps, context: context) else { continue }
                let message = "`\(run.command ?? file)` runs `\(file)`, but no step creates it (the page creates "
                    + named.map { "`\($0)`" }.joined(separator: ", ") + "); name the file the same in both steps"
                findings.append(Finding(rule: "file-missing", severity: .error, location: location, message: message,
                                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
            }
        }
        return ProcedureContext.unique(findings)
    }

    /// A `.js` file may come from a `.ts` file of the same stem when the page compiles.
    static func acceptedSources(for file: String, compiles: Bool) -> (families: Set<String>, stems: Set<String>) {
        let family = FileNames.family(file)
        var families: Set<String> = [family]
        if family == "javascript" && compiles { families.insert("typescript") }
        return (families, [FileNames.stem(file)])
    }

    /// Every sample of the family has a name: its own, or one an earlier paragraph gives ("create a
    /// new file named app.ts", then the code in tabs).
    static func allSamplesNamed(family: Set<String>, steps: [ProcedureStep], context: ProcedureContext) -> Bool {
        var proseNamed = Set<String>()
        for step in steps {
            if step.kind == .createFile, step.sampleID == nil, let file = step.file { proseNamed.insert(FileNames.family(file)) }
            if step.kind == .code, let language = step.tool, family.contains(language), !proseNamed.contains(language) { return false }
        }
        return true
    }
}
