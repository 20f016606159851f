import Core
import Procedure
import Quickstart

/// `env-var-undefined`: code reads an environment variable (without a fallback) that no set-up step
/// the reader follows sets. An error when the reader's steps set other variables and this one is a
/// near miss of one of them, or when the code can't go on without it (`os.environ["X"]`); a warning
/// for a soft read (`os.getenv`, `process.env.X`, `$X` in curl) of a variable the set-up leaves out;
/// a note when the page sends the reader to another page for set-up.
enum EnvVarUndefinedCheck {
    static func findings(_ context: ProcedureContext, facts: SampleFacts) -> [Finding] {
        var findings: [Finding] = []
        for reading in context.readings {
            let steps = reading.steps
            let set = Set(steps.filter { $0.kind == .setVariables }.flatMap(\.variables))
            let elsewhere = steps.first { $0.kind == .setUpElsewhere }
            // Set-up read from commands (`export`, `setx`, `.env`) is certain; from prose and tables less so.
            let commandSetUp = steps.contains { $0.kind == .setVariables && $0.sampleID != nil }
            guard !set.isEmpty || elsewhere != nil else { continue }
            let keyTabs = keyTabSettings(reading.pivot.steps)
            for step in steps {
                for read in reads(of: step, context: context, facts: facts) where !set.contains(read.name) {
                    let near = set.filter { nearMiss($0, read.name) }.sorted()
                    let what = step.file.map { "`\($0)`" } ?? "The sample"
                    var message = "\(what) reads the environment variable `\(read.name)`, "
                    let severity: Severity
                    if let keyTab = keyTabs[read.name], keyTab != reading.tab, step.tab == nil || step.tab?.id != reading.tab {
                        // Set-up offers key / keyless tabs and a sample outside the keyless tab uses the
                        // key: the reader who runs it picks the key tab, which sets the variable. (A
                        // sample inside the keyless tab that reads the key stays reported.)
                        severity = .note
                        message += "which only the set-up's `\(keyTab)` tab sets; the sample authenticates with that key, "
                            + "so a reader who picks `\(reading.tab ?? "another")` tab must set it too"
                    } else if set.isEmpty, let elsewhere {
                        severity = .note
                        message += "which this page doesn't set; it relies on the set-up linked at "
                            + "\(elsewhere.location.file):\(elsewhere.location.line) (\(elsewhere.link ?? "")) to set it"
                    } else if !near.isEmpty {
                        severity = .error
                        message += "but the set-up sets " + near.map { "`\($0)`" }.joined(separator: ", ")
                            + "; a reader who follows the page runs it with `\(read.name)` unset: use one name in both places"
                    } else if !read.isHard && !commandSetUp {
                        severity = .warning
                        message += "which no set-up step sets (the page sets " + set.sorted().map { "`\($0)`" }.joined(separator: ", ")
                            + "), so the code gets no value for it; add it to the set-up steps"
                    } else if elsewhere != nil {
                        severity = .note
                        message += "which the page's set-up doesn't set (it sets " + set.sorted().map { "`\($0)`" }.joined(separator: ", ")
                            + "); it may come from the set-up the page links to"
                    } else {
                        severity = .error
                        message += "but no set-up step sets it (the page sets " + set.sorted().map { "`\($0)`" }.joined(separator: ", ")
                            + "); add it to the set-up steps"
                    }
                    findings.append(Finding(
                        rule: "env-var-undefined", severity: severity, location: read.location, message: message,
                        pivot: reading.pivot.pivot, tab: step.tab?.id ?? reading.tab))
                }
            }
        }
        // One finding per place: a variable missing for several readers is reported once, at its worst.
        var best: [String: Finding] = [:]
        var order: [String] = []
        for f in findings {
            let key = "\(f.location)|\(f.message.prefix(while: { $0 != "," }))"
            if let existing = best[key] {
                if existing.severity == .note && f.severity == .error { best[key] = f }
            } else {
                best[key] = f
                order.append(key)
            }
        }
        return onceForLinkedSetUp(order.compactMap { best[$0] })
    }

    /// A page that leaves set-up to a linked page reads the same variables in every sample: one
    /// note per variable (its first read, counting the others) says it all.
    static func onceForLinkedSetUp(_ findings: [Finding]) -> [Finding] {
        let linked = { (f: Finding) in f.severity == .note && f.message.contains("it relies on the set-up linked at") }
        var count: [String: Int] = [:]
        for f in findings where linked(f) { count[f.message, default: 0] += 1 }
        var seen = Set<String>()
        return findings.compactMap { f in
            guard linked(f) else { return f }
            guard seen.insert(f.message).inserted else { return nil }
            let others = count[f.message, default: 1] - 1
            guard others > 0 else { return f }
            var first = f
            first.message += " (read \(others) more time(s) on this page)"
            return first
        }
    }

