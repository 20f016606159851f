import Core

/// The libraries and globals samples use: `require`, the `openai` SDK, `@azure/identity`, `fs`,
/// `Buffer`, `JSON`, `fetch`. Everything else is opaque.
extension JSEvaluator {
    /// `node:fs` → `fs`, `fs/promises` → `fs.promises`, `openai/index.mjs` → `openai`.
    static func moduleName(_ specifier: String) -> String {
        var name = specifier
        if name.hasPrefix("node:") { name = String(name.dropFirst(5)) }
        if name == "fs/promises" { return "fs.promises" }
        if name.hasPrefix("openai/") && !name.hasPrefix("openai/resources") { return "openai" }
        return name
    }

    static func isAPIModule(_ module: String) -> Bool {
        module == "openai" || module.hasPrefix("@azure/openai") || module == "axios" || module == "node-fetch"
    }

    mutating func call(_ callee: JSExpr, _ args: [JSArgument], in scope: Int) -> JSValue {
        if case .member(let objectExpression, let name, _, let namePosition) = callee.kind {
            let object = evaluateChain(objectExpression, in: scope)
            if case .response(_, let path) = object, !path.isEmpty { recordResponseRead(object, at: objectExpression.position) }
            let argValues = arguments(args, in: scope)
            return callMethod(object, name, argValues, at: namePosition)
        }
        let calleeValue = evaluate(callee, in: scope)
        let argValues = arguments(args, in: scope)
        switch calleeValue {
        case .function(let id): return callClosure(id, arguments: argValues)
        case .host(let q): return callHost(q, argValues, at: callee.position, isNew: false)
        default: return .opaque("\(describe(calleeValue))()")
        }
    }

    mutating func callMethod(_ object: JSValue, _ name: String, _ args: [JSValue], at position: JSPosition) -> JSValue {
        // Promise plumbing: `main().catch(…)`, `fetch(…).then(r => r.json())`.
        switch name {
        case "then":
            if case .function(let id)? = args.first { return callClosure(id, arguments: [object]) }
            return object
        case "catch", "finally":
            return object
        default:
            break
        }
        switch object {
        case .array(let id):
            switch name {
            case "push":
                arrays[id] += args
                return .number(Double(arrays[id].count))
            case "unshift":
                arrays[id].insert(contentsOf: args, at: 0)
                return .number(Double(arrays[id].count))
            case "pop":
                return arrays[id].popLast() ?? .undefined
            case "concat":
                var items = arrays[id]
                for a in args {
                    if case .array(let other) = a { items += arrays[other] } else { items.append(a) }
                }
                return newArray(items)
            case "slice":
                return newArray(arrays[id])
            default:
                return .opaque("array.\(name)()")
            }
        case .host(let q):
            return callHost(q + "." + name, args, at: position, isNew: false)
        case .client(let id, let path) where legacyClients.contains(id):
            // `listChatCompletions` is the earlier betas' name for the streaming call.
            if ["getChatCompletions", "streamChatCompletions", "listChatCompletions"].contains(name), path.isEmpty {
                return legacyChatCompletion(client: id, args, at: position)
            }
            if path.isEmpty, let op = Self.legacyOperations[name] { return legacyCall(op, client: id, args, at: position) }
            return .opaque("client.\(name)()")
        case .client(let id, let path):
            let full = path + [name]
            if full == ["chat", "completions", "create"] || full == ["beta", "chat", "completions", "parse"]
                || full == ["chat", "completions", "stream"] || full == ["chat", "completions", "parse"] {
                return chatCompletion(client: id, args, at: position)
            }
            if let op = SDKOperation.pollingHelper(full) { return pollingCall(op, client: id, args, at: position) }
            if let op = SDKOperation.lookup(full) { return sdkCall(op, client: id, args, at: position).value }
            return .opaque((["client"] + full).joined(separator: ".") + "()")
        case .response(let call, []) where ["arrayBuffer", "blob", "buffer", "bytes"].contains(name):
            return .responseBytes(call)
        case .httpResponse(let call):
            if name == "json" || name == "text" { return .response(call: call, path: []) }
            if ["arrayBuffer", "blob", "buffer"].contains(name) { return .responseBytes(call) }
            return .opaque("\(describe(object)).\(name)()")
        case .fileBytes(let path):
            if name == "toString" {
                switch args.first {
                case .string("base64")?: return .placeholder(.file(path: path, encoding: .base64))
                case .string("binary")?, .string("latin1")?: return .placeholder(.file(path: path, encoding: .binary))
                default: return .placeholder(.file(path: path, encoding: .text))
                }
            }
            return .opaque("\(describe(object)).\(name)()")
        case .object(let id):
            if case .function(let f)? = objects[id][name] { return callClosure(f, arguments: args) }
            if case .array(let entries)? = objects[id][Self.formEntriesKey], name == "append" || name == "set" {
                arrays[entries].append(newArray(args))
                return .undefined
            }
            return .opaque("object.\(name)()")
        case .string, .template, .placeholder:
            if ["toString", "valueOf"].contains(name) { return object }
            return .opaque("\(describe(object)).\(name)()")
        default:
            return .opaque("\(describe(object)).\(name)()")
        }
    }

