import Core

/// Reads one command of a command sample as a procedure step: an install, a variable set, a
/// package-type change, or a run. Anything else (`cd`, `mkdir`, `az login`) is not a step.
enum CommandReader {
    /// Words that only change how a tool is started (`npx`, `sudo`, `uv run`).
    static let launchers: Set<String> = ["sudo", "npx", "pnpx", "bunx", "exec", "time"]

    static func step(_ words: [String], location: SourceLocation) -> ProcedureStep? {
        guard var tool = words.first else { return nil }
        var args = Array(words.dropFirst())
        if launchers.contains(tool) {
            // `npx -y tsx app.ts`: the tool is the first word after the launcher's options.
            while let next = args.first, next.hasPrefix("-") { args.removeFirst() }
            guard let next = args.first else { return nil }
            tool = next
            args.removeFirst()
        }
        if tool == "uv", args.first == "run" { tool = args.dropFirst().first ?? tool; args = Array(args.dropFirst(2)) }
        let lower = tool.lowercased()
        if let install = installStep(lower, args, location: location) { return install }
        if let variables = VariableSettings.fromCommand(words, location: location) { return variables }
        if lower == "npm", args.starts(with: ["pkg", "set"]) {
            guard let type = args.first(where: { $0.hasPrefix("type=") }) else { return nil }
            var step = ProcedureStep(kind: .packageType, location: location)
            step.packageType = String(type.dropFirst("type=".count)).lowercased()
            return step
        }
        if fetchesFiles(lower, args) {
            // `git clone …`, `azd init`, `curl -O …`: files the page doesn't show.
            var step = ProcedureStep(kind: .createFile, location: location, file: "*")
            step.tool = lower
            return step
        }
        return RunCommands.step(tool: tool, args, location: location)
    }

    /// Commands that bring files the page doesn't show into the workspace.
    static func fetchesFiles(_ tool: String, _ args: [String]) -> Bool {
        switch tool {
        case "git": return args.first == "clone" || args.first == "pull"
        case "gh": return args.starts(with: ["repo", "clone"])
        case "azd": return args.first == "init" || args.first == "up"
        case "wget", "unzip", "tar", "cookiecutter", "degit", "expand-archive", "invoke-webrequest", "iwr": return true
        case "curl": return args.contains { $0 == "-o" || $0 == "-O" || $0 == "--output" || $0 == "--remote-name" || $0.hasPrefix("-o") && $0.count > 2 && !$0.hasPrefix("--") }
        case "npm", "yarn", "pnpm": return args.first == "create"
        case "dotnet": return args.first == "new"
        case "func": return args.first == "init" || args.first == "new"
        default: return tool.hasPrefix("create-")
        }
    }

    /// `pip install a b`, `python -m pip install`, `pip3`, `uv pip install`, `uv add`, `poetry add`,
    /// `conda install`; `npm install a b`, `npm i`, `npm init`, `yarn add`, `pnpm add`.
    static func installStep(_ tool: String, _ args: [String], location: SourceLocation) -> ProcedureStep? {
        var args = args
        var ecosystem: ProcedureStep.Ecosystem
        switch tool {
        case "pip", "pip3":
            guard args.first == "install" else { return nil }
            ecosystem = .python
        case "python", "python3", "py":
            guard let m = args.firstIndex(of: "-m"), m + 2 < args.count, args[m + 1] == "pip", args[m + 2] == "install" else { return nil }
            args = Array(args[(m + 2)...])
            ecosystem = .python
        case "uv":
            if args.starts(with: ["pip", "install"]) { args.removeFirst() } else if args.first != "add" { return nil }
            ecosystem = .python
        case "poetry", "pipenv", "conda":
            guard args.first == "add" || args.first == "install" else { return nil }
            ecosystem = .python
        case "npm", "yarn", "pnpm", "bun":
            guard let verb = args.first, ["install", "i", "add", "init", "ci"].contains(verb) else { return nil }
            ecosystem = .node
            if verb == "init" {
                var step = ProcedureStep(kind: .install, location: location)
                step.ecosystem = .node
                step.tool = "npm init"
                return step
            }
        default:
            return nil
        }
        args.removeFirst()
        var step = ProcedureStep(kind: .install, location: location)
        step.ecosystem = ecosystem
        step.tool = tool
        var i = 0
        while i < args.count {
            let arg = args[i]
            i += 1
            if arg == "-r" || arg == "--requirement" || arg == "-e" || arg == "--editable" {
                // Resolved against a requirements sample by the builder; unknown until then.
                if i < args.count { step.file = args[i] }
                step.installsUnknown = true
                i += 1
                continue
            }
            if arg.hasPrefix("-") {
                // Options that take a value.
                if ["-i", "--index-url", "--extra-index-url", "-c", "--constraint", "--target", "-t", "--prefix", "--registry", "-w", "--workspace"].contains(arg) { i += 1 }
                continue
            }
            if arg.contains("://") || arg.hasPrefix(".") || arg.hasPrefix("/") || arg.hasSuffix(".whl") || arg.hasSuffix(".tgz") {
                step.installsUnknown = true
                continue
            }
            // Extras (`openai[datalib]`) bring packages docverify doesn't list.
            if ecosystem == .python && arg.contains("[") { step.installsUnknown = true }
            step.packages.append(PackageNames.packageName(fromSpec: arg, ecosystem: ecosystem))
            if ecosystem == .python { step.alsoInstalls += PackageNames.olderMajorDependencies(fromSpec: arg) }
        }
        return step
    }
}
