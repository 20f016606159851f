import Core
import Foundation
import Quickstart

/// Reads PowerShell fences (`powershell`, `pwsh`, `azurepowershell`): `Invoke-RestMethod` /
/// `Invoke-WebRequest` calls become REST requests, and `curl.exe` lines are read as curl. POSIX
/// shell rules never apply here, so this front-end reports no `shell-syntax` finding.
struct PowerShellFrontEnd: LanguageFrontEnd {
    /// Info strings of PowerShell fences (`azurecli` is bash-like, not PowerShell).
    static let infoStrings: Set<String> = [
        "powershell", "pwsh", "ps", "ps1", "posh", "azurepowershell", "azurepowershell-interactive",
    ]

    static func reads(_ sample: CodeSample) -> Bool {
        let word = sample.infoString.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map { $0.lowercased() } ?? ""
        return infoStrings.contains(word)
    }

    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        var reader = PowerShellReader(sample.code)
        reader.run()
        var result = SampleExtraction(sampleID: sample.id)
        if let at = reader.tooDeep {
            result.findings.append(InputTooDeep.finding(
                "PowerShell code", bound: PowerShellReader.maxDepth, line: at.line, column: at.column, in: sample, context: context))
        }
        for command in reader.invocations {
            guard let request = request(command, sample: sample, into: &result) else { continue }
            // A plain download (`Invoke-WebRequest -Uri …/sample.wav -OutFile sample.wav`) is how a
            // page hands the reader a file, not an API call.
            if request.purpose == .api, request.method == "GET", request.headers.isEmpty, request.body == nil { continue }
            result.requests.append(request)
        }
        result.callsAPI = !result.requests.isEmpty || reader.invocations.contains { command in
            ["headers", "body", "form", "infile"].contains { command.parameters[$0] != nil }
        }
        // `curl.exe` lines: the curl reader, without its POSIX quoting judgement.
        if result.requests.isEmpty, sample.code.range(of: "curl", options: .caseInsensitive) != nil {
            var curl = RESTFrontEnd().extract(sample, context: context)
            curl.findings.removeAll { $0.rule == "shell-syntax" }
            return curl
        }
        return result
    }

    private func request(_ command: PowerShellReader.Command, sample: CodeSample, into result: inout SampleExtraction) -> ExtractedRequest? {
        let p = command.parameters
        guard let uri = p["uri"] ?? p["u"] ?? command.arguments.first else { return nil }
        let location = sample.markdownLocation(codeLine: command.position.line, codeColumn: command.position.column)
        let uriValue = uri.symbolic
        var headers: [String: SymbolicValue] = [:]
        if case .object(let h)? = p["headers"]?.symbolic {
            for (k, v) in h { headers[k.lowercased()] = v }
        }
        if case .value(.string(let type))? = p["contenttype"] { headers["content-type"] = .string(type) }
        var body: SymbolicValue?
        var rawBody: SymbolicValue?
        var multipart: [MultipartPart]?
        if let b = p["body"] {
            body = Self.body(b)
        } else if case .value(.string(let path))? = p["infile"] {
            result.reads.append(FileAccess(path: path, location: location))
            rawBody = .placeholder(.file(path: path, encoding: .binary))
        } else if case .value(.object(let form))? = p["form"] {
            multipart = form.keys.sorted().map { name in
                if case .placeholder(.file(let path, .binary)) = form[name]! {
                    result.reads.append(FileAccess(path: path, location: location))
                    return MultipartPart(name: name, value: form[name]!, filename: path.split(separator: "/").last.map(String.init) ?? path)
                }
                return MultipartPart(name: name, value: form[name]!)
            }
        }
        let hasBody = body != nil || rawBody != nil || multipart != nil
        var method = "GET"
        if case .value(.string(let m))? = p["method"] { method = m.uppercased() } else if hasBody { method = "POST" }
        if FollowUpDownload.isDownload(url: uriValue, method: method) {
            var download = ExtractedRequest(location: location, client: .powershell, method: "GET", endpoint: uriValue, path: "", deployment: nil, auth: nil, body: nil)
            download.purpose = .download
            if case .value(.string(let out))? = p["outfile"] {
                download.savesResponseTo = FileAccess(path: out, location: location)
                result.writes.append(FileAccess(path: out, location: location))
            }
            return download
        }
        let url = RESTURLTemplate.split(uriValue.templateParts(fallback: "uri"))
        var request = ExtractedRequest(
            location: location, client: .powershell, method: method, endpoint: url.endpoint, path: url.path,
            deployment: url.deployment, query: url.query, headers: headers, auth: RESTFrontEnd.auth(headers), body: body)
        request.rawBody = rawBody
        request.multipart = multipart
        request.pathParameters = url.pathParameters
        if case .value(.string(let out))? = p["outfile"] {
            let access = FileAccess(path: out, location: location)
            request.savesResponseTo = access
            result.writes.append(access)
        }
        return request
    }

    /// `-Body`: JSON built by `ConvertTo-Json`, or a string (here-string) holding JSON text.
    static func body(_ value: PowerShellValue) -> SymbolicValue {
        switch value {
        case .json(let v): return v
        case .value(.string(let text)):
            if let json = try? JSONValue.parse(text) { return SymbolicValue(json) }
            return .string(text)
        case .value(.template(let parts)):
            var chars: [ShellChar] = []
            let origin = JSPosition(line: 1, column: 1)
            for part in parts {
                switch part {
                case .literal(let l): chars += l.unicodeScalars.map { .char($0, origin) }
                case .placeholder(let p): chars.append(.value(p, origin))
                }
            }
            if case .value(let v) = PositionedJSON(chars).parse() { return v }
            return .template(parts)
        default:
            return value.symbolic
        }
    }
}
