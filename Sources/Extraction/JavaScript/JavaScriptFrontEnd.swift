import Core
import Quickstart

/// Reads JavaScript and TypeScript samples: syntax errors become `js-syntax` / `ts-syntax`
/// findings at the exact Markdown position; valid code is evaluated abstractly for its requests,
/// file accesses and response reads.
struct JavaScriptFrontEnd: LanguageFrontEnd {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        let typescript = sample.language == .typescript
            || sample.fileName.map { $0.hasSuffix(".ts") || $0.hasSuffix(".tsx") || $0.hasSuffix(".mts") } == true
        var result = SampleExtraction(sampleID: sample.id)
        let tokens: [JSToken]
        do {
            tokens = try JSTokenizer.tokenize(sample.code)
        } catch {
            result.findings.append(syntaxFinding(error, sample: sample, typescript: typescript, context: context))
            result.callsAPI = JSAPIUsage.callsAPI(text: sample.code)
            return result
        }
        result.callsAPI = JSAPIUsage.callsAPI(tokens: tokens)
        var parser = JSParser(tokens: tokens, typescript: typescript)
        let program: [JSStatement]
        do {
            program = try parser.parseProgram()
        } catch {
            result.findings.append(syntaxFinding(error, sample: sample, typescript: typescript, context: context))
            return result
        }
        var evaluator = JSEvaluator(sample: sample)
        evaluator.run(program)
        result.requests = evaluator.requests
        result.reads = evaluator.reads
        result.writes = evaluator.writes
        result.responseReads = evaluator.responseReads
        result.callsAPI = result.callsAPI || evaluator.usedAPI
        return result
    }

    private func syntaxFinding(_ error: JSSyntaxError, sample: CodeSample, typescript: Bool, context: FrontEndContext) -> Finding {
        let language = typescript ? "TypeScript" : "JavaScript"
        let file = sample.fileName.map { " in `\($0)`" } ?? ""
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

    static func callsAPI(text: String) -> Bool {
        text.contains("\"openai\"") || text.contains("'openai'") || text.contains("fetch(") || text.contains("completions.create")
    }
}