    mutating func callHost(_ qualified: String, _ args: [JSValue], at position: JSPosition, isNew: Bool) -> JSValue {
        // `import fs from "fs"`: the default export of a Node module is the module itself.
        let name = qualified.hasPrefix("fs.default.") || qualified.hasPrefix("fs.promises.default.")
            ? qualified.replacingOccurrences(of: ".default.", with: ".") : qualified
        switch name {
        case "require":
            guard case .string(let specifier)? = args.first else { return .opaque("require()") }
            let module = Self.moduleName(specifier)
            if Self.isAPIModule(module) { usedAPI = true }
            return .host(module)
        case "openai.AzureOpenAI", "openai.default.AzureOpenAI":
            return openAIClient(args.first, isAzure: true)
        case "openai", "openai.OpenAI", "openai.default", "openai.default.OpenAI":
            return openAIClient(args.first, isAzure: false)
        case "@azure/openai.OpenAIClient":
            return legacyAzureClient(args)
        case "@azure/openai.AzureKeyCredential", "@azure/core-auth.AzureKeyCredential":
            return .host("AzureKeyCredential")
        case "@azure/identity.getBearerTokenProvider":
            return .placeholder(.credential(.bearerToken))
        case "fs.readFileSync", "fs.readFile", "fs.promises.readFile":
            return readFile(args, at: position)
        case "fs.writeFileSync", "fs.writeFile", "fs.promises.writeFile", "fs.appendFileSync":
            if let path = pathArgument(args.first) {
                writes.append(FileAccess(path: path, location: location(position)))
                noteSavedResponse(args, path: path, at: position)
            }
            return .undefined
        case "fs.createReadStream", "fs.openAsBlob":
            guard let path = pathArgument(args.first) else { return .opaque("stream") }
            reads.append(FileAccess(path: path, location: location(position)))
            return .fileBytes(path)
        case "path.join", "path.resolve", "path.default.join", "path.default.resolve":
            // `path.join(__dirname, "audio.wav")`: the known parts name the file.
            let known = args.compactMap { pathArgument($0) }
            return known.isEmpty ? .opaque("path") : .string(known.joined(separator: "/"))
        case "openai.toFile", "openai.uploads.toFile", "openai.default.toFile":
            return toFile(args)
        case "Buffer.from":
            if case .fileBytes? = args.first { return args[0] }
            if case .responseBytes? = args.first { return args[0] }
            if case .placeholder(.file(let path, .base64))? = args.first, case .string("base64")? = args.dropFirst().first {
                return .fileBytes(path)
            }
            return .opaque("buffer")
        case "openai.zodResponseFormat":
            // The SDK turns the zod object into a strict JSON schema docverify does not derive.
            let schemaName = args.dropFirst().first.flatMap { symbolic($0) } ?? .placeholder(.unknown("zodResponseFormat name"))
            return fromSymbolic(SDKBuiltValues.responseFormat(name: schemaName, schema: SDKBuiltValues.unknownSchema("a zod object")))
        case "openai.zodFunction":
            var name: SymbolicValue = .placeholder(.unknown("zodFunction name"))
            var description: SymbolicValue?
            if case .object(let id)? = args.first {
                if let n = objects[id]["name"].flatMap({ symbolic($0) }) { name = n }
                description = objects[id]["description"].flatMap { symbolic($0) }
            }
            return fromSymbolic(SDKBuiltValues.functionTool(name: name, parameters: SDKBuiltValues.unknownSchema("a zod object"), description: description))
        case "JSON.stringify":
            return .jsonText(args.first ?? .undefined)
        case "JSON.parse":
            if case .jsonText(let v)? = args.first { return v }
            if case .string(let s)? = args.first, let json = try? JSONValue.parse(s) { return fromJSON(json) }
            return .opaque("JSON.parse()")
        case "fetch", "node-fetch.default":
            return fetch(args, at: position)
        case "axios.post", "axios.default.post", "axios.put", "axios.default.put":
            return axios(method: name.hasSuffix("put") ? "PUT" : "POST", args, at: position)
        case "Headers":
            return args.first ?? newObject([:])
        case "FormData":
            // The form's entries live in an array under a key no sample can write.
            return newObject([Self.formEntriesKey: newArray([])])
        case "Blob", "File", "buffer.Blob":
            // `new Blob([fs.readFileSync(p)])`, `new File([bytes], "a.wav")`: the file's bytes.
            if case .array(let id)? = args.first, case .fileBytes(let path)? = arrays[id].first {
                if case .string(let name)? = args.dropFirst().first { return .upload(path: path, filename: name) }
                return .fileBytes(path)
            }
            return .opaque("blob")
        case _ where name.hasPrefix("console.") || name == "dotenv.config" || name.hasPrefix("process.exit"):
            return .undefined
        default:
            if name.hasPrefix("@azure/identity.") { return .opaque("credential") }
            return .opaque("\(name)()")
        }
    }

