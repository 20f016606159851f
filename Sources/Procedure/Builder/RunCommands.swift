import Core

/// Commands that run or build the reader's code: `python app.py`, `python3`, `py`, `node app.js`,
/// `node dist/app.js`, `tsc`, `ts-node app.ts`, `tsx app.ts`, `deno run app.ts`, `curl …`.
enum RunCommands {
    /// Interpreters and the options of theirs that take a value (skipped before the file).
    static let interpreters: [String: Set<String>] = [
        "python": ["-W", "-X", "-Q"], "python3": ["-W", "-X"], "py": ["-W", "-X"],
        "node": ["-r", "--require", "--import", "--loader", "--experimental-loader", "--conditions", "-C"],
        "ts-node": ["-r", "--require", "-P", "--project", "-O", "--compilerOptions"],
        "tsx": ["--tsconfig"],
        "bun": [],
        "deno": [],
    ]

    static func step(tool: String, _ args: [String], location: SourceLocation) -> ProcedureStep? {
        var name = tool.lowercased()
        // `node.exe app.js`, `python.exe app.py`, `/usr/bin/python3 app.py`
        if name.hasSuffix(".exe") { name = String(name.dropLast(4)) }
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: slash)...]) }
        var step = ProcedureStep(kind: .run, location: location)
        step.tool = name
        step.command = ([tool] + args).joined(separator: " ")
        switch name {
        case "tsc":
            // The file arguments (`tsc app.ts`), if any; options with values are skipped.
            var i = 0
            while i < args.count {
                let arg = args[i]
                i += 1
                if arg.hasPrefix("-") {
                    if ["-p", "--project", "--outDir", "--rootDir", "--target", "-t", "--module", "-m", "--moduleResolution", "--lib", "--outFile", "--jsx", "--types"].contains(arg) { i += 1 }
                    continue
                }
                if step.file == nil { step.file = arg }
            }
            return step
        case "curl":
            return step
        default:
            guard let valued = interpreters[name] else {
                // `python3.12 app.py`
                guard name.hasPrefix("python3.") else { return nil }
                return RunCommands.step(tool: "python3", args, location: location)
            }
            step.tool = name
            var i = 0
            var rest = args
            if name == "deno" || name == "bun" {
                guard rest.first == "run" else { return nil }
                rest.removeFirst()
            }
            while i < rest.count {
                let arg = rest[i]
                i += 1
                // `python -m module`, `python -c code`, `node -e code`: no file to find.
                if ["-m", "-c", "-e", "--eval", "-p", "--print"].contains(arg) { return nil }
                if arg.hasPrefix("-") {
                    if valued.contains(arg) { i += 1 }
                    continue
                }
                step.file = arg
                break
            }
            // A bare `python` or `node` starts a REPL: not a run of a file.
            return step.file == nil ? nil : step
        }
    }
}
