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
        let commands: [ShellCommand]
        do {
            commands = try ShellLexer.commands(ConsolePrompts.commandsOnly(sample.code))
        } catch {
            result.callsAPI = sample.code.contains("curl")
            result.findings.append(Finding(
                rule: "shell-syntax", severity: .error,
                location: sample.markdownLocation(codeLine: error.position.line, codeColumn: error.position.column),
                message: "unterminated \(error.quote) quote: the shell waits for more input instead of running the command; close the quote",
                pivot: context.pivot, tab: context.tab))
            return result
        }
        for command in commands {
            if Self.isPowerShellAPICall(command) { result.callsAPI = true }
            guard let curl = CurlCommand(command) else { continue }
            // A bare download (`curl -o file URL`) is not an API call.
            guard curl.url != nil, !curl.data.isEmpty || !curl.headers.isEmpty || curl.method != nil else { continue }
            result.callsAPI = true
            if let request = request(from: curl, sample: sample, context: context, into: &result) {
                result.requests.append(request)
                if let output = curl.output?.text {
                    result.writes.append(FileAccess(path: output, location: sample.markdownLocation(codeLine: curl.output!.position.line, codeColumn: curl.output!.position.column)))
                }
            }
        }
        return result
    }

    private func request(
        from curl: CurlCommand, sample: CodeSample, context: FrontEndContext, into result: inout SampleExtraction
    ) -> ExtractedRequest? {
        guard let urlWord = curl.url else { return nil }
        let url = RESTURLTemplate.split(urlWord.templateParts)
        var headers: [String: SymbolicValue] = [:]
        for h in curl.headers {
            guard let colon = h.chars.firstIndex(where: { if case .char(":", _) = $0 { true } else { false } }) else { continue }
            let name = ShellWord(chars: Array(h.chars[..<colon]), position: h.position).text.trimmingCharacters(in: .whitespaces).lowercased()
            var valueChars = Array(h.chars[h.chars.index(after: colon)...])
            while case .char(" ", _)? = valueChars.first { valueChars.removeFirst() }
            headers[name] = ShellWord(chars: valueChars, position: h.position).symbolic
        }
        if curl.isJSONOption && headers["content-type"] == nil { headers["content-type"] = .string("application/json") }
        var body: SymbolicValue?
        if let data = curl.data.last {
            if case .char("@", _)? = data.chars.first {
                let path = data.dropFirst(1).text
                let location = sample.markdownLocation(codeLine: data.position.line, codeColumn: data.position.column)
                result.reads.append(FileAccess(path: path, location: location))
                body = .placeholder(.file(path: path, encoding: .text))
                // The steps may create that file: then its JSON is the body.
                if let file = context.jsonFile(named: path),
                   case .value(let v) = PositionedJSON(code: file.code).parse(allowComments: file.language == .jsonc) {
                    body = v
                }
            } else {
                let json = PositionedJSON(data.chars)
                if json.looksLikeJSON {
                    switch json.parse() {
                    case .value(let v):
                        body = v
                    case .invalid(let error, let at):
                        result.findings.append(Self.jsonInvalid(error, at: at, in: sample, what: "the curl request body", context: context))
                        return nil
                    }
                } else {
                    body = data.symbolic
                }
            }
        }
        return ExtractedRequest(
            location: sample.markdownLocation(codeLine: curl.position.line, codeColumn: curl.position.column),
            client: .curl, method: curl.effectiveMethod, endpoint: url.endpoint, path: url.path,
            deployment: url.deployment, query: url.query, headers: headers, auth: Self.auth(headers), body: body)
    }

    /// `Invoke-RestMethod` / `Invoke-WebRequest` sending a body, headers or a non-GET method: an
    /// API call docverify does not read yet (so it is reported, not skipped). A plain download is not.
    static func isPowerShellAPICall(_ command: ShellCommand) -> Bool {
        let words = command.words.map { $0.text.lowercased() }
        guard let first = words.first, ["invoke-restmethod", "invoke-webrequest", "irm", "iwr"].contains(first) else { return false }
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
        result.callsAPI = true
        var body: SymbolicValue?
        if let inline = block.body {
            let json = PositionedJSON(code: inline.text, startLine: inline.startLine)
            switch json.parse() {
            case .value(let v): body = v
            case .invalid(let error, let at):
                result.findings.append(Self.jsonInvalid(error, at: at, in: sample, what: "the request body", context: context))
                return result
            }
        } else if block.method != "GET", let next = context.next, next.language == .json || next.language == .jsonc {
            switch PositionedJSON(code: next.code).parse(allowComments: next.language == .jsonc) {
            case .value(let v): body = v
            case .invalid(let error, let at):
                result.findings.append(Self.jsonInvalid(error, at: at, in: next, what: "the request body", context: context))
                return result
            }
        }
        let url = RESTURLTemplate.split(block.url)
        var headers = block.headers
        if body != nil && headers["content-type"] == nil { headers["content-type"] = .string("application/json") }
        result.requests.append(ExtractedRequest(
            location: sample.markdownLocation(codeLine: block.position.line, codeColumn: block.position.column),
            client: .httpBlock, method: block.method, endpoint: url.endpoint, path: url.path,
            deployment: url.deployment, query: url.query, headers: headers, auth: Self.auth(headers), body: body))
        return result
    }

    /// True when `sample` is an HTTP request block that takes its body from the next fence.
    static func takesBodyFromNextFence(_ sample: CodeSample) -> Bool {
        guard sample.language == .http, let block = HTTPBlock(code: sample.code) else { return false }
        return block.body == nil && block.method != "GET"
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