    // MARK: - The OpenAI SDK

    mutating func openAIClient(_ options: JSValue?, isAzure: Bool) -> JSValue {
        usedAPI = true
        var config = OpenAIClientConfig(isAzure: isAzure)
        if case .object(let id)? = options {
            let o = objects[id]
            config.endpoint = o["endpoint"].flatMap(symbolic) ?? (isAzure ? nil : o["baseURL"].flatMap(symbolic))
            config.apiVersion = o["apiVersion"].flatMap(symbolic)
            config.deployment = o["deployment"].flatMap(symbolic)
            config.apiKey = o["apiKey"].flatMap(symbolic)
            if let provider = o["azureADTokenProvider"], truthiness(provider) != .no { config.usesTokenProvider = true }
            if !isAzure { plainClientOptions[configs.count] = id }
        }
        configs.append(config)
        return .client(configs.count - 1, [])
    }

    mutating func chatCompletion(client: Int, _ args: [JSValue], at position: JSPosition) -> JSValue {
        usedAPI = true
        var body: [String: SymbolicValue] = [:]
        if case .object(let id)? = args.first {
            for (k, v) in objects[id] {
                if let s = symbolic(v) { body[k] = s }
            }
        }
        var request = configs[client].request(body: body, location: location(position), client: .javascriptOpenAI)
        if let options = plainClientOptions[client] { applyPlainClientOptions(objects[options], to: &request) }
        requests.append(request)
        return .response(call: requests.count - 1, path: [])
    }

    /// The `OpenAI` class pointed at Azure the older way: `baseURL` with the deployment path,
    /// `defaultQuery: { "api-version": … }`, `defaultHeaders: { "api-key": … }`.
    func applyPlainClientOptions(_ options: [String: JSValue], to request: inout ExtractedRequest, operationPath: String = "/chat/completions") {
        if let base = options["baseURL"] {
            var parts = templateParts(base)
            if case .literal(let l)? = parts.last, l.hasSuffix("/") { parts[parts.count - 1] = .literal(String(l.dropLast())) }
            let url = RESTURLTemplate.split(parts + [.literal(operationPath)])
            request.endpoint = url.endpoint
            request.path = url.path
            request.deployment = url.deployment
            request.query.merge(url.query) { _, new in new }
        }
        if case .object(let q)? = options["defaultQuery"] {
            for (k, v) in objects[q] {
                if let s = symbolic(v) { request.query[k] = s }
            }
        }
        if case .object(let h)? = options["defaultHeaders"] {
            for (k, v) in objects[h] {
                if let s = symbolic(v) { request.headers[k.lowercased()] = s }
            }
            if request.headers["api-key"] != nil, options["apiKey"] == nil {
                request.headers["authorization"] = nil
                request.auth = .apiKey
            }
        }
    }

