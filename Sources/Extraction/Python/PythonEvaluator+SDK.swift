import Core

/// Calls on an `openai` v1 client: every method of ``SDKOperation/table`` (chat, completions,
/// embeddings, images, audio, files, assistants, threads, messages, runs), the polling helpers,
/// file uploads as multipart parts, and speech answers saved with `stream_to_file`.
extension PythonEvaluator {
    /// A call on something reached from a client: `client.audio.transcriptions.create(...)` sends a
    /// request; `with_options(...)` and friends give the same client back.
    mutating func clientCall(_ function: PythonValue, _ arguments: [PythonArgument], _ e: PythonExpr) -> PythonValue {
        guard case .client(let index, let path) = function else { return .unknown(e.text) }
        // `client.realtime.connect(…)` (or `beta.realtime`): a WebSocket session, no HTTP request.
        if path.last == "connect", path.contains("realtime") { opensWebSocket = true }
        let args = evaluateArguments(arguments)
        if path.count >= 2, path.suffix(2) == ["completions", "parse"], path.contains("chat") {
            return sdkCall(SDKOperation.table[0], client: index, args, e, isParse: true).value
        }
        if let op = SDKOperation.pollingHelper(path) {
            return pollingCall(op, client: index, args, e)
        }
        if let op = SDKOperation.lookup(path) {
            return sdkCall(op, client: index, args, e).value
        }
        if let last = path.last, ["with_options", "copy", "with_raw_response"].contains(last) {
            return .client(index, Array(path.dropLast()))
        }
        // A client method docverify doesn't map: the sample calls an API it can't follow.
        if !SDKOperation.isLocal(path) { callsAPI = true }
        return .unknown(e.text)
    }

    /// Sends `op` with the call's arguments: ids into the path, the rest into the JSON body, the
    /// form parts, or (for a list) the query. Returns the answer and the path values used.
    mutating func sdkCall(
        _ op: SDKOperation, client index: Int, _ args: Arguments, _ e: PythonExpr, isParse: Bool = false
    ) -> (value: PythonValue, pathValues: [String: SymbolicValue]) {
        var pathValues: [String: SymbolicValue] = [:]
        var positional = args.positional
        for hole in op.pythonPositional where !positional.isEmpty {
            pathValues[hole] = snapshot(positional.removeFirst())
        }
        var body: [String: SymbolicValue] = [:]
        var parts: [MultipartPart] = []
        var query: [String: SymbolicValue] = [:]
        for (name, value) in args.keywords {
            if op.holes.contains(name) {
                pathValues[name] = snapshot(value)
                continue
            }
            switch name {
            case "extra_headers", "timeout", "stream_cls": continue
            case "extra_query":
                if case .object(let extra) = snapshot(value) { query.merge(extra) { _, new in new } }
                continue
            case "extra_body":
                if case .object(let extra) = snapshot(value) { body.merge(extra) { _, new in new } }
                continue
            default: break
            }
            switch op.body {
            case .json:
                if name == "response_format", case .modelClass(let cls, _) = value, op.sdkPath == ["chat", "completions", "create"], !isParse {
                    // openai's create() raises TypeError for a BaseModel class: only parse() takes one.
                    sdkRefusals.append((e.line, e.column, "the openai SDK refuses a pydantic class as response_format in create() (TypeError: use parse() instead): call client.beta.chat.completions.parse(…, response_format=\(cls)), or pass a json_schema dict"))
                    body[name] = SDKBuiltValues.responseFormat(name: .string(cls), schema: SDKBuiltValues.unknownSchema(cls))
                } else if name == "response_format", case .modelClass(let cls, let schema) = value {
                    // `parse(response_format=Cls)`: the SDK sends the class's strict JSON schema.
                    body[name] = SDKBuiltValues.responseFormat(
                        name: .string(cls), schema: schema.map { SymbolicValue($0) } ?? SDKBuiltValues.unknownSchema(cls))
                } else {
                    body[name] = snapshot(value)
                }
            case .multipart: parts += multipartParts(name, value, at: e)
            case .none: if op.method == "GET", let text = Self.queryText(snapshot(value)) { query[name] = text }
            }
        }
        let request = clients[index].request(
            operation: op, body: op.body == .json ? body : nil, multipart: op.body == .multipart ? parts : nil,
            pathValues: pathValues, query: query, location: location(e.line, e.column), client: .pythonOpenAI)
        requests.append(request)
        // A binary answer (speech) has no JSON fields: its members are methods, not reads.
        return (.response(call: requests.count - 1, path: [], needsJSON: op.binaryResponse), pathValues)
    }

