import Foundation
import Core
import Quickstart

/// Reads REST samples: `curl` command lines in shell fences and HTTP-style request blocks, whose
/// body may sit in the `json` fence that follows.
struct RESTFrontEnd: LanguageFrontEnd {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        switch sample.language {
        case .http where !Extractor.startsWithCurl(sample): return extractHTTPBlock(sample, context: context)
        default: return extractShell(sample, context: context)
        }
    }

    // MARK: - Shell / curl

    private func extractShell(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        var result = SampleExtraction(sampleID: sample.id)
        var commands: [ShellCommand]
        do {
            commands = try ShellLexer.commands(ConsolePrompts.commandsOnly(sample.code))
        } catch {
            result.callsAPI = sample.code.contains("curl")
            // `l'heure`, `doesn't`: prose (a prompt to type in a playground) fenced as console.
            let prose = !result.callsAPI && Self.isApostropheInWord(at: error.position, in: sample.code)
            result.findings.append(Finding(
                rule: "shell-syntax", severity: prose ? .note : .error,
                location: sample.markdownLocation(codeLine: error.position.line, codeColumn: error.position.column),
                message: prose
                    ? "this fence holds text rather than commands (an apostrophe inside a word would leave a shell quote open); mark it ```text if it isn't meant to be run"
                    : "unterminated \(error.quote) quote: the shell waits for more input instead of running the command; close the quote",
                pivot: context.pivot, tab: context.tab))
            return result
        }
        // Line-continuation slips are judged only where `\` continues a line: not in PowerShell
        // or cmd fences (a backtick, a caret), nor in a usage synopsis (`[--size]`), shown, not run.
        if Self.continuesLinesWithBackslash(sample) {
            if !sample.code.contains("[--") { result.findings += Self.orphanedOptions(commands, sample: sample, context: context) }
            result.findings += Self.escapedSpaces(in: sample, context: context)
        }
        // Each command is taken out of the list as it is read, so a request body's word is held by
        // its `curl` alone and can be let go once its JSON is assembled (``request(from:…)``).
        commands.reverse()
        while !commands.isEmpty {
            if Self.isPowerShellAPICall(commands[commands.count - 1]) { result.callsAPI = true }
            guard var curl = CurlCommand(commands.removeLast()) else { continue }
            // A bare download (`curl -o file URL`) is not an API call.
            guard curl.url != nil, !curl.data.isEmpty || !curl.forms.isEmpty || !curl.headers.isEmpty || curl.method != nil else { continue }
            result.callsAPI = true
            if var request = request(from: &curl, sample: sample, context: context, into: &result) {
                if let output = curl.output {
                    let access = FileAccess(path: output.text, location: sample.markdownLocation(codeLine: output.position.line, codeColumn: output.position.column))
                    result.writes.append(access)
                    request.savesResponseTo = access
                }
                result.requests.append(request)
            }
        }
        return result
    }

    /// A line that starts with an option (`-H "x: y" \`) right after a `curl` (or `az`) command whose line
    /// did not end with `\`: the shell ended the `curl` there and runs the option as a command of
    /// its own (`-H: command not found`), so the request goes without it. An error when the lost
    /// options carry the body, which the request then lacks, or belong to `az` (its required
    /// options); a warning for curl's headers and flags, which the service may not need.
    static func orphanedOptions(_ commands: [ShellCommand], sample: CodeSample, context: FrontEndContext) -> [Finding] {
        // One finding a cut-off command, at its first orphan line: `az x` with eight option
        // lines is one slip, not eight.
        var runs: [(tool: String, first: ShellCommand, lines: Int, body: Bool)] = []
        // The command the next option line would belong to: "curl", "az", or nil.
        var owner: String?
        var inRun = false
        for command in commands {
            let words = command.words.map(\.text)
            guard let first = words.first else { continue }
            // An option is dashes and a letter (`-H`, `--name`); `-----` is a table's rule in output.
            guard let tool = owner, first.hasPrefix("-"), first.drop(while: { $0 == "-" }).first?.isLetter == true else {
                owner = CurlCommand(command) != nil ? "curl" : (["az", "azd"].contains(first) ? "az" : nil)
                inRun = false
                continue
            }
            let carriesBody = words.contains { Self.bodyOptions.contains($0) }
            if inRun {
                runs[runs.count - 1].lines += 1
                runs[runs.count - 1].body = runs[runs.count - 1].body || carriesBody
            } else {
                runs.append((tool, command, 1, carriesBody))
                inRun = true
            }
        }
        return runs.map { run in
            let option = run.first.words[0].text
            let more = run.lines == 1 ? "" : run.lines == 2 ? " (and so does the option line after it)" : " (and so do the \(run.lines - 1) option lines after it)"
            // An `az` command left without its options fails on the ones it requires.
            return Finding(
                rule: "shell-syntax", severity: run.body || run.tool == "az" ? .error : .warning,
                location: sample.markdownLocation(codeLine: run.first.position.line, codeColumn: run.first.position.column),
                message: "this line starts with the option `\(option)`, but the line before it doesn't end with `\\`, so the shell ends the \(run.tool) command there and runs `\(option) …` as a command of its own (\(option): command not found)\(more): the \(run.tool) command runs without \(run.body ? "its body" : "these options"); end each line but the last with ` \\`",
                pivot: context.pivot, tab: context.tab)
        }
    }

    /// A line ending in `\` and then a space: docverify's lexer reads it as a continuation, but
    /// bash and zsh read `\ ` as an escaped space, so the line end ends the command and the lines
    /// after it run as commands of their own (`--header: command not found`). One finding a run of
    /// such lines, at its first; an error when a later line carries the body or the URL, else a warning.
    static func escapedSpaces(in sample: CodeSample, context: FrontEndContext) -> [Finding] {
        let lines = sample.code.split(separator: "\n", omittingEmptySubsequences: false)
        return EscapedLineEnd.positions(in: sample.code).map { end in
            // The command's remaining lines: up to the first line that ends without a backslash.
            var last = end.line
            while last < lines.count, lines[last].trimmingCharacters(in: .whitespaces).hasSuffix("\\") { last += 1 }
            let rest = lines[min(end.line, lines.count - 1)...min(last, lines.count - 1)]
            // The body or the URL left behind: the request cannot be what the page means.
            let body = rest.contains { line in
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                return words.contains { Self.bodyOptions.contains($0) || $0 == "--url" }
            }
            return Finding(
                rule: "shell-syntax", severity: body ? .error : .warning,
                location: sample.markdownLocation(codeLine: end.line, codeColumn: end.column),
                message: "this line ends with `\\` and then a space: bash and zsh read `\\ ` as an escaped space, not a line continuation, so the command ends here and the next lines run as commands of their own; the request is sent without \(body ? "its body" : "them"); delete the blanks after the `\\`",
                pivot: context.pivot, tab: context.tab)
        }
    }

    /// Options that carry a request body.
    static let bodyOptions: Set<String> = ["-d", "--data", "--data-raw", "--data-binary", "-F", "--form", "--json"]

    /// Whether the fence is written for a shell where a trailing `\` continues the line.
    static func continuesLinesWithBackslash(_ sample: CodeSample) -> Bool {
        let info = sample.infoString.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if ["powershell", "pwsh", "ps", "azurepowershell", "cmd", "bat", "batch"].contains(info) { return false }
        return !sample.code.split(separator: "\n").contains { line in
            let end = line.last { $0 != " " && $0 != "\t" && $0 != "\r" }
            return end == "`" || end == "^"
        }
    }

    /// The request `curl` sends. Its last data word is moved out of `curl` (the body a 20 MB
    /// request carries is then held once as JSON text and once parsed, not also as the word).
    private func request(
        from curl: inout CurlCommand, sample: CodeSample, context: FrontEndContext, into result: inout SampleExtraction
    ) -> ExtractedRequest? {
        guard let urlWord = curl.url else { return nil }
        // Before the body word is moved out: the method depends on whether there is data.
        let method = curl.effectiveMethod
        let url = RESTURLTemplate.split(urlWord.templateParts)
        var headers: [String: SymbolicValue] = [:]
        for h in curl.headers {
            guard let colon = h.chars.firstIndex(where: { if case .char(":", _) = $0 { true } else { false } }) else { continue }
            let name = ShellWord(chars: Array(h.chars[..<colon]), position: h.position).text.trimmingCharacters(in: .whitespaces).lowercased()
            // Dropped in one step: removing leading blanks one at a time shifts the rest each time.
            let valueChars = Array(h.chars[h.chars.index(after: colon)...].drop { if case .char(" ", _) = $0 { true } else { false } })
            headers[name] = ShellWord(chars: valueChars, position: h.position).symbolic
        }
        if curl.isJSONOption && headers["content-type"] == nil { headers["content-type"] = .string("application/json") }
        var body: SymbolicValue?
        var rawBody: SymbolicValue?
        var multipart: [MultipartPart]?
        if !curl.forms.isEmpty {
            var parts: [MultipartPart] = []
            for (i, word) in curl.forms.enumerated() {
                guard let form = CurlFormPart(word, literal: curl.formIsString[i]) else { continue }
                if let file = form.file {
                    result.reads.append(FileAccess(path: file, location: sample.markdownLocation(codeLine: word.position.line, codeColumn: word.position.column)))
                }
                parts.append(form.part)
            }
            multipart = parts
        } else if !curl.data.isEmpty {
            var data = curl.data.removeLast()
            let binary = curl.dataIsBinary.last == true
            if data.text.isEmpty {
                // `-d ''` (create a thread with no options): a POST with an empty body, no JSON.
            } else if case .char("@", _)? = data.first, binary, !Self.isJSONFile(data.dropFirst(1).text), context.jsonFile(named: data.dropFirst(1).text) == nil {
                // `--data-binary @speech.wav`: the file's bytes are the body.
                let path = data.dropFirst(1).text
                result.reads.append(FileAccess(path: path, location: sample.markdownLocation(codeLine: data.position.line, codeColumn: data.position.column)))
                rawBody = .placeholder(.file(path: path, encoding: .binary))
            } else if case .char("@", _)? = data.first {
                let path = data.dropFirst(1).text
                let location = sample.markdownLocation(codeLine: data.position.line, codeColumn: data.position.column)
                result.reads.append(FileAccess(path: path, location: location))
                body = .placeholder(.file(path: path, encoding: .text))
                // The steps may create that file: then its JSON is the body.
                if let file = context.jsonFile(named: path),
                   case .value(let v) = PositionedJSON(code: file.code).parse(allowComments: file.language == .jsonc) {
                    body = v
                }
            } else if let range = CodeSliceJSON.range(of: data, in: sample.code), let start = data.firstCharacterPosition {
                // The body as written in the code (`-d '{…}'`): parsed where it lies, with the word
                // let go first, so a 20 MB body is held by the code and its parsed value only.
                data = ShellWord(position: data.position)
                guard let v = Self.curlBody(CodeSliceJSON.parse(range, of: sample.code, startingAt: start), in: sample, context: context, findings: &result.findings) else { return nil }
                body = v
            } else {
                let json = PositionedJSON(data)
                if json.looksLikeJSON {
                    data = ShellWord(position: data.position)
                    guard let v = Self.curlBody(json.parse(), in: sample, context: context, findings: &result.findings) else { return nil }
                    body = v
                } else {
                    body = data.symbolic
                }
            }
        }
        var request = ExtractedRequest(
            location: sample.markdownLocation(codeLine: curl.position.line, codeColumn: curl.position.column),
            client: .curl, method: method, endpoint: url.endpoint, path: url.path,
            deployment: url.deployment, query: url.query, headers: headers, auth: Self.auth(headers), body: body)
        request.multipart = multipart
        request.rawBody = rawBody
        request.pathParameters = url.pathParameters
        return request
    }

    static func isJSONFile(_ path: String) -> Bool {
        path.hasSuffix(".json") || path.hasSuffix(".jsonl") || path.hasSuffix(".jsonc")
    }

    /// `Invoke-RestMethod` / `Invoke-WebRequest` sending a body, headers or a non-GET method: an
    /// API call docverify does not read yet (so it is reported, not skipped). A plain download is not.
    static func isPowerShellAPICall(_ command: ShellCommand) -> Bool {
        guard let first = command.words.first?.text.lowercased(), ["invoke-restmethod", "invoke-webrequest", "irm", "iwr"].contains(first) else {
            return false
        }
        // Only then every word: lowercasing a curl command's words copied its request body.
        let words = command.words.map { $0.text.lowercased() }
        if words.contains("-body") || words.contains("-headers") { return true }
        if let m = words.firstIndex(of: "-method"), m + 1 < words.count, words[m + 1] != "get" { return true }
        return false
    }

    static func auth(_ headers: [String: SymbolicValue]) -> AuthKind? {
        if headers["api-key"] != nil { return .apiKey }
        if headers["authorization"] != nil { return .bearer }
        return nil
    }

    // MARK: - HTTP blocks

    private func extractHTTPBlock(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        var result = SampleExtraction(sampleID: sample.id)
        guard let block = HTTPBlock(code: sample.code) else { return result }
        // A request line alone, for a method that sends a body, with no headers, no body and no
        // body fence after it: the operation's signature a REST reference shows above its
        // parameter tables (its examples follow with bodies), not a request anyone sends.
        if block.method != "GET", block.method != "DELETE", block.method != "HEAD", block.headers.isEmpty, block.body == nil,
           !(context.next.map(Self.isBodyFence) ?? false) {
            return result
        }
        result.callsAPI = true
        var body: SymbolicValue?
        if let inline = block.body {
            let json = PositionedJSON(code: inline.text, startLine: inline.startLine)
            switch json.parse() {
            case .value(let v): body = v
            case .invalid(let error, let at):
                result.findings.append(Self.jsonInvalid(error, at: at, in: sample, what: "the request body", context: context))
                return result
            case .tooDeep(let at):
                result.findings.append(Self.jsonTooDeep(at: at, in: sample, what: "the request body", context: context))
                return result
            }
        } else if block.method != "GET", let next = context.next, Self.isBodyFence(next) {
            switch PositionedJSON(code: next.code).parse(allowComments: next.language == .jsonc) {
            case .value(let v): body = v
            case .invalid(let error, let at):
                result.findings.append(Self.jsonInvalid(error, at: at, in: next, what: "the request body", context: context))
                return result
            case .tooDeep(let at):
                result.findings.append(Self.jsonTooDeep(at: at, in: next, what: "the request body", context: context))
                return result
            }
        }
        // A form upload written out as one JSON string with its bytes left out
        // (`"--boundary\nContent-Disposition: form-data; …"`): an illustration of the form, which
        // nobody can send as it stands.
        if case .string(let text)? = body, text.contains("Content-Disposition: form-data") {
            result.callsAPI = false
            return result
        }
        let url = RESTURLTemplate.split(block.url)
        var headers = block.headers
        // No header at all: a REST reference's example, which leaves the credential to its
        // "Request Header" table. The reader sends their own key, and so does `run`.
        if block.headers.isEmpty {
            headers["api-key"] = .placeholder(.readerValue(kind: .apiKey, text: "the api-key header the page's reference tables name"))
        }
        if body != nil && headers["content-type"] == nil { headers["content-type"] = .string("application/json") }
        var request = ExtractedRequest(
            location: sample.markdownLocation(codeLine: block.position.line, codeColumn: block.position.column),
            client: .httpBlock, method: block.method, endpoint: url.endpoint, path: url.path,
            deployment: url.deployment, query: url.query, headers: headers, auth: Self.auth(headers), body: body)
        request.pathParameters = url.pathParameters
        result.requests.append(request)
        return result
    }

    /// True when the quote at `position` is an apostrophe between two letters (`l'heure`).
    static func isApostropheInWord(at position: JSPosition, in code: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return false }
        return isApostropheBetweenLetters(Array(lines[position.line - 1]), at: position.column - 1)
    }

    /// True when `text[i]` is an apostrophe with a letter on each side (`I'm`, `l'heure`).
    static func isApostropheBetweenLetters(_ text: [Character], at i: Int) -> Bool {
        i > 0 && i + 1 < text.count && text[i] == "'" && text[i - 1].isLetter && text[i + 1].isLetter
    }

    /// True when `next`, the fence after a body-less HTTP block, can be that block's body: JSON
    /// that isn't introduced as the answer (`Responses:` / `Status Code: 200`, "Output:").
    static func isBodyFence(_ next: CodeSample) -> Bool {
        guard next.language == .json || next.language == .jsonc else { return false }
        return !isAnswerFence(next)
    }

    /// True when the prose before `sample` introduces it as an answer or output.
    static func isAnswerFence(_ sample: CodeSample) -> Bool {
        OutputIntroduction.introduces(sample.stepText) || (sample.stepText?.lowercased().contains("status code") ?? false)
    }

    /// True when `sample` is an HTTP request block that takes its body from the next fence.
    static func takesBodyFromNextFence(_ sample: CodeSample) -> Bool {
        guard sample.language == .http, let block = HTTPBlock(code: sample.code) else { return false }
        return block.body == nil && block.method != "GET"
    }

    /// `input-too-deep` at the bracket that went past ``JSONTextParser/maxDepth``.
    static func jsonTooDeep(at position: JSPosition, in sample: CodeSample, what: String, context: FrontEndContext) -> Finding {
        InputTooDeep.finding(
            what, bound: JSONTextParser.maxDepth, line: position.line, column: position.column, in: sample, context: context)
    }

    /// A curl request body's parsed value, or nil after adding the `json-invalid` / `input-too-deep`
    /// finding its parse ended with.
    static func curlBody(_ outcome: PositionedJSON.Outcome, in sample: CodeSample, context: FrontEndContext, findings: inout [Finding]) -> SymbolicValue? {
        switch outcome {
        case .value(let v):
            return v
        case .invalid(let error, let at):
            var finding = jsonInvalid(error, at: at, in: sample, what: "the curl request body", context: context)
            if error.contains("unterminated string"), let word = apostropheWord(in: sample.code, line: at.line, from: at.column) {
                // `-d '{"input": "I'm …"}'`: the apostrophe closes the single-quoted body, the
                // JSON stops inside its string, and the shell reads the rest as more words.
                finding.message = "invalid JSON in the curl request body: the apostrophe in `\(word)` ends the single-quoted `-d '…'` body, so curl gets the JSON only up to it (an unterminated string) and the shell reads the rest as more arguments; write the apostrophe as `'\\''`, or leave it out"
            }
            findings.append(finding)
        case .tooDeep(let at):
            findings.append(jsonTooDeep(at: at, in: sample, what: "the curl request body", context: context))
        }
        return nil
    }

    /// The word with an apostrophe between two letters (`I'm`, `don't`) on 1-based `line` of
    /// `code` at or after `column`; nil when there is none.
    static func apostropheWord(in code: String, line: Int, from column: Int) -> String? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let text = Array(lines[line - 1])
        var i = max(1, column)
        while i + 1 < text.count {
            if isApostropheBetweenLetters(text, at: i) {
                var start = i - 1, end = i + 1
                while start > 0, text[start - 1].isLetter { start -= 1 }
                while end + 1 < text.count, text[end + 1].isLetter { end += 1 }
                return String(text[start...end])
            }
            i += 1
        }
        return nil
    }

    /// `json-invalid` at the exact Markdown position of the bad character.
    static func jsonInvalid(_ message: String, at position: JSPosition, in sample: CodeSample, what: String, context: FrontEndContext) -> Finding {
        let file = sample.fileName.map { " (`\($0)`)" } ?? ""
        return Finding(
            rule: "json-invalid", severity: .error,
            location: sample.markdownLocation(codeLine: position.line, codeColumn: position.column),
            message: "invalid JSON in \(what)\(file): \(message); fix the JSON so it parses",
            pivot: context.pivot, tab: context.tab)
    }
}
