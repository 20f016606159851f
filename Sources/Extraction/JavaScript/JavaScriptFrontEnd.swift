import Foundation
import Core
import Quickstart

/// Reads JavaScript and TypeScript samples: syntax errors become `js-syntax` / `ts-syntax`
/// findings at the exact Markdown position; valid code is evaluated abstractly for its requests,
/// file accesses and response reads.
struct JavaScriptFrontEnd: LanguageFrontEnd {
    /// Whether the sample is read as TypeScript: a TypeScript fence or a `.ts` file — but never a
    /// file the page names `.js`, which Node.js reads as JavaScript whatever the fence says.
    static func isTypeScript(_ sample: CodeSample) -> Bool {
        if isNamedJS(sample) { return false }
        return sample.language == .typescript
            || sample.fileName.map { $0.hasSuffix(".ts") || $0.hasSuffix(".tsx") || $0.hasSuffix(".mts") } == true
    }

    /// A file the page names `.js` (`.mjs`, `.cjs`).
    static func isNamedJS(_ sample: CodeSample) -> Bool {
        namedJSFile(sample) != nil
    }

    /// The .js file the sample is saved as: its file name, or for a TypeScript fence (which gets
    /// no file name from a step that names a .js file) the .js name the step text gives.
    static func namedJSFile(_ sample: CodeSample) -> String? {
        let isJS = { (name: String) in
            let lower = name.lowercased()
            return lower.hasSuffix(".js") || lower.hasSuffix(".mjs") || lower.hasSuffix(".cjs")
        }
        if let name = sample.fileName { return isJS(name) ? name : nil }
        guard sample.language == .typescript, let text = sample.stepText else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.trimmingCharacters(in: .punctuationCharacters.subtracting(.init(charactersIn: "."))) }
        let cleaned = words.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        guard !cleaned.contains(where: { $0.lowercased().hasSuffix(".ts") || $0.lowercased().hasSuffix(".tsx") }) else { return nil }
        return cleaned.first(where: isJS)
    }

    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        extract(sample, context: context, parsed: ParsedSample(sample))
    }

    func extract(_ sample: CodeSample, context: FrontEndContext, parsed: ParsedSample) -> SampleExtraction {
        let typescript = Self.isTypeScript(sample)
        let form = parsed.javascript.flatMap { $0.typescript == typescript ? $0 : nil }
            ?? ParsedSample.readJavaScript(sample.code, typescript: typescript)
        var result = SampleExtraction(sampleID: sample.id)
        let tokens: [JSToken]
        switch form.tokens {
        case .success(let read):
            tokens = read
        case .failure(let error):
            result.findings.append(syntaxFinding(error, sample: sample, typescript: typescript, context: context))
            result.callsAPI = JSAPIUsage.callsAPI(text: sample.code)
            return result
        }
        result.callsAPI = JSAPIUsage.callsAPI(tokens: tokens)
        var program: [JSStatement]
        switch form.program {
        case .success(let read):
            program = read
        case .failure(let error):
            // `ts-in-js`: TypeScript saved as .js parses as TypeScript but not as JavaScript.
            var asTypeScript = JSParser(tokens: tokens, typescript: true)
            guard Self.isNamedJS(sample), let typed = try? asTypeScript.parseProgram() else {
                result.findings.append(syntaxFinding(error, sample: sample, typescript: typescript, context: context))
                return result
            }
            result.findings.append(tsInJSFinding(error, sample: sample, context: context))
            program = typed
        }
        var evaluator = JSEvaluator(sample: sample)
        evaluator.run(program)
        result.requests = evaluator.requests
        result.reads = evaluator.reads
        result.writes = evaluator.writes
        result.responseReads = evaluator.responseReads
        result.callsAPI = result.callsAPI || evaluator.usedAPI
        // Loading the library and only constructing a credential or client calls nothing: a
        // method call (`client.getChatCompletions(…)`) or `fetch(…)` is what sends a request.
        if result.requests.isEmpty, !JSAPIUsage.hasMethodCall(tokens), !sample.code.contains("fetch(") { result.callsAPI = false }
        result.opensWebSocket = JSAPIUsage.opensRealtimeSession(tokens)
        if let tooDeep = evaluator.depth.finding(language: typescript ? "TypeScript" : "JavaScript", in: sample, context: context) {
            result.findings.append(tooDeep)
        }
        return result
    }

    /// True when the syntax error sits on a `...` that spreads nothing: followed by `;`, `,`, a
    /// closing bracket or the end of its line.
    static func isElision(at error: JSSyntaxError, in code: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count else { return false }
        let line = Array(lines[error.line - 1])
        let start = error.column - 1
        guard start >= 0, start + 3 <= line.count, line[start..<(start + 3)].elementsEqual("...") else { return false }
        let next = line[(start + 3)...].first { $0 != " " && $0 != "\t" && $0 != "\r" }
        return next == nil || ";,)}]".contains(next!)
    }

    private func tsInJSFinding(_ error: JSSyntaxError, sample: CodeSample, context: FrontEndContext) -> Finding {
        let file = Self.namedJSFile(sample) ?? sample.fileName ?? "the .js file"
        return Finding(
            rule: "ts-in-js", severity: .error,
            location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
            message: "`\(file)` holds TypeScript (type annotations, interfaces or `as` casts), but the page names it .js, "
                + "so Node.js stops with a SyntaxError; name it .ts and compile it, or remove the TypeScript syntax",
            pivot: context.pivot, tab: context.tab)
    }

    private func syntaxFinding(_ error: JSSyntaxError, sample: CodeSample, typescript: Bool, context: FrontEndContext) -> Finding {
        let language = typescript ? "TypeScript" : "JavaScript"
        if let bound = error.tooDeepBound {
            return InputTooDeep.finding("\(language) code", bound: bound, line: error.line, column: error.column, in: sample, context: context)
        }
        let file = sample.fileName.map { " in `\($0)`" } ?? ""
        if sample.fileName == nil, Self.isElision(at: error, in: sample.code) {
            // `const options = ...;`, a loop body of `...`: the page's way to say "your code here".
            return Finding(
                rule: typescript ? "ts-syntax" : "js-syntax", severity: .note,
                location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
                message: "`...` here stands for code the page leaves out, so docverify did not read this sample; a reader fills it in before running it",
                pivot: context.pivot, tab: context.tab)
        }
        if !JSAPIUsage.callsAPI(text: sample.code), CompletionPrompt.isOpenEnded(sample.code, errorLine: error.line, errorMessage: error.message) {
            return Finding(
                rule: typescript ? "ts-syntax" : "js-syntax", severity: .note,
                location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
                message: CompletionPrompt.message, pivot: context.pivot, tab: context.tab)
        }
        return Finding(
            rule: typescript ? "ts-syntax" : "js-syntax", severity: .error,
            location: sample.markdownLocation(codeLine: error.line, codeColumn: error.column),
            message: "\(language) syntax error\(file): \(error.message); fix the sample so it runs as written",
            pivot: context.pivot, tab: context.tab)
    }
}

