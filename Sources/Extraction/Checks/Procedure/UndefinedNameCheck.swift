import Core
import Procedure
import Quickstart

/// `undefined-name`: a Python, JavaScript or TypeScript program reads a name that nothing binds,
/// imports or provides as a built-in (NameError / ReferenceError when the reader runs it), or reads a
/// misspelt member of the runtime (`process.evn`, `os.enviorn`).
///
/// Only programs are judged: a sample with a file name or an import. A fragment that explains a line
/// of a bigger sample reads names bound elsewhere on purpose. Samples filling one file together
/// (same name, seen by one reader) share their bindings; unnamed samples a reader sees share theirs,
/// as notebook cells do.
enum UndefinedNameCheck {
    static func findings(_ context: ProcedureContext, facts: SampleFacts) -> [Finding] {
        var findings: [Finding] = []
        // A page of helpers that all read the same never-defined setting (`API_KEY` in eight
        // functions nobody calls) is one slip: its first warning names the other lines.
        var dormantFirst: [String: Int] = [:]
        var dormantOthers: [Int: [Int]] = [:]
        for pivot in context.procedure.pivots {
            // Per view (a tab id, or nil for untabbed samples): what it holds, worked out once, not
            // once per sample; a page of thousands of samples was quadratic (found by the fuzzer).
            var views: [String?: View] = [:]
            for step in pivot.steps where step.kind == .createFile || step.kind == .code {
                guard let id = step.sampleID, let sample = context.samples[id], let own = facts[id], !own.unscopable,
                      sample.fileName != nil || own.isProgram else { continue }
                // What the reader of this sample's tab sees (tabs are alternatives: a sibling tab's
                // names are not the reader's); an untabbed sample is judged against every tab.
                let viewKey = step.tab?.id
                let view = views[viewKey] ?? View(step.tab.map { pivot.steps(forTab: $0.id) } ?? pivot.steps, context: context, facts: facts)
                views[viewKey] = view
                let partners = view.partners[PartnerKey(family: sample.language.family, fileName: sample.fileName)] ?? Partners()
                if partners.unscopable { continue }
                let shared = partners.bound
                let python = sample.language == .python
                let runsInNode = view.runsInNode
                let isBuiltin: (String) -> Bool = python
                    ? { PythonBuiltins.names.contains($0) }
                    : { name in
                        if runsInNode && JavaScriptGlobals.browserOnlyCommonNames.contains(name) { return false }
                        return JavaScriptGlobals.names.contains(name) || JavaScriptGlobals.isFamilyGlobal(name)
                    }
                let what = sample.fileName.map { "`\($0)`" } ?? "This \(python ? "Python" : "JavaScript") sample"
                for use in own.undefinedReads(extraBound: shared, builtins: isBuiltin) {
                    if ReaderValues.isReaderValue(use.name) {
                        // `YOUR_API_KEY` written bare: a stand-in the reader replaces, not a name
                        // the program forgot; only its missing quotes are the page's.
                        findings.append(Finding(
                            rule: "undefined-name", severity: .warning,
                            location: sample.markdownLocation(codeLine: use.line, codeColumn: use.column),
                            message: "\(what) uses `\(use.name)` as a stand-in for the reader's own value, written as a bare name: a reader who replaces it must add the quotes; write it as a string (\"\(use.name)\")",
                            pivot: pivot.pivot, tab: step.tab?.id))
                        continue
                    }
                    let error = python ? "NameError: name '\(use.name)' is not defined" : "ReferenceError: \(use.name) is not defined"
                    var message = "\(what) reads `\(use.name)`, which it never defines or imports, so running it stops with \(error)"
                    // Read only in a function the sample defines and never calls: nothing fails as
                    // written, only once the reader calls it (likely, but the page may define the
                    // name where docverify can't see), so a warning.
                    let dormant = python ? own.dormantFunction(reading: use.name) : nil
                    if let dormant {
                        message = "\(what) reads `\(use.name)` in `\(dormant)()`, which it defines but never calls, and nothing defines or imports `\(use.name)`, so calling it stops with \(error)"
                    }
                    if let near = nearest(use.name, in: shared.union(own.bound)) { message += "; did you mean `\(near)`?" }
                    else if python && PythonStandardLibrary.modules.contains(use.name) { message += "; add `import \(use.name)`" }
                    else { message += "; define or import it" }
                    let location = sample.markdownLocation(codeLine: use.line, codeColumn: use.column)
                    if dormant != nil {
                        let key = "\(pivot.pivot ?? "")|\(step.tab?.id ?? "")|\(use.name)"
                        if let first = dormantFirst[key] {
                            if findings[first].location != location { dormantOthers[first, default: []].append(location.line) }
                            continue
                        }
                        dormantFirst[key] = findings.count
                    }
                    findings.append(Finding(
                        rule: "undefined-name", severity: dormant == nil ? .error : .warning,
                        location: location, message: message,
                        pivot: pivot.pivot, tab: step.tab?.id))
                }
                for miss in own.misspellings {
                    let error = python ? "AttributeError" : "TypeError (reading a property of undefined)"
                    findings.append(Finding(
                        rule: "undefined-name", severity: .error,
                        location: sample.markdownLocation(codeLine: miss.line, codeColumn: miss.column),
                        message: "\(what) reads `\(miss.written)`, which doesn't exist, so running it stops with \(error); "
                            + "write `\(miss.meant)`",
                        pivot: pivot.pivot, tab: step.tab?.id))
                }
            }
        }
        for (index, lines) in dormantOthers {
            let shown = Array(Set(lines)).sorted()
            findings[index].message += " (the page's other helpers read it too, never defined: line\(shown.count == 1 ? "" : "s") \(shown.map(String.init).joined(separator: ", ")))"
        }
        return ProcedureContext.unique(findings)
    }

    private struct PartnerKey: Hashable {
        var family: String
        var fileName: String?
    }

    /// Samples of one language family filling one file (or none) in a view: the names they bind together.
    private struct Partners {
        var bound: Set<String> = []
        var unscopable = false
    }

    private struct View {
        var partners: [PartnerKey: Partners] = [:]
        /// Code the page runs with Node.js (a `node`/`tsx` step, an npm install) has no `prompt` or `name` global.
        var runsInNode: Bool

        init(_ steps: [ProcedureStep], context: ProcedureContext, facts: SampleFacts) {
            runsInNode = steps.contains {
                ($0.kind == .run && ["node", "ts-node", "tsx", "bun", "deno", "tsc"].contains($0.tool ?? "")) || ($0.kind == .install && $0.ecosystem == .node)
            }
            for step in steps {
                guard let sample = step.sampleID.flatMap({ context.samples[$0] }) else { continue }
                let key = PartnerKey(family: sample.language.family, fileName: sample.fileName)
                partners[key, default: Partners()].bound.formUnion(facts[sample.id]?.bound ?? [])
                if facts[sample.id]?.unscopable == true { partners[key, default: Partners()].unscopable = true }
            }
        }
    }

    /// A bound name one or two edits away, for "did you mean".
    static func nearest(_ name: String, in names: Set<String>) -> String? {
        guard name.count >= 4 else { return nil }
        return names.filter { $0 != name && EditDistance.between($0, name) <= 2 }.sorted().first
    }
}

extension CodeLanguage {
    /// JavaScript and TypeScript share bindings when they fill one file.
    var family: String {
        switch self {
        case .javascript, .typescript: "js"
        default: rawValue
        }
    }
}
