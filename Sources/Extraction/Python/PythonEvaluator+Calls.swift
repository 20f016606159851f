import Core

/// Calls: the sample's own functions, methods of lists/dicts/strings/files, and the library calls
/// that matter for requests (`os.environ`, `open`, `base64`, `requests`, `openai`, `azure.identity`).
extension PythonEvaluator {
    struct Arguments {
        var positional: [PythonValue] = []
        var keywords: [(String, PythonValue)] = []

        func keyword(_ name: String) -> PythonValue? { keywords.last { $0.0 == name }?.1 }

        /// A positional argument, or the same parameter passed by keyword.
        func argument(_ index: Int, _ name: String) -> PythonValue? {
            index < positional.count ? positional[index] : keyword(name)
        }
    }

    mutating func evaluateArguments(_ arguments: [PythonArgument]) -> Arguments {
        var out = Arguments()
        for argument in arguments {
            switch argument.kind {
            case .positional: out.positional.append(evaluate(argument.value))
            case .keyword(let name): out.keywords.append((name, evaluate(argument.value)))
            case .star: out.positional.append(contentsOf: iterate(evaluate(argument.value), text: argument.value.text))
            case .doubleStar:
                let v = evaluate(argument.value)
                if case .dict(let id) = v {
                    for k in dicts[id].keys.sorted() { out.keywords.append((k, dicts[id][k]!)) }
                }
            }
        }
        return out
    }

    mutating func evaluateCall(_ e: PythonExpr, callee: PythonExpr, arguments: [PythonArgument]) -> PythonValue {
        if case .attribute(let objectExpr, let name) = callee.kind {
            let object = evaluate(objectExpr, record: false)
            if case .module(let m) = object {
                let args = evaluateArguments(arguments)
                return libraryCall(m + "." + name, args, e)
            }
            if case .client = object {
                return clientCall(attribute(of: object, name, callee), arguments, e)
            }
            let args = evaluateArguments(arguments)
            return methodCall(object, name, args, e)
        }
        let function = evaluate(callee, record: false)
        if case .client = function { return clientCall(function, arguments, e) }
        let args = evaluateArguments(arguments)
        return callValue(function, args, e)
    }

    mutating func callValue(_ function: PythonValue, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        switch function {
        case .function(let index): return callFunction(index, positional: args.positional, keywords: args.keywords)
        case .tokenProvider: return .symbolic(.placeholder(.credential(.bearerToken)))
        case .module(let name): return libraryCall(name, args, e)
        case .method(let object, let name): return methodCall(object, name, args, e)
        default: return .unknown(e.text)
        }
    }

    // MARK: Methods

