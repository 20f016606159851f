import Foundation
import Core
import Quickstart

/// Reads REST samples: `curl` command lines in shell fences and HTTP-style request blocks, whose
/// body may sit in the `json` fence that follows.
struct RESTFrontEnd: LanguageFrontEnd {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        switch sample.language {
        case .http: return extractHTTPBlock(sample, context: context)
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
        for end in EscapedLineEnd.positions(in: sample.code) {
            result.findings.append(Finding(
                rule: "shell-syntax", severity: .error,
                location: sample.markdownLocation(codeLine: end.line, codeColumn: end.column),
                message: "the `\\` at the end of this line is followed by blanks, so it escapes a space instead of the line break: the shell ends the command here and runs the next line, an option, as a command of its own; delete the blanks after the `\\`",
                pivot: context.pivot, tab: context.tab))
        }
        for line in MissingContinuation.lines(in: ConsolePrompts.commandsOnly(sample.code)) {
            result.findings.append(Finding(
                rule: "shell-syntax", severity: .error,
                location: sample.markdownLocation(codeLine: line, codeColumn: 1),
                message: "this line starts with an option, but the line before it doesn't end with `\\`: the shell runs the command above without it and this line as a command of its own; end the line before with ` \\`",
                pivot: context.pivot, tab: context.tab))
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
        let line = Array(lines[position.line - 1])
        let i = position.column - 1
        guard i > 0, i + 1 < line.count, line[i] == "'" else { return false }
        return line[i - 1].isLetter && line[i + 1].isLetter
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
            findings.append(jsonInvalid(error, at: at, in: sample, what: "the curl request body", context: context))
        case .tooDeep(let at):
            findings.append(jsonTooDeep(at: at, in: sample, what: "the curl request body", context: context))
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
