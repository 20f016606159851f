import Core
import Quickstart

/// `js-module-mismatch`: within one pivot, the package's module type (set by `npm pkg set
/// type=module`, a `package.json` sample, or `npm init`'s CommonJS default) must match the
/// syntax of its `.js` files.
///
/// - ES module package + `require` / `module.exports` in a `.js` file is an **error**: Node.js
///   refuses to run the file on every version ("require is not defined in ES module scope").
/// - CommonJS package + `import` / `export` in a `.js` file is a **warning**: older Node.js LTS
///   releases stop with "Cannot use import statement outside a module"; current ones re-parse
///   the file as an ES module and print a warning, so the quickstart still runs.
enum JSModuleMismatchCheck {
    enum ModuleType: Equatable {
        case module
        case commonJS
        /// `npm init` or a package.json without `"type"`: CommonJS by Node's default.
        case implicitCommonJS
    }

    /// Where a pivot's steps decide the package's module type.
    struct Declaration {
        var type: ModuleType
        var location: SourceLocation
        /// How the step says it, for messages: `npm pkg set type=module`.
        var how: String
    }

    /// Findings of `document`, reading each `.js` file's tokens from `parsed` (tokenized here when missing).
    static func findings(in document: QuickstartDocument, parsed: ParsedSamples = ParsedSamples()) -> [Finding] {
        var findings: [Finding] = []
        for pivot in document.pivots {
            let entries = pivot.sections.flatMap { section in
                section.tabs.flatMap { tab in tab.samples.map { (tab: tab, sample: $0) } }
            }
            var declaration: Declaration?
            for entry in entries {
                guard let d = moduleDeclaration(in: entry.sample) else { continue }
                // An explicit type wins over npm init's default, whatever the order.
                if declaration == nil || d.type != .implicitCommonJS || declaration!.type == .implicitCommonJS {
                    declaration = d
                }
            }
            guard let declaration else { continue }
            for entry in entries where isDotJS(entry.sample) {
                guard case .success(let tokens)? = parsed.form(of: entry.sample).javascript?.tokens else { continue }
                let syntax = JSModuleSyntax(tokens: tokens)
                let sample = entry.sample
                let file = sample.fileName.map { "`\($0)`" } ?? "This JavaScript sample"
                let step = "\(declaration.location.file):\(declaration.location.line)"
                if declaration.type == .module, let use = syntax.firstCommonJS {
                    findings.append(Finding(
                        rule: "js-module-mismatch", severity: .error,
                        location: sample.markdownLocation(codeLine: use.position.line, codeColumn: use.position.column),
                        message: "\(file) uses \(use.construct), but the step at \(step) (`\(declaration.how)`) makes every .js file "
                            + "of the package an ES module, so Node.js stops with \"require is not defined in ES module scope\"; "
                            + "use import/export, or drop type=module (or name the file .cjs)",
                        pivot: pivot.id, tab: entry.tab.id))
                } else if declaration.type != .module, let use = syntax.firstESModule {
                    findings.append(Finding(
                        rule: "js-module-mismatch", severity: .warning,
                        location: sample.markdownLocation(codeLine: use.position.line, codeColumn: use.position.column),
                        message: "\(file) uses `\(use.construct)` syntax, but the package set up at \(step) (`\(declaration.how)`) "
                            + "is CommonJS, so older Node.js versions stop with \"Cannot use import statement outside a module\"; "
                            + "add a step `npm pkg set type=module` or name the file .mjs",
                        pivot: pivot.id, tab: entry.tab.id))
                }
            }
        }
        return findings
    }

    /// A JavaScript file Node.js reads by the package type: `.js`, or a sample without a file name.
    static func isDotJS(_ sample: CodeSample) -> Bool {
        guard sample.language == .javascript else { return false }
        guard let name = sample.fileName?.lowercased() else { return true }
        return name.hasSuffix(".js") || name.hasSuffix(".jsx")
    }

    static func moduleDeclaration(in sample: CodeSample) -> Declaration? {
        switch sample.language {
        case .shell:
            // Only npm commands declare a package type; most shell samples have none, and lexing a
            // large one (a curl with a whole body) only to find that out is wasted work.
            guard ASCIIScan.contains(sample.code, "npm"), let commands = try? ShellLexer.commands(sample.code) else { return nil }
            var found: Declaration?
            for command in commands {
                let words = command.words.map { $0.text }
                let location = sample.markdownLocation(codeLine: command.position.line, codeColumn: command.position.column)
                guard let npm = words.firstIndex(of: "npm") else { continue }
                let args = Array(words[(npm + 1)...])
                if args.starts(with: ["pkg", "set"]) {
                    if args.contains("type=module") {
                        found = Declaration(type: .module, location: location, how: "npm pkg set type=module")
                    } else if args.contains("type=commonjs") {
                        found = Declaration(type: .commonJS, location: location, how: "npm pkg set type=commonjs")
                    }
                } else if args.first == "init", found == nil {
                    found = Declaration(type: .implicitCommonJS, location: location, how: (["npm"] + args).joined(separator: " "))
                }
            }
            return found
        case .json, .jsonc:
            let names = [sample.fileName ?? "", sample.stepText ?? ""]
            guard names.contains(where: { $0.contains("package.json") }),
                  let json = try? JSONValue.parse(sample.code, allowComments: true), json.objectValue != nil else { return nil }
            let location = sample.markdownLocation(codeLine: 1)
            switch json["type"]?.stringValue {
            case "module"?: return Declaration(type: .module, location: location, how: "\"type\": \"module\" in package.json")
            case "commonjs"?: return Declaration(type: .commonJS, location: location, how: "\"type\": \"commonjs\" in package.json")
            default: return Declaration(type: .implicitCommonJS, location: location, how: "package.json without \"type\"")
            }
        default:
            return nil
        }
    }
}