    /// The retired `@azure/openai` 1.0 beta client: `new OpenAIClient(endpoint, credential)`,
    /// `getChatCompletions(deployment, messages, options)`. Its API version is built into the SDK.
    mutating func legacyAzureClient(_ args: [JSValue]) -> JSValue {
        usedAPI = true
        var config = OpenAIClientConfig(isAzure: true)
        config.endpoint = args.first.flatMap(symbolic)
        config.apiVersion = .placeholder(.unknown("@azure/openai built-in api-version"))
        if case .host("AzureKeyCredential")? = args.dropFirst().first {
            config.apiKey = .placeholder(.unknown("AzureKeyCredential"))
        } else if args.count > 1 {
            config.usesTokenProvider = true
        }
        configs.append(config)
        legacyClients.insert(configs.count - 1)
        return .client(configs.count - 1, [])
    }

    mutating func legacyChatCompletion(client: Int, _ args: [JSValue], at position: JSPosition) -> JSValue {
        var config = configs[client]
        config.deployment = args.first.flatMap(symbolic)
        var body: [String: SymbolicValue] = [:]
        if let messages = args.dropFirst().first.flatMap(symbolic) { body["messages"] = messages }
        if case .object(let id)? = args.dropFirst(2).first {
            // The 1.0 beta options are camelCase; the wire format is snake_case.
            for (k, v) in objects[id] {
                if let s = symbolic(v) { body[Self.snakeCase(k)] = s }
            }
        }
        requests.append(config.request(body: body, location: location(position), client: .javascriptOpenAI))
        return .response(call: requests.count - 1, path: [])
    }

    /// The other methods of the `@azure/openai` 1.0 beta client: `(deployment, input, options)`,
    /// mapped to the SDK operation and the body member its second argument fills.
    static let legacyOperations: [String: (operation: String, member: String)] = [
        "getCompletions": ("completions.create", "prompt"),
        "listCompletions": ("completions.create", "prompt"),
        "getEmbeddings": ("embeddings.create", "input"),
        "getImages": ("images.generate", "prompt"),
        "getAudioTranscription": ("audio.transcriptions.create", "file"),
        "getAudioTranslation": ("audio.translations.create", "file"),
    ]

