/// What the abstract evaluator knows about a JavaScript value. Arrays and objects live in the
/// evaluator's heap (by id) so that `messages.push(…)` mutates the array every request refers to,
/// and each request snapshots it when it is sent.
indirect enum JSValue: Sendable {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A string with run-time parts (`${endpoint}/openai/…`).
    case template([TemplatePart])
    case placeholder(Placeholder)
    case array(Int)
    case object(Int)
    case function(Int)
    /// A known library or global API, by qualified name: `openai.AzureOpenAI`, `fs.promises.readFile`,
    /// `process.env`.
    case host(String)
    /// An OpenAI SDK client (index into the evaluator's configs) and a member path under it
    /// (`chat.completions.create`).
    case client(Int, [String])
    /// A value read from the response of call `call` (0-based) at `path`; an empty path is the
    /// response itself.
    case response(call: Int, path: [ResponsePathComponent])
    /// A `fetch` response (call index): its body is `.json()` / `.text()`, its own members
    /// (`ok`, `status`) are not response-body fields.
    case httpResponse(Int)
    /// The raw bytes of a file the code read.
    case fileBytes(String)
    /// The bytes of a binary answer (speech audio) of call `call`: `Buffer.from(await r.arrayBuffer())`.
    case responseBytes(Int)
    /// A file to upload with the name the client sends: `toFile(fs.createReadStream(p), "a.wav")`.
    case upload(path: String, filename: String)
    /// `JSON.stringify(value)`.
    case jsonText(JSValue)
    /// Exists at run time, not knowable statically; the text says what it is.
    case opaque(String)
}

/// JavaScript truthiness, with the evaluator's happy-path assumption for unknown values: a
/// value read at run time (an environment variable, a response field) is assumed present.
enum JSTruth {
    case yes
    case no
    case assumedYes
    case assumedNo

    var negated: JSTruth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .assumedYes: .assumedNo
        case .assumedNo: .assumedYes
        }
    }

    var isTruthy: Bool { self == .yes || self == .assumedYes }
    var isKnown: Bool { self == .yes || self == .no }
}