    mutating func methodCall(_ object: PythonValue, _ name: String, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        let first = args.positional.first
        switch object {
        case .response(let call, let path, let needsJSON):
            if path.isEmpty, ["stream_to_file", "write_to_file"].contains(name) {
                saveResponse(call: call, to: first ?? args.keyword("file"), at: e)
                return .nothing
            }
            if !needsJSON, ["model_dump_json", "to_json"].contains(name) {
                // JSON text of the answer: `json.loads(result.model_dump_json())` reads it back.
                return .response(call: call, path: path, needsJSON: true)
            }
            if name == "json" || ((name == "model_dump" || name == "to_dict") && !needsJSON) {
                return .response(call: call, path: path, needsJSON: false)
            }
            if name == "get", !needsJSON, let k = first?.stringValue {
                return .response(call: call, path: path + [.key(k)], needsJSON: false)
            }
            // Any other method works on the value at `path` (`content.strip()`): that is a read.
            if !path.isEmpty { recordRead(call: call, path: path, at: e) }
            return .unknown(e.text)
        case .list(let id):
            switch name {
            case "append": if let first { lists[id].append(first) }
            case "extend": if let first { lists[id].append(contentsOf: iterate(first, text: e.text)) }
            case "insert":
                if args.positional.count == 2, case .symbolic(.int(let i)) = args.positional[0] {
                    lists[id].insert(args.positional[1], at: max(0, min(i, lists[id].count)))
                }
            case "pop": return lists[id].popLast() ?? .unknown(e.text)
            case "clear": lists[id].removeAll()
            case "copy":
                lists.append(lists[id])
                return .list(lists.count - 1)
            default: return .unknown(e.text)
            }
            return .nothing
        case .dict(let id):
            switch name {
            case "get":
                return first.flatMap { dicts[id][key($0, text: "")] } ?? args.positional.dropFirst().first ?? .nothing
            case "update":
                if case .dict(let other)? = first { dicts[id].merge(dicts[other]) { _, new in new } }
                for (k, v) in args.keywords { dicts[id][k] = v }
                return .nothing
            case "setdefault":
                guard let first else { return .unknown(e.text) }
                let k = key(first, text: "")
                if dicts[id][k] == nil { dicts[id][k] = args.positional.dropFirst().first ?? .nothing }
                return dicts[id][k]!
            case "pop":
                guard let first else { return .unknown(e.text) }
                return dicts[id].removeValue(forKey: key(first, text: "")) ?? args.positional.dropFirst().first ?? .unknown(e.text)
            case "copy":
                dicts.append(dicts[id])
                return .dict(dicts.count - 1)
            default: return .unknown(e.text)
            }
        case .symbolic(let s):
            return stringMethod(s, name, args, e)
        case .fileHandle(let path, let binary):
            switch name {
            case "read":
                if !reads.contains(where: { $0.path == path }) { reads.append(FileAccess(path: path, location: location(e.line, e.column))) }
                return .fileContent(path: path, encoding: binary ? .binary : .text)
            case "write", "writelines":
                if !writes.contains(where: { $0.path == path }) { writes.append(FileAccess(path: path, location: location(e.line, e.column))) }
                // `f.write(response.content)`: the answer itself is saved as that file.
                switch first {
                case .method(.response(let call, [], true), "content")?, .response(let call, [], true)?:
                    if requests[call].savesResponseTo == nil {
                        requests[call].savesResponseTo = FileAccess(path: path, location: location(e.line, e.column))
                    }
                default: break
                }
                return .nothing
            default: return .nothing
            }
        case .fileContent(let path, let encoding):
            return ["decode", "encode", "strip"].contains(name) ? .fileContent(path: path, encoding: encoding) : .unknown(e.text)
        case .credential:
            return name == "get_token" ? .accessToken : .unknown(e.text)
        case .jsonText:
            // `json.dumps(body).encode("utf-8")` is the same text as bytes.
            return name == "encode" ? object : .unknown(e.text)
        default:
            return .unknown(e.text)
        }
    }

    private func stringMethod(_ s: SymbolicValue, _ name: String, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        switch (s, name) {
        case (_, "encode"), (_, "decode"): return .symbolic(s)
        case (.string(let text), "strip"), (.string(let text), "rstrip"), (.string(let text), "lstrip"):
            let characters = Set(args.positional.first?.stringValue ?? " \t\n\r")
            var t = Substring(text)
            if name != "lstrip" { while let last = t.last, characters.contains(last) { t = t.dropLast() } }
            if name != "rstrip" { while let first = t.first, characters.contains(first) { t = t.dropFirst() } }
            return .string(String(t))
        case (.string(let text), "lower"): return .string(text.lowercased())
        case (.string(let text), "upper"): return .string(text.uppercased())
        case (.string(let text), "replace"):
            guard args.positional.count >= 2, let a = args.positional[0].stringValue, let b = args.positional[1].stringValue else { return .unknown(e.text) }
            return .string(text.replacingOccurrences(of: a, with: b))
        case (.template, "rstrip"), (.placeholder, "rstrip"), (.template, "strip"), (.placeholder, "strip"):
            // Trimming a trailing '/' off an endpoint does not change what it names.
            return .symbolic(s)
        case (.string(let text), "format"):
            return format(text, args, e)
        default: return .unknown(e.text)
        }
    }