    mutating func legacyCall(_ entry: (operation: String, member: String), client: Int, _ args: [JSValue], at position: JSPosition) -> JSValue {
        guard let op = SDKOperation.lookup(entry.operation.split(separator: ".").map(String.init)) else { return .opaque("legacy call") }
        var config = configs[client]
        config.deployment = args.first.flatMap(symbolic)
        var body: [String: SymbolicValue] = [:]
        var parts: [MultipartPart] = []
        if let input = args.dropFirst().first {
            if op.body == .multipart {
                parts += multipartParts(entry.member, input, at: position)
            } else if let s = symbolic(input) {
                body[entry.member] = s
            }
        }
        if case .object(let id)? = args.dropFirst(2).first {
            // The 1.0 beta options are camelCase; the wire format is snake_case.
            for (k, v) in objects[id] {
                if op.body == .multipart { parts += multipartParts(Self.snakeCase(k), v, at: position) }
                else if let s = symbolic(v) { body[Self.snakeCase(k)] = s }
            }
        }
        requests.append(config.request(
            operation: op, body: op.body == .json ? body : nil, multipart: op.body == .multipart ? parts : nil,
            location: location(position), client: .javascriptOpenAI))
        return .response(call: requests.count - 1, path: [])
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase {
                out += "_" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    // MARK: - fetch

    mutating func fetch(_ args: [JSValue], at position: JSPosition) -> JSValue {
        usedAPI = true
        guard let urlValue = args.first else { return .opaque("fetch()") }
        let urlSymbolic = JSEvaluator.stringValue(templateParts(urlValue))
        if case .object? = args.dropFirst().first {} else if let s = symbolic(urlSymbolic), FollowUpDownload.isDownload(url: s, method: "GET") {
            // `fetch(imageUrl)` of a URL from an earlier answer: a download, not an API call.
            var download = ExtractedRequest(location: location(position), client: .javascriptFetch, method: "GET", endpoint: s, path: "", deployment: nil, auth: nil, body: nil)
            download.purpose = .download
            requests.append(download)
            return .httpResponse(requests.count - 1)
        }
        let url = RESTURLTemplate.split(templateParts(urlValue))
        var method = "GET"
        var headers: [String: SymbolicValue] = [:]
        var body: SymbolicValue?
        var multipart: [MultipartPart]?
        if case .object(let id)? = args.dropFirst().first {
            let options = objects[id]
            if case .string(let m)? = options["method"] { method = m.uppercased() }
            if case .object(let h)? = options["headers"] {
                for (k, v) in objects[h] {
                    if let s = symbolic(v) { headers[k.lowercased()] = s }
                }
            }
            if case .object(let form)? = options["body"], case .array(let entries)? = objects[form][Self.formEntriesKey] {
                multipart = formParts(entries, at: position)
            } else {
            switch options["body"] {
            case .jsonText(let v)?: body = symbolic(v)
            case .string(let s)?: body = (try? JSONValue.parse(s)).map(RESTJSON.symbolic) ?? .string(s)
            case let v?: body = symbolic(v)
            case nil: break
            }
            }
        }
        let auth: AuthKind? = headers["api-key"] != nil ? .apiKey : headers["authorization"] != nil ? .bearer : nil
        var request = ExtractedRequest(
            location: location(position), client: .javascriptFetch, method: method, endpoint: url.endpoint,
            path: url.path, deployment: url.deployment, query: url.query, headers: headers, auth: auth, body: body)
        request.pathParameters = url.pathParameters
        request.multipart = multipart
        requests.append(request)
        return .httpResponse(requests.count - 1)
    }

    /// `axios.post(url, data, { headers })`: the response body is the response's `data`.
    mutating func axios(method: String, _ args: [JSValue], at position: JSPosition) -> JSValue {
        usedAPI = true
        guard let urlValue = args.first else { return .opaque("axios()") }
        let url = RESTURLTemplate.split(templateParts(urlValue))
        var headers: [String: SymbolicValue] = [:]
        if case .object(let id)? = args.dropFirst(2).first, case .object(let h)? = objects[id]["headers"] {
            for (k, v) in objects[h] {
                if let s = symbolic(v) { headers[k.lowercased()] = s }
            }
        }
        let body = args.dropFirst().first.flatMap { symbolic($0) }
        if body != nil && headers["content-type"] == nil { headers["content-type"] = .string("application/json") }
        let auth: AuthKind? = headers["api-key"] != nil ? .apiKey : headers["authorization"] != nil ? .bearer : nil
        requests.append(ExtractedRequest(
            location: location(position), client: .javascriptFetch, method: method, endpoint: url.endpoint,
            path: url.path, deployment: url.deployment, query: url.query, headers: headers, auth: auth, body: body))
        axiosCalls.insert(requests.count - 1)
        return .response(call: requests.count - 1, path: [])
    }

    // MARK: - Files

    private func pathArgument(_ value: JSValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .template(let parts)?: return parts.map { if case .literal(let l) = $0 { l } else { "*" } }.joined()
        // `process.env.AUDIO_FILE_PATH || "<audio file path>"`: the file the code opens when the
        // variable is unset (the reader edits it or sets the variable to their own file).
        case .placeholder(.environment(_, let fallback?))?: return fallback
        default: return nil
        }
    }

    private mutating func readFile(_ args: [JSValue], at position: JSPosition) -> JSValue {
        guard let path = pathArgument(args.first) else { return .opaque("file contents") }
        reads.append(FileAccess(path: path, location: location(position)))
        var encoding: String?
        switch args.dropFirst().first {
        case .string(let e)?: encoding = e
        case .object(let id)?: if case .string(let e)? = objects[id]["encoding"] { encoding = e }
        default: break
        }
        switch encoding?.lowercased() {
        case "base64"?: return .placeholder(.file(path: path, encoding: .base64))
        case "utf8"?, "utf-8"?: return .placeholder(.file(path: path, encoding: .text))
        default: return .fileBytes(path)
        }
    }

    // MARK: - Conversions

    /// The request-body form of a value; nil for `undefined`, which JSON drops.
    func symbolic(_ value: JSValue) -> SymbolicValue? {
        symbolic(value, path: [])
    }

    /// `path` holds the heap containers being converted, so a cycle (`a.self = a`) ends in a
    /// placeholder instead of recursing forever.
    private func symbolic(_ value: JSValue, path: Set<String>) -> SymbolicValue? {
        guard path.count < Self.maxDepth else {
            depth.record("value", bound: Self.maxDepth)
            return .placeholder(.unknown("deeply nested value"))
        }
        switch value {
        case .undefined: return nil
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d):
            if d == d.rounded(), abs(d) < 9e15 { return .int(Int(d)) }
            return .double(d)
        case .string(let s): return .string(s)
        case .template(let parts): return .template(parts)
        case .placeholder(let p): return .placeholder(p)
        case .array(let id):
            let key = "a\(id)"
            guard !path.contains(key) else { return .placeholder(.unknown("circular array")) }
            return .array(arrays[id].map { symbolic($0, path: path.union([key])) ?? .null })
        case .object(let id):
            let key = "o\(id)"
            guard !path.contains(key) else { return .placeholder(.unknown("circular object")) }
            var members: [String: SymbolicValue] = [:]
            for (k, v) in objects[id] {
                if let s = symbolic(v, path: path.union([key])) { members[k] = s }
            }
            return .object(members)
        case .response(let call, let components):
            return .placeholder(.response(call: call, path: ResponsePath.normalized(components)))
        case .fileBytes(let file):
            return .placeholder(.file(path: file, encoding: .binary))
        case .jsonText(let inner):
            if let json = symbolic(inner, path: path)?.jsonValue { return .string(json.serialized()) }
            return .placeholder(.unknown("JSON.stringify(…)"))
        default:
            return .placeholder(.unknown(describe(value)))
        }
    }