    /// Variables set only inside an authentication tab named for a key (`api-key`, `key`), mapped
    /// to that tab's id: the page's key / keyless set-up choice, not an OS choice.
    static func keyTabSettings(_ steps: [ProcedureStep]) -> [String: String] {
        var result: [String: String] = [:]
        for step in steps where step.kind == .setVariables {
            guard let tab = step.tab, isKeyTab(tab.id) else { continue }
            for name in step.variables where result[name] == nil { result[name] = tab.id }
        }
        return result
    }

    /// `api-key`, `key`, `apikey`, `key-auth`: a tab id that names key authentication.
    static func isKeyTab(_ id: String) -> Bool {
        let words = id.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        return words.contains("key") || words.contains("apikey") || words == ["api", "key"]
    }

    /// One or two edits apart (`ENDPONT`), or one name is the other with a word more or less
    /// (`AZURE_OPENAI_KEY` / `AZURE_OPENAI_API_KEY`).
    static func nearMiss(_ a: String, _ b: String) -> Bool {
        if EditDistance.between(a, b) <= 2 { return true }
        let wa = a.split(separator: "_"), wb = b.split(separator: "_")
        let (short, long) = wa.count < wb.count ? (wa, wb) : (wb, wa)
        guard short.count >= 2, long.count == short.count + 1 else { return false }
        var rest = long[...]
        for word in short {
            guard let i = rest.firstIndex(of: word) else { return false }
            rest = rest[(i + 1)...]
        }
        return true
    }

    struct Read {
        var name: String
        var location: SourceLocation
        var isHard = true
    }

    /// Variables a step's sample reads without a fallback: code through its AST; `curl` commands
    /// through `$NAME`, `${NAME}`, `$env:NAME` and `%NAME%`.
    static func reads(of step: ProcedureStep, context: ProcedureContext, facts: SampleFacts) -> [Read] {
        guard let id = step.sampleID, let sample = context.samples[id] else { return [] }
        switch step.kind {
        case .createFile, .code:
            guard let code = facts[id] else { return [] }
            var seen = Set<String>()
            return code.envReads.filter { !$0.hasDefault && !code.envWrites.contains($0.name) && seen.insert($0.name).inserted }
                .map { Read(name: $0.name, location: sample.markdownLocation(codeLine: $0.line, codeColumn: $0.column), isHard: $0.isHard) }
        case .run where step.tool == "curl":
            let text = step.command ?? ""
            // An unset shell variable expands to nothing: the URL or header is broken, not the command.
            return ShellVariableReads.names(in: text).map { Read(name: $0, location: step.location, isHard: false) }
        default:
            return []
        }
    }
}

/// Variables a command line reads: `$NAME`, `${NAME}`, `$env:NAME`, `%NAME%` — upper-case names with
/// an underscore, so `$HOME`, `$1` and PowerShell's own variables are never taken for set-up.
enum ShellVariableReads {
    static func names(in text: String) -> [String] {
        // Read as UTF-8 in place: every character that matters is ASCII, and a command line can hold
        // a whole request body (an array of Characters took 16 bytes a character).
        var text = text
        return text.withUTF8 { names(in: $0) }
    }

    private static func names(in chars: UnsafeBufferPointer<UInt8>) -> [String] {
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        }
        let dollar = UInt8(ascii: "$"), percent = UInt8(ascii: "%")
        var names: [String] = []
        var i = 0
        while i < chars.count {
            var start: Int?
            var closer: UInt8?
            if chars[i] == dollar {
                var j = i + 1
                if j < chars.count, chars[j] == UInt8(ascii: "{") { j += 1; closer = UInt8(ascii: "}") }
                if chars.count > j + 4, String(decoding: UnsafeBufferPointer(rebasing: chars[j..<(j + 4)]), as: UTF8.self).lowercased() == "env:" { j += 4 }
                start = j
            } else if chars[i] == percent {
                start = i + 1
                closer = percent
            }
            if let s = start {
                var j = s
                while j < chars.count, isNameByte(chars[j]) { j += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: chars[s..<j]), as: UTF8.self)
                let closed = closer == nil || (j < chars.count && chars[j] == closer!)
                if closed, name.contains("_"), name == name.uppercased(), VariableSettings.isVariableName(name), !names.contains(name) {
                    names.append(name)
                }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return names
    }
}
