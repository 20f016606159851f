import Core

/// A value in a sample's request as far as reading the code (without running it) can know it.
/// Mirrors JSON, plus placeholders for what only exists at run time.
public indirect enum SymbolicValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SymbolicValue])
    case object([String: SymbolicValue])
    /// A string built from parts, some unknown until run time (`f"{endpoint}/openai/…"`).
    case template([TemplatePart])
    case placeholder(Placeholder)

    /// A fully known JSON value as a symbolic one (a plain JSON body, a Python literal).
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(SymbolicValue.init))
        case .object(let members): self = .object(members.mapValues(SymbolicValue.init))
        }
    }

    /// The value when it is fully known; nil when any placeholder remains.
    public var jsonValue: JSONValue? {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items):
            var out: [JSONValue] = []
            for item in items {
                guard let v = item.jsonValue else { return nil }
                out.append(v)
            }
            return .array(out)
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members {
                guard let j = v.jsonValue else { return nil }
                out[k] = j
            }
            return .object(out)
        case .template(let parts):
            var s = ""
            for part in parts {
                switch part {
                case .literal(let l): s += l
                case .placeholder: return nil
                }
            }
            return .string(s)
        case .placeholder:
            return nil
        }
    }

    /// The contract's JSON form: placeholders as `{"$env": …}`, `{"$file": …}`, `{"$response": …}`;
    /// templates as a string with `{$env:NAME}`-style holes.
    public var contractJSON: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.contractJSON))
        case .object(let members): return .object(members.mapValues(\.contractJSON))
        case .template(let parts):
            return .string(parts.map { part in
                switch part {
                case .literal(let l): return l
                case .placeholder(let p): return "{\(p.shortName)}"
                }
            }.joined())
        case .placeholder(let p): return p.contractJSON
        }
    }
}

/// A piece of a ``SymbolicValue/template(_:)``.
public enum TemplatePart: Hashable, Sendable {
    case literal(String)
    case placeholder(Placeholder)
}

/// Something a sample reads at run time.
public enum Placeholder: Hashable, Sendable {
    /// An environment variable (`os.environ['AZURE_OPENAI_ENDPOINT']`,
    /// `process.env["X"] || "fallback"`).
    case environment(name: String, fallback: String?)
    /// A local file's contents (`base64.b64encode(open('dog.wav','rb').read())`).
    case file(path: String, encoding: FileEncoding)
    /// A field of an earlier response of the same sample: call index (0-based) and normalized path
    /// (`choices[0].message.audio.id`).
    case response(call: Int, path: String)
    /// A credential the code obtains at run time (Entra ID token from a token provider or
    /// `credential.get_token(...)`).
    case credential(CredentialKind)
    /// Known to exist but not statically knowable (an unresolved name or an unsupported
    /// expression); the text is the source expression.
    case unknown(String)
    /// A value the page tells the reader to replace with their own (`YOUR_RESOURCE_NAME`,
    /// `<your-endpoint>`, `REPLACE_WITH_YOUR_KEY_VALUE_HERE`), recognised by ``ReaderValues``:
    /// the Runner substitutes its own endpoint, deployment or credential, and never resolves a
    /// placeholder host name. `text` is the value as the page writes it.
    case readerValue(kind: ReaderValueKind, text: String)

    /// True for an environment variable, whatever its name and fallback.
    public var isEnvironment: Bool {
        if case .environment = self { return true }
        return false
    }

    /// A short name used inside templates: `{env:AZURE_OPENAI_ENDPOINT}`.
    public var shortName: String {
        switch self {
        case .environment(let name, _): "env:\(name)"
        case .file(let path, _): "file:\(path)"
        case .response(let call, let path): "response:\(call):\(path)"
        case .credential(let kind): "credential:\(kind.rawValue)"
        case .unknown(let text): "unknown:\(text)"
        case .readerValue(let kind, _): "reader:\(kind.rawValue)"
        }
    }

    public var contractJSON: JSONValue {
        switch self {
        case .environment(let name, _): .object(["$env": .string(name)])
        case .file(let path, let encoding): .object(["$file": .string(path), "encoding": .string(encoding.rawValue)])
        case .response(let call, let path): .object(["$response": .int(call), "path": .string(path)])
        case .credential(let kind): .object(["$credential": .string(kind.rawValue)])
        case .unknown(let text): .object(["$unknown": .string(text)])
        case .readerValue(let kind, let text): .object(["$reader": .string(kind.rawValue), "text": .string(text)])
        }
    }
}

public enum FileEncoding: String, Hashable, Sendable, Codable {
    case base64
    case text
    case binary
}

/// What a reader value stands for, so the Runner knows what to put in its place.
public enum ReaderValueKind: String, Hashable, Sendable, Codable {
    case endpoint
    case deployment
    /// An API key (or a bearer token after `Bearer `).
    case apiKey = "api-key"
    /// The id of something an earlier answer created (`thread_abc123` in a REST path): the reader
    /// uses the id their own earlier call returned.
    case resourceID = "id"
}

public enum CredentialKind: String, Hashable, Sendable, Codable {
    /// A Microsoft Entra ID bearer token.
    case bearerToken = "bearer"
    /// An API key obtained other than from an environment variable.
    case apiKey = "api-key"
}
