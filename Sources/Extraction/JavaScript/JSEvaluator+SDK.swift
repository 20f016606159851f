import Core

/// Calls on an `openai` client in JavaScript / TypeScript beyond chat: every method of
/// ``SDKOperation/table``, the polling helpers, uploads (`fs.createReadStream`, `toFile`) as
/// multipart parts, and speech answers saved through `arrayBuffer()` and `fs.writeFile`.
extension JSEvaluator {
    /// Sends `op`: leading ids into the path (v4 order, or v5's `retrieve(runId, { thread_id })`),
    /// the options object into the body, the form or (for a list) the query.
    mutating func sdkCall(_ op: SDKOperation, client: Int, _ args: [JSValue], at position: JSPosition) -> (value: JSValue, pathValues: [String: SymbolicValue]) {
        usedAPI = true
        var pathValues: [String: SymbolicValue] = [:]
        let leading = Array(args.prefix { if case .object = $0 { false } else { true } })
        let order = leading.count >= op.jsPositional.count ? op.jsPositional : op.pythonPositional
        for (hole, value) in zip(order, leading) {
            if let s = symbolic(value) { pathValues[hole] = s }
        }
        var members: [String: JSValue] = [:]
        if let options = args.dropFirst(leading.count).first, case .object(let id) = options { members = objects[id] }
        var body: [String: SymbolicValue] = [:]
        var parts: [MultipartPart] = []
        var query: [String: SymbolicValue] = [:]
        for key in members.keys.sorted() {
            let value = members[key]!
            if op.holes.contains(key) {
                if let s = symbolic(value) { pathValues[key] = s }
                continue
            }
            switch op.body {
            case .json:
                if let s = symbolic(value) { body[key] = s }
            case .multipart:
                parts += multipartParts(key, value, at: position)
            case .none:
                if op.method == "GET", let s = symbolic(value) { query[key] = PythonEvaluator.formText(s) }
            }
        }
        var request = configs[client].request(
            operation: op, body: op.body == .json ? body : nil, multipart: op.body == .multipart ? parts : nil,
            pathValues: pathValues, query: query, location: location(position), client: .javascriptOpenAI)
        if let options = plainClientOptions[client] { applyPlainClientOptions(objects[options], to: &request, operationPath: OpenAIClientConfig.fill(op.path, pathValues)) }
        requests.append(request)
        // The SDK answers a binary operation (speech) with the fetch `Response` itself.
        if op.binaryResponse { return (.httpResponse(requests.count - 1), pathValues) }
        return (.response(call: requests.count - 1, path: []), pathValues)
    }

    /// `runs.createAndPoll(threadId, {...})`: the create, then the retrieve the SDK repeats.
    mutating func pollingCall(_ op: SDKOperation, client: Int, _ args: [JSValue], at position: JSPosition) -> JSValue {
        let (created, pathValues) = sdkCall(op, client: client, args, at: position)
        guard case .response(let call, _) = created else { return created }
        let thread = pathValues["thread_id"] ?? .placeholder(.response(call: call, path: "thread_id"))
        let ids = newObject([
            "thread_id": Self.jsValue(thread), "run_id": .placeholder(.response(call: call, path: "id")),
        ])
        return sdkCall(SDKOperation.runRetrieve, client: client, [ids], at: position).value
    }

    static func jsValue(_ s: SymbolicValue) -> JSValue {
        switch s {
        case .string(let t): return .string(t)
        case .placeholder(let p): return .placeholder(p)
        case .template(let parts): return .template(parts)
        default: return .opaque("id")
        }
    }

    /// The form parts of one option: a file (`fs.createReadStream(p)`, `toFile(…)`, file bytes) or
    /// a field; an array becomes repeated `name[]` fields.
    mutating func multipartParts(_ name: String, _ value: JSValue, at position: JSPosition) -> [MultipartPart] {
        switch value {
        case .fileBytes(let path):
            return [MultipartPart(name: name, value: .placeholder(.file(path: path, encoding: .binary)), filename: PythonEvaluator.baseName(path))]
        case .upload(let path, let filename):
            return [MultipartPart(name: name, value: .placeholder(.file(path: path, encoding: .binary)), filename: filename)]
        default:
            guard let s = symbolic(value) else { return [] }
            if case .array(let items) = s { return items.map { MultipartPart(name: name + "[]", value: PythonEvaluator.formText($0)) } }
            return [MultipartPart(name: name, value: PythonEvaluator.formText(s))]
        }
    }

    /// `fs.writeFile(p, bytes)`: when the bytes are an answer's, that answer is saved as `p`.
    mutating func noteSavedResponse(_ args: [JSValue], path: String, at position: JSPosition) {
        guard case .responseBytes(let call)? = args.dropFirst().first, requests.indices.contains(call),
              requests[call].savesResponseTo == nil else { return }
        requests[call].savesResponseTo = FileAccess(path: path, location: location(position))
    }

    /// `toFile(stream, "name.wav")` / `toFile(buffer, "x.mp3", { type })`.
    func toFile(_ args: [JSValue]) -> JSValue {
        let filename: String? = if case .string(let n)? = args.dropFirst().first { n } else { nil }
        switch args.first {
        case .fileBytes(let path)?: return .upload(path: path, filename: filename ?? PythonEvaluator.baseName(path))
        case .upload(let path, let original)?: return .upload(path: path, filename: filename ?? original)
        default: return .opaque("toFile()")
        }
    }

    /// The key under which a `FormData` object keeps its entries.
    static let formEntriesKey = "\u{0}formEntries"

    /// `form.append(name, value[, filename])` entries as multipart parts.
    mutating func formParts(_ entries: Int, at position: JSPosition) -> [MultipartPart] {
        var parts: [MultipartPart] = []
        for entry in arrays[entries] {
            guard case .array(let id) = entry, case .string(let name)? = arrays[id].first, arrays[id].count >= 2 else { continue }
            var value = arrays[id][1]
            if case .string(let filename)? = arrays[id].dropFirst(2).first {
                switch value {
                case .fileBytes(let path), .upload(let path, _): value = .upload(path: path, filename: filename)
                default: break
                }
            }
            parts += multipartParts(name, value, at: position)
        }
        return parts
    }
}
