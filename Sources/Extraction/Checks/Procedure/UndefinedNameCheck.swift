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
        for pivot in context.procedure.pivots {
            for step in pivot.steps where step.kind == .createFile || step.kind == .code {
                guard let id = step.sampleID, let sample = context.samples[id], let own = facts[id], !own.unscopable,
                      sample.fileName != nil || own.isProgram else { continue }
                // What the reader of this sample's tab sees (tabs are alternatives: a sibling tab's
                // names are not the reader's); an untabbed sample is judged against every tab.
                let view = step.tab.map { pivot.steps(forTab: $0.id) } ?? pivot.steps
                let partners = view.compactMap { $0.sampleID.flatMap { context.samples[$0] } }
                    .filter { $0.language.family == sample.language.family && $0.fileName == sample.fileName }
                if partners.contains(where: { facts[$0.id]?.unscopable == true }) { continue }
                let shared = partners.reduce(into: Set<String>()) { $0.formUnion(facts[$1.id]?.bound ?? []) }
                let python = sample.language == .python
                // Code the page runs with Node.js (a `node`/`tsx` step, an npm install) has no `prompt` or `name` global.
                let runsInNode = view.contains {
                    ($0.kind == .run && ["node", "ts-node", "tsx", "bun", "deno", "tsc"].contains($0.tool ?? "")) || ($0.kind == .install && $0.ecosystem == .node)
                }
                let isBuiltin: (String) -> Bool = python
                    ? { PythonBuiltins.names.contains($0) }
                    : { name in
                        if runsInNode && JavaScriptGlobals.browserOnlyCommonNames.contains(name) { return false }
                        return JavaScriptGlobals.names.contains(name) || JavaScriptGlobals.isFamilyGlobal(name)
                    }
                let what = sample.fileName.map { "`\($0)`" } ?? "This \(python ? "Python" : "JavaScript") sample"
                for use in own.undefinedReads(extraBound: shared, builtins: isBuiltin) {
                    let error = python ? "NameError: name '\(use.name)' is not defined" : "ReferenceError: \(use.name) is not defined"
                    var message = "\(what) reads `\(use.name)`, which it never defines or imports, so running it stops with \(error)"
                    if let near = nearest(use.name, in: shared.union(own.bound)) { message += "; did you mean `\(near)`?" }
                    else if python && PythonStandardLibrary.modules.contains(use.name) { message += "; add `import \(use.name)`" }
                    else { message += "; define or import it" }
                    findings.append(Finding(
                        rule: "undefined-name", severity: .error,
                        location: sample.markdownLocation(codeLine: use.line, codeColumn: use.column), message: message,
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
        return ProcedureContext.unique(findings)
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