    /// `runs.create_and_poll(...)`: the create, then the retrieve the SDK repeats until the run
    /// ends; the value is the retrieved run.
    mutating func pollingCall(_ op: SDKOperation, client index: Int, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        let (created, pathValues) = sdkCall(op, client: index, args, e)
        guard case .response(let call, _, _) = created else { return created }
        let threadID = pathValues["thread_id"] ?? .placeholder(.response(call: call, path: "thread_id"))
        var poll = Arguments()
        poll.keywords = [("thread_id", .symbolic(threadID)), ("run_id", .symbolic(.placeholder(.response(call: call, path: "id"))))]
        return sdkCall(SDKOperation.runRetrieve, client: index, poll, e).value
    }

    /// The form parts of one SDK argument: a file (`open(p, "rb")`, `("a.wav", f, "audio/wav")`,
    /// `Path(p)`) or a field; a list becomes repeated `name[]` fields, as the SDK sends them.
    mutating func multipartParts(_ name: String, _ value: PythonValue, at e: PythonExpr) -> [MultipartPart] {
        if let file = fileUpload(value, at: e) {
            return [MultipartPart(name: name, value: file.value, filename: file.filename, contentType: file.contentType)]
        }
        let s = snapshot(value)
        if case .array(let items) = s {
            return items.map { MultipartPart(name: name + "[]", value: Self.formText($0)) }
        }
        return [MultipartPart(name: name, value: Self.formText(s))]
    }

    /// A file the code uploads, with the file name the client sends; nil when `value` is no file.
    mutating func fileUpload(_ value: PythonValue, at e: PythonExpr) -> (value: SymbolicValue, filename: String, contentType: String?)? {
        switch value {
        case .fileHandle(let path, _) where !path.isEmpty, .fileContent(let path, _):
            noteRead(path, at: e)
            return (.placeholder(.file(path: path, encoding: .binary)), Self.baseName(path), nil)
        case .tuple(let items) where items.count >= 2:
            guard let inner = fileUpload(items[1], at: e) else { return nil }
            let contentType = items.count > 2 ? items[2].stringValue : nil
            return (inner.value, items[0].stringValue ?? inner.filename, contentType)
        default:
            return nil
        }
    }

    mutating func noteRead(_ path: String, at e: PythonExpr) {
        if !reads.contains(where: { $0.path == path }) { reads.append(FileAccess(path: path, location: location(e.line, e.column))) }
    }

    /// `response.stream_to_file(p)` / `write_to_file(p)`: the answer of `call` is saved as `p`.
    mutating func saveResponse(call: Int, to pathValue: PythonValue?, at e: PythonExpr) {
        guard let path = pathValue.flatMap(pathString) else { return }
        let access = FileAccess(path: path, location: location(e.line, e.column))
        requests[call].savesResponseTo = access
        if !writes.contains(where: { $0.path == path }) { writes.append(access) }
    }

    /// A path argument as text: a string, or `Path("x")` / `Path(__file__).parent / "x"` reduced to
    /// its last literal part.
    func pathString(_ value: PythonValue) -> String? {
        switch value {
        case .symbolic(.string(let s)): return s
        case .fileHandle(let path, _): return path
        default: return nil
        }
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A form field's text: strings as they are, numbers and booleans as the SDK writes them.
    static func formText(_ value: SymbolicValue) -> SymbolicValue {
        switch value {
        case .int(let i): return .string(String(i))
        case .double(let d): return .string(String(d))
        case .bool(let b): return .string(b ? "true" : "false")
        default: return value
        }
    }

    static func queryText(_ value: SymbolicValue) -> SymbolicValue? {
        switch value {
        case .null: return nil
        default: return formText(value)
        }
    }
}
