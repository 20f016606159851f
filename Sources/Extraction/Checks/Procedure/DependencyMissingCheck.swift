import Core
import Procedure
import Quickstart

/// `dependency-missing`: a program imports a module that is neither in the language's standard
/// library nor installed by a step the reader follows (ModuleNotFoundError / "Cannot find package").
/// Only judged when the reader's steps do install packages for that language, and when docverify
/// knows everything those packages bring along; a page with no install step sends the reader elsewhere.
enum DependencyMissingCheck {
    static func findings(_ context: ProcedureContext, facts: SampleFacts) -> [Finding] {
        var findings: [Finding] = []
        // One finding per import and package: readers of two tabs reaching the same untabbed
        // sample would otherwise each report it, naming their own install step.
        var reported = Set<String>()
        for reading in context.readings {
            let steps = reading.steps
            let createdStems = Set(steps.filter { $0.kind == .createFile }.compactMap(\.file).map(FileNames.stem))
            for ecosystem in [ProcedureStep.Ecosystem.python, .node] {
                let installs = steps.filter { $0.kind == .install && $0.ecosystem == ecosystem && $0.tool != "npm init" }
                // A bare `npm install` installs a package.json the page may not show.
                let hasPackageJSON = steps.contains { $0.kind == .install && $0.tool == "package.json" }
                let bareInstall = installs.contains { $0.packages.isEmpty && $0.tool != "package.json" && !hasPackageJSON }
                guard !installs.isEmpty, !installs.contains(where: \.installsUnknown), !bareInstall else { continue }
                let named = Set(installs.flatMap(\.packages))
                // `openai==0.28.1` also brings what that old version depended on (`requests`).
                guard let closure = PackageNames.closure(of: named.union(installs.flatMap(\.alsoInstalls)), ecosystem: ecosystem) else { continue }
                let languages: Set<CodeLanguage> = ecosystem == .python ? [.python] : [.javascript, .typescript]
                for step in steps where step.kind == .createFile || step.kind == .code {
                    guard let id = step.sampleID, let sample = context.samples[id], languages.contains(sample.language),
                          let code = facts[id] else { continue }
                    for use in code.imports {
                        guard let missing = missingPackage(use.name, ecosystem: ecosystem, installed: closure, localStems: createdStems),
                              reported.insert("\(sample.id)|\(use.line)|\(use.column)|\(missing)").inserted else { continue }
                        let what = sample.fileName.map { "`\($0)`" } ?? "The sample"
                        let install = installs.last!
                        let failure = ecosystem == .python
                            ? "ModuleNotFoundError: No module named '\(use.name.split(separator: ".").first ?? "")'"
                            : "Error: Cannot find module '\(missing)'"
                        let packages = named.sorted().map { "`\($0)`" }.joined(separator: ", ")
                        let at = "\(install.location.file):\(install.location.line)"
                        // `pip install --upgrade openai` updates the reader's existing set-up (a
                        // quickstart's), which may well hold the package: docverify can't be sure.
                        let uncertain = Self.onlyUpgrades(installs)
                        findings.append(Finding(
                            rule: "dependency-missing", severity: uncertain ? .warning : .error,
                            location: sample.markdownLocation(codeLine: use.line, codeColumn: use.column),
                            message: uncertain
                                ? "\(what) imports `\(use.name)`, but the page only upgrades \(packages) and never installs `\(missing)`: "
                                    + "a reader without it from an earlier set-up gets \(failure); install it at \(at) or name it as a prerequisite"
                                : "\(what) imports `\(use.name)`, but no step installs `\(missing)` (the page installs \(packages)), so running it stops with "
                                    + "\(failure); add `\(missing)` to the install step at \(at)",
                            pivot: reading.pivot.pivot, tab: step.tab?.id ?? reading.tab))
                    }
                }
            }
        }
        return ProcedureContext.unique(findings)
    }

    /// True when every install step upgrades (`pip install --upgrade openai`, `-U`): the page
    /// updates an environment set up elsewhere rather than making one.
    static func onlyUpgrades(_ installs: [ProcedureStep]) -> Bool {
        installs.allSatisfy { step in
            guard let words = step.command?.split(separator: " ") else { return false }
            return words.contains { $0 == "--upgrade" || $0 == "-U" }
        }
    }

    /// Modules of the IPython kernel that runs notebook cells: code importing them
    /// (`from IPython.display import clear_output`) is written for a notebook, where Jupyter
    /// already brought them, not for a bare interpreter.
    static let kernelModules: Set<String> = ["IPython", "ipykernel"]

    /// The package to install for `module`, or nil when the module is available.
    static func missingPackage(_ module: String, ecosystem: ProcedureStep.Ecosystem, installed: Set<String>, localStems: Set<String>) -> String? {
        switch ecosystem {
        case .python:
            guard !module.hasPrefix("."), !module.isEmpty else { return nil }
            let top = String(module.split(separator: ".").first ?? "")
            if PythonStandardLibrary.modules.contains(top) || localStems.contains(top) || kernelModules.contains(top) { return nil }
            let candidates = PackageNames.pythonPackages(forImport: module)
            if !candidates.isDisjoint(with: installed) { return nil }
            return PackageNames.pythonImportToPackages[top]?.first ?? suggestedPython(module)
        case .node:
            guard !module.hasPrefix("."), !module.hasPrefix("/"), !module.hasPrefix("#"), !module.contains(":") || module.hasPrefix("node:") else { return nil }
            if NodeBuiltinModules.contains(module) { return nil }
            let package = PackageNames.nodePackage(forSpecifier: module)
            if installed.contains(package) || localStems.contains(package) { return nil }
            // `@types/x` are never imported at run time; `x` with its types installed is still missing.
            return package
        }
    }

    /// `azure.identity` → `azure-identity`; `azure.ai.inference.models` → `azure-ai-inference`.
    static func suggestedPython(_ module: String) -> String {
        let parts = module.split(separator: ".").map(String.init)
        guard let top = parts.first else { return module }
        if top == "azure" || top == "google", parts.count >= 2 {
            let count = (parts.count >= 3 && ["ai", "cognitiveservices", "cloud", "storage", "mgmt", "search"].contains(parts[1])) ? 3 : 2
            return PackageNames.normalizePython(parts.prefix(count).joined(separator: "-"))
        }
        return PackageNames.normalizePython(top)
    }
}