    /// String pieces of a value interpolated into a template or concatenated with `+`.
    func templateParts(_ value: JSValue) -> [TemplatePart] {
        switch value {
        case .string(let s): return [.literal(s)]
        case .number, .bool, .undefined, .null: return [.literal(describe(value))]
        case .template(let parts): return parts
        case .placeholder(let p): return [.placeholder(p)]
        case .response(let call, let path): return [.placeholder(.response(call: call, path: ResponsePath.normalized(path)))]
        case .fileBytes(let path): return [.placeholder(.file(path: path, encoding: .text))]
        default: return [.placeholder(.unknown(describe(value)))]
        }
    }

    /// A string when every part is known, otherwise a template with adjacent literals merged.
    static func stringValue(_ parts: [TemplatePart]) -> JSValue {
        var merged: [TemplatePart] = []
        for part in parts {
            if case .literal(let l) = part, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + l)
            } else if case .literal("") = part {
                continue
            } else {
                merged.append(part)
            }
        }
        if merged.isEmpty { return .string("") }
        if merged.count == 1, case .literal(let l) = merged[0] { return .string(l) }
        if merged.count == 1, case .placeholder(let p) = merged[0] { return .placeholder(p) }
        return .template(merged)
    }

    /// A value built outside the sample's code (an SDK helper's result) as an evaluator value.
    mutating func fromSymbolic(_ value: SymbolicValue) -> JSValue {
        switch value {
        case .array(let items):
            var values: [JSValue] = []
            for item in items { values.append(fromSymbolic(item)) }
            return newArray(values)
        case .object(let members):
            var values: [String: JSValue] = [:]
            for (k, v) in members { values[k] = fromSymbolic(v) }
            return newObject(values)
        case .template(let parts): return .template(parts)
        case .placeholder(let p): return .placeholder(p)
        default: return value.jsonValue.map { fromJSON($0) } ?? .undefined
        }
    }

    mutating func fromJSON(_ json: JSONValue) -> JSValue {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .array(let items):
            var values: [JSValue] = []
            for item in items { values.append(fromJSON(item)) }
            return newArray(values)
        case .object(let members):
            var values: [String: JSValue] = [:]
            for (k, v) in members { values[k] = fromJSON(v) }
            return newObject(values)
        }
    }
}