/// Whether code evidently talks to an API, judged from its tokens (or text, when it does not
/// even tokenize): it loads an HTTP or OpenAI library, calls `fetch`, or calls `completions.create`.
enum JSAPIUsage {
    static func callsAPI(tokens: [JSToken]) -> Bool {
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .string(let s):
                if JSEvaluator.isAPIModule(JSEvaluator.moduleName(s)) { return true }
            case .identifier("fetch"):
                if i + 1 < tokens.count, tokens[i + 1].isPunctuator("("), i == 0 || !tokens[i - 1].isPunctuator(".") { return true }
            case .identifier("completions"):
                if i + 2 < tokens.count, tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("create") { return true }
            default:
                break
            }
        }
        return false
    }

    /// The openai package's Realtime WebSocket clients (`OpenAIRealtimeWS`, `OpenAIRealtimeWebSocket`),
    /// or `realtime.connect(`: the sample talks over a WebSocket, which docverify does not read.
    static func opensRealtimeSession(_ tokens: [JSToken]) -> Bool {
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .identifier("OpenAIRealtimeWS"), .identifier("OpenAIRealtimeWebSocket"): return true
            case .identifier("realtime"):
                if i + 3 < tokens.count, tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("connect"), tokens[i + 3].isPunctuator("(") { return true }
            default: break
            }
        }
        return false
    }

    /// True when the tokens hold `.name(`: a method called on something.
    static func hasMethodCall(_ tokens: [JSToken]) -> Bool {
        guard tokens.count >= 3 else { return false }
        for i in 0..<(tokens.count - 2) where tokens[i].isPunctuator(".") {
            if case .identifier = tokens[i + 1].kind, tokens[i + 2].isPunctuator("(") { return true }
        }
        return false
    }

    static func callsAPI(text: String) -> Bool {
        text.contains("\"openai\"") || text.contains("'openai'") || text.contains("fetch(") || text.contains("completions.create")
    }
}