    /// `"{}/openai/{name}".format(a, name=b)` with plain `{}`, `{0}` and `{name}` fields.
    private func format(_ text: String, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        var parts: [TemplatePart] = []
        var literal = ""
        var automatic = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "{", next < text.endIndex, text[next] == "{" { literal.append("{"); i = text.index(after: next); continue }
            if c == "}", next < text.endIndex, text[next] == "}" { literal.append("}"); i = text.index(after: next); continue }
            if c == "{" {
                guard let close = text[next...].firstIndex(of: "}") else { return .unknown(e.text) }
                let field = String(text[next..<close]).split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                var value: PythonValue?
                if field.isEmpty {
                    value = automatic < args.positional.count ? args.positional[automatic] : nil
                    automatic += 1
                } else if let n = Int(field) {
                    value = n < args.positional.count ? args.positional[n] : nil
                } else {
                    value = args.keyword(field)
                }
                guard let value else { return .unknown(e.text) }
                parts.append(.literal(literal))
                literal = ""
                parts.append(contentsOf: snapshot(value).templateParts(fallback: field))
                i = text.index(after: close)
                continue
            }
            literal.append(c)
            i = next
        }
        parts.append(.literal(literal))
        return .symbolic(SymbolicValue.normalizedTemplate(parts))
    }

    // MARK: Library functions

    mutating func libraryCall(_ qualified: String, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        let name = qualified.hasPrefix("builtins.") ? String(qualified.dropFirst(9)) : qualified
        let last = name.split(separator: ".").last.map(String.init) ?? name
        switch name {
        case "os.getenv", "os.environ.get":
            guard let variable = args.argument(0, "key")?.stringValue else { return .unknown(e.text) }
            return .symbolic(.placeholder(.environment(name: variable, fallback: args.argument(1, "default")?.stringValue)))
        case "open", "io.open":
            guard let path = args.argument(0, "file").flatMap(pathString), !path.isEmpty else { return .unknown(e.text) }
            let mode = args.argument(1, "mode")?.stringValue ?? "r"
            return .fileHandle(path: path, binary: mode.contains("b"))
        case "base64.b64encode", "base64.standard_b64encode":
            if case .fileContent(let path, _)? = args.positional.first { return .fileContent(path: path, encoding: .base64) }
            return .unknown(e.text)
        case "json.loads":
            if case .jsonText(let inner)? = args.positional.first { return inner }
            // `json.loads(r.text)` is the same as `r.json()`.
            if case .method(.response(let call, let path, true), let attribute)? = args.positional.first, attribute == "text" || attribute == "content" {
                return .response(call: call, path: path, needsJSON: false)
            }
            if case .response(let call, let path, true)? = args.positional.first { return .response(call: call, path: path, needsJSON: false) }
            return .unknown(e.text)
        case "json.dumps":
            return args.positional.first.map { .jsonText($0) } ?? .unknown(e.text)
        case "openai.pydantic_function_tool":
            // A function tool whose parameters are the class's strict schema.
            guard case .modelClass(let cls, let schema)? = args.argument(0, "model") else {
                return .symbolic(SDKBuiltValues.functionTool(
                    name: args.keyword("name").map { snapshot($0) } ?? .placeholder(.unknown(e.text)),
                    parameters: SDKBuiltValues.unknownSchema(e.text), description: args.keyword("description").map { snapshot($0) }))
            }
            return .symbolic(SDKBuiltValues.functionTool(
                name: args.keyword("name").map { snapshot($0) } ?? .string(cls),
                parameters: schema.map { SymbolicValue($0) } ?? SDKBuiltValues.unknownSchema(cls),
                description: args.keyword("description").map { snapshot($0) }))
        case "dict":
            var members: [String: PythonValue] = [:]
            if case .dict(let id)? = args.positional.first { members = dicts[id] }
            for (k, v) in args.keywords { members[k] = v }
            dicts.append(members)
            return .dict(dicts.count - 1)
        case "list":
            lists.append(args.positional.first.map { iterate($0, text: e.text) } ?? [])
            return .list(lists.count - 1)
        case "str":
            if case .symbolic(let s)? = args.positional.first, case .string = s { return .symbolic(s) }
            return .unknown(e.text)
        case "os.path.join":
            // `os.path.join(os.curdir, "images", "x.png")`: the file name is what scenarios share.
            let pieces = args.positional.map { value -> String? in
                if case .module("os.curdir") = value { return "." }
                return pathString(value)
            }
            if pieces.allSatisfy({ $0 != nil }), !pieces.isEmpty { return .string(pieces.map { $0! }.joined(separator: "/")) }
            if let last = pieces.last, let name = last { return .string(name) }
            return .unknown(e.text)
        case "pathlib.Path", "pathlib.PurePath":
            // The SDKs accept a path object as a file to upload.
            return .fileHandle(path: args.positional.first?.stringValue ?? "", binary: true)
        case "asyncio.run", "asyncio.get_event_loop.run_until_complete":
            return args.positional.first ?? .nothing
        case "print", "dotenv.load_dotenv", "load_dotenv":
            return .nothing
        case "requests.post", "requests.get", "requests.put", "requests.patch", "requests.delete",
             "httpx.post", "httpx.get", "httpx.put", "httpx.patch", "httpx.delete":
            return httpCall(method: last.uppercased(), args, e)
        case "urllib.request.urlretrieve":
            // `urlretrieve(image_url, "image.png")`: a follow-up download saved as a file.
            guard let url = args.argument(0, "url"), let download = downloadRequest(snapshot(url), method: "GET", at: e) else { return .unknown(e.text) }
            requests.append(download)
            if let path = args.argument(1, "filename").flatMap(pathString) { saveResponse(call: requests.count - 1, to: .string(path), at: e) }
            return .unknown(e.text)
        case "requests.request", "httpx.request":
            return httpCall(method: nil, args, e)
        case "requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient":
            callsAPI = true
            return .module(name.hasPrefix("httpx") ? "httpx" : "requests")
        case _ where LegacyOpenAI.operation(name) != nil:
            return legacyCall(LegacyOpenAI.operation(name)!, args, e)
        case "openai.AzureOpenAI", "openai.AsyncAzureOpenAI", "openai.lib.azure.AzureOpenAI":
            return makeClient(isAzure: true, args)
        case "openai.OpenAI", "openai.AsyncOpenAI":
            return makeClient(isAzure: false, args)
        default:
            if name.hasPrefix("azure.identity.") {
                if last == "get_bearer_token_provider" { return .tokenProvider }
                if last.hasSuffix("Credential") { return .credential }
            }
            return .unknown(e.text)
        }
    }

    // MARK: openai SDK

    mutating func makeClient(isAzure: Bool, _ args: Arguments) -> PythonValue {
        callsAPI = true
        var config = OpenAIClientConfig(isAzure: isAzure)
        for (name, value) in args.keywords {
            switch name {
            case "azure_endpoint", "base_url", "endpoint":
                config.endpoint = snapshot(value)
            case "api_key":
                // The v1 API takes a token provider as the key.
                if case .tokenProvider = value { config.usesTokenProvider = true } else { config.apiKey = snapshot(value) }
            case "azure_ad_token_provider", "azure_ad_token":
                config.usesTokenProvider = true
            case "api_version":
                config.apiVersion = snapshot(value)
            case "azure_deployment":
                config.deployment = snapshot(value)
            case "default_query":
                if case .object(let q) = snapshot(value) { config.defaultQuery = q }
            case "default_headers":
                if case .object(let h) = snapshot(value) {
                    for (k, v) in h { config.defaultHeaders[k.lowercased()] = v }
                }
            default: break
            }
        }
        clients.append(config)
        return .client(clients.count - 1, [])
    }

    // MARK: requests / httpx

    mutating func httpCall(method: String?, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        callsAPI = true
        var positional = args.positional
        var method = method
        if method == nil {
            method = (positional.isEmpty ? args.keyword("method") : positional.removeFirst())?.stringValue?.uppercased() ?? "POST"
        }
        guard let urlValue = positional.first ?? args.keyword("url") else { return .unknown(e.text) }
        if let download = downloadRequest(snapshot(urlValue), method: method ?? "GET", at: e) {
            requests.append(download)
            return .response(call: requests.count - 1, path: [], needsJSON: true)
        }
        let url = PythonURLTemplate(snapshot(urlValue))
        var query = url.query
        if case .object(let params)? = args.keyword("params").map({ snapshot($0) }) {
            query.merge(params) { _, new in new }
        }
        var headers: [String: SymbolicValue] = [:]
        if case .object(let h)? = args.keyword("headers").map({ snapshot($0) }) {
            for (k, v) in h { headers[k.lowercased()] = v }
        }
        var auth: AuthKind?
        if headers["api-key"] != nil {
            auth = .apiKey
        } else if let authorization = headers["authorization"] {
            if case .literal(let prefix)? = authorization.templateParts(fallback: "").first, prefix.lowercased().hasPrefix("bearer") {
                auth = .bearer
            }
        }
        var body: SymbolicValue?
        var multipart: [MultipartPart]?
        if let files = args.keyword("files") {
            // `files=` makes a multipart form; `data=` fields travel in it as plain parts.
            var parts: [MultipartPart] = []
            if case .object(let fields)? = args.keyword("data").map({ snapshot($0) }) {
                for name in fields.keys.sorted() { parts.append(MultipartPart(name: name, value: Self.formText(fields[name]!))) }
            }
            parts += formFiles(files, at: e)
            multipart = parts
        } else if let json = args.keyword("json") {
            body = snapshot(json)
        } else if case .jsonText(let inner)? = args.keyword("data") ?? args.keyword("content") {
            // `data=json.dumps(body)` (requests) or `content=json.dumps(body)` (httpx) sends `body`.
            body = snapshot(inner)
        } else if let data = args.keyword("data") {
            let value = snapshot(data)
            if case .string(let text) = value, let parsed = try? JSONValue.parse(text) {
                body = SymbolicValue(parsed)
            } else {
                body = value
            }
        }
        var request = ExtractedRequest(
            location: location(e.line, e.column), client: .pythonRequests, method: method ?? "POST",
            endpoint: url.endpoint, path: url.path, deployment: url.deployment, query: query,
            headers: headers, auth: auth, body: body)
        request.multipart = multipart
        request.pathParameters = PathHoles.parameters(path: url.path, url: snapshot(urlValue))
        requests.append(request)
        return .response(call: requests.count - 1, path: [], needsJSON: true)
    }

    /// `files={"file": open(p, "rb")}`, `files={"file": ("a.wav", open(p, "rb"), "audio/wav")}` or a
    /// list of `(name, file)` pairs: the file parts of a `requests` form.
    mutating func formFiles(_ files: PythonValue, at e: PythonExpr) -> [MultipartPart] {
        var pairs: [(String, PythonValue)] = []
        switch files {
        case .dict(let id):
            pairs = dicts[id].keys.sorted().map { ($0, dicts[id][$0]!) }
        case .list(let id):
            for item in lists[id] {
                if case .tuple(let t) = item, t.count == 2, let name = t[0].stringValue { pairs.append((name, t[1])) }
            }
        default: break
        }
        return pairs.map { name, value in
            if let file = fileUpload(value, at: e) {
                return MultipartPart(name: name, value: file.value, filename: file.filename, contentType: file.contentType)
            }
            // `(None, "whisper")`: a plain field sent through `files=`.
            if case .tuple(let t) = value, t.count >= 2, case .symbolic(.null) = t[0] {
                return MultipartPart(name: name, value: Self.formText(snapshot(t[1])))
            }
            return MultipartPart(name: name, value: Self.formText(snapshot(value)))
        }
    }

    /// A GET of a URL taken whole from an earlier answer (`requests.get(image_url)`): fetching a
    /// result, not calling the API.
    func downloadRequest(_ url: SymbolicValue, method: String, at e: PythonExpr) -> ExtractedRequest? {
        guard FollowUpDownload.isDownload(url: url, method: method) else { return nil }
        var request = ExtractedRequest(
            location: location(e.line, e.column), client: .pythonRequests, method: "GET", endpoint: url,
            path: "", deployment: nil, auth: nil, body: nil)
        request.purpose = .download
        return request
    }
}
