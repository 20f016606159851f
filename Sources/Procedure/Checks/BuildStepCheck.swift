import Core
import Foundation
import Quickstart

/// `build-step-invalid`: a TypeScript build step that can't do what the page expects.
/// - `tsc` with no file and no `tsconfig.json` on the page prints its help and emits nothing (error).
/// - `tsc app.ts` while the page writes a `tsconfig.json`: files on the command line make tsc
///   ignore the config (warning; error when the emitted module system is the one the package refuses).
/// - The emitted module system is one the package type refuses: `"type": "module"` with CommonJS
///   output stops with "exports is not defined in ES module scope" (error).
public enum BuildStepCheck {
    public static func findings(_ context: ProcedureContext) -> [Finding] {
        var findings: [Finding] = []
        for reading in context.readings {
            let steps = reading.steps
            // Most readers run no tsc: the TypeScript sources are only scanned for one that does.
            guard steps.contains(where: { $0.kind == .run && $0.tool == "tsc" }) else { continue }
            let tsconfig = steps.first { $0.kind == .createFile && FileNames.base($0.file ?? "") == "tsconfig.json" }
            let initsConfig = steps.contains { $0.kind == .run && $0.tool == "tsc" && ($0.command ?? "").contains("--init") }
            let packageType = steps.last { $0.kind == .packageType }?.packageType
            let tsSources = steps.filter { ($0.kind == .createFile || $0.kind == .code) && $0.tool == CodeLanguage.typescript.rawValue }
                .compactMap { $0.sampleID.flatMap { context.samples[$0] } }
            let usesModules = tsSources.contains { JSModuleText.hasImportOrExport($0.code) }
            for run in steps where run.kind == .run && run.tool == "tsc" {
                let command = run.command ?? "tsc"
                let hasProject = command.contains(" -p ") || command.contains("--project") || command.contains("--init")
                    || command.contains("-b ") || command.contains("--build") || command.contains("--help") || command.contains("--version") || command.contains("--noEmit")
                    || command.contains("--showConfig") || command.contains(" -v")
                if run.file == nil, tsconfig == nil, !initsConfig, !hasProject {
                    findings.append(Finding(
                        rule: "build-step-invalid", severity: .error, location: run.location,
                        message: "`\(command)` runs with no file and the page writes no tsconfig.json, so tsc prints its help "
                            + "and emits no JavaScript; add a tsconfig.json step or name the file (`tsc app.ts`)",
                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
                    continue
                }
                guard !hasProject else { continue }
                let module: String
                if run.file != nil {
                    module = commandLineModule(command) ?? "commonjs"
                } else if let tsconfig, let sample = tsconfig.sampleID.flatMap({ context.samples[$0] }) {
                    module = configModule(sample.code) ?? "unknown"
                } else {
                    module = "unknown"
                }
                let refused = packageType == "module" && module == "commonjs" && usesModules
                if run.file != nil, let tsconfig {
                    findings.append(Finding(
                        rule: "build-step-invalid", severity: refused ? .error : .warning, location: run.location,
                        message: "`\(command)` names a file, so tsc ignores the tsconfig.json the page writes at "
                            + "\(tsconfig.location.file):\(tsconfig.location.line) and compiles with its defaults"
                            + (refused ? " (CommonJS output, which the \"type\": \"module\" package refuses with \"exports is not defined in ES module scope\")" : "")
                            + "; run `npx tsc` without a file",
                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
                } else if refused {
                    findings.append(Finding(
                        rule: "build-step-invalid", severity: .error, location: run.location,
                        message: "`\(command)` emits CommonJS, but the package is \"type\": \"module\", so Node.js stops with "
                            + "\"exports is not defined in ES module scope\"; set \"module\": \"nodenext\" (or \"es2022\") in tsconfig.json",
                        pivot: reading.pivot.pivot, tab: run.tab?.id ?? reading.tab))
                }
            }
        }
        return ProcedureContext.unique(findings)
    }

    /// `--module X` / `-m X` / `--module=X` on the command line, lower-cased and classified.
    static func commandLineModule(_ command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        for (i, word) in words.enumerated() {
            if (word == "--module" || word == "-m"), i + 1 < words.count { return classify(words[i + 1]) }
            if word.hasPrefix("--module=") { return classify(String(word.dropFirst("--module=".count))) }
        }
        return nil
    }

    /// The module system a tsconfig makes tsc emit: `commonjs`, `esm`, or `package` (node16/nodenext
    /// follow the package type). Without `module`, TypeScript 5 derives it from `target` (ES5 by default).
    static func configModule(_ code: String) -> String? {
        guard let json = try? JSONValue.parse(code, allowComments: true) else { return nil }
        let options = json["compilerOptions"]
        if let module = options?["module"]?.stringValue { return classify(module) }
        let target = options?["target"]?.stringValue?.lowercased() ?? "es5"
        return target == "es5" || target == "es3" ? "commonjs" : "esm"
    }

    static func classify(_ module: String) -> String {
        switch module.lowercased() {
        case "commonjs", "umd", "amd", "system": "commonjs"
        case "node16", "node18", "nodenext", "preserve": "package"
        default: "esm"
        }
    }
}

/// Whether TypeScript source has top-level `import`/`export` statements (and so emits `exports` as CommonJS).
enum JSModuleText {
    static func hasImportOrExport(_ code: String) -> Bool {
        // Without a carriage return every "\n" is a Character of its own, so the byte split gives
        // the Character split's lines (and the empty ones it omits match nothing).
        (code.utf8.contains(0x0D) ? code.split(separator: "\n") : ASCIIScan.lines(code)).contains { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return (t.hasPrefix("import ") && !t.hasPrefix("import(")) || t.hasPrefix("export ")
        }
    }
}
