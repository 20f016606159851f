import Core

/// What the abstract evaluator knows about a Python value. Lists and dicts live on a heap so that
/// aliasing and mutation behave as in Python (`body = {"messages": messages}` then
/// `messages.append(…)` changes `body` too); a request snapshots the heap when it is sent.
indirect enum PythonValue: Hashable, Sendable {
    /// Strings, numbers, booleans, None, templates and placeholders.
    case symbolic(SymbolicValue)
    case list(Int)
    case dict(Int)
    case tuple([PythonValue])
    /// A module or something reached through one, by qualified name (`os.environ`,
    /// `openai.AzureOpenAI`, `requests.post`) or a builtin (`open`, `print`).
    case module(String)
    /// `obj.name` of a value with methods (list, dict, string, file, credential), not yet called.
    case method(PythonValue, String)
    /// An OpenAI client (index into the evaluator's clients) and the attributes taken from it
    /// (`client.chat.completions` is `client(0, ["chat", "completions"])`).
    case client(Int, [String])
    /// An Azure credential object (`DefaultAzureCredential()`).
    case credential
    /// `credential.get_token(…)`'s result; its `.token` is the bearer token.
    case accessToken
    /// `get_bearer_token_provider(…)`: a callable returning a bearer token.
    case tokenProvider
    case fileHandle(path: String, binary: Bool)
    /// A file's contents as read, possibly base64-encoded afterwards.
    case fileContent(path: String, encoding: FileEncoding)
    /// A response of call `call` (index into the requests), or a part of it. `needsJSON` marks a
    /// `requests` response, whose fields are reached through `.json()`.
    case response(call: Int, path: [ResponsePathComponent], needsJSON: Bool)
    /// A function the sample defines (index into the evaluator's functions).
    case function(Int)
    /// `json.dumps(value)`: a string, the JSON text of `value`. Kept apart from other strings so
    /// that `requests.post(url, data=json.dumps(body))` still sends `body` as the JSON body.
    case jsonText(PythonValue)
    /// A pydantic model class the sample defines, with the JSON schema the SDK sends for it when
    /// docverify could derive it (``PydanticSchema``).
    case modelClass(name: String, schema: JSONValue?)
    case unknown(String)

    static let nothing = PythonValue.symbolic(.null)

    static func string(_ s: String) -> PythonValue { .symbolic(.string(s)) }

    var stringValue: String? {
        if case .symbolic(.string(let s)) = self { return s }
        return nil
    }
}

extension SymbolicValue {
    /// Template parts for interpolating this value into a string.
    func templateParts(fallback: String) -> [TemplatePart] {
        switch self {
        case .string(let s): return [.literal(s)]
        case .int(let i): return [.literal(String(i))]
        case .double(let d): return [.literal(String(d))]
        case .bool(let b): return [.literal(b ? "True" : "False")]
        case .null: return [.literal("None")]
        case .template(let parts): return parts
        case .placeholder(let p): return [.placeholder(p)]
        case .array, .object: return [.placeholder(.unknown(fallback))]
        }
    }

    /// A template with adjacent literals merged; a plain string when nothing is unknown.
    static func normalizedTemplate(_ parts: [TemplatePart]) -> SymbolicValue {
        var merged: [TemplatePart] = []
        for part in parts {
            if case .literal(let s) = part {
                if s.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + s)
                    continue
                }
            }
            merged.append(part)
        }
        if merged.isEmpty { return .string("") }
        if merged.count == 1, case .placeholder(let p) = merged[0] { return .placeholder(p) }
        if merged.allSatisfy({ if case .literal = $0 { true } else { false } }) {
            return .string(merged.map { if case .literal(let s) = $0 { s } else { "" } }.joined())
        }
        return .template(merged)
    }
}
