import Core
import Extraction

/// The form two request bodies are compared in: equal canonical forms mean the same request to the
/// service, however each language spelled it.
///
/// - Key order never matters (objects are dictionaries).
/// - Message (and prediction) `content: "x"` is `[{"type": "text", "text": "x"}]`.
/// - A Responses `input` item with a `role` and no `type` is a `"type": "message"` item.
/// - `modalities` is a set: sorted, duplicates removed. A single `stop` string is a one-item list.
/// - Members set to null are dropped: the API treats null as "not given".
/// - Whole-number doubles are integers (`1.0` in Python is `1` in JavaScript).
/// - Placeholders compare by what they stand for, not where they were produced: an environment
///   variable by name (its fallback ignored), a file by path and encoding, an earlier response's
///   field by its path (not by which call), a credential by kind; unresolvable expressions all match.
public enum CanonicalForm {
    /// How placeholders are written in a canonical body.
    public enum PlaceholderStyle: Sendable {
        /// For comparisons: only what the placeholder stands for (see above).
        case comparison
        /// For reports: the `check` JSON contract (`{"$env": …}`, `{"$file": …, "encoding": …}`,
        /// `{"$response": 0, "path": …}`), call index included.
        case contract
    }

    /// The canonical form of a request body as extracted from a sample.
    public static func canonical(_ body: SymbolicValue, placeholders: PlaceholderStyle = .comparison) -> JSONValue {
        normalizeRequest(plain(body, placeholders))
    }

    /// The canonical form of a plain JSON request body.
    public static func canonical(_ body: JSONValue) -> JSONValue {
        canonical(SymbolicValue(body))
    }

    /// How a placeholder appears in canonical JSON: an object whose only keys start with `$` (plus
    /// `encoding` for files), compared as a whole by ``JSONDiff``.
    public static func placeholderJSON(_ placeholder: Placeholder) -> JSONValue {
        switch placeholder {
        case .environment(let name, _): .object(["$env": .string(name)])
        case .file(let path, let encoding): .object(["$file": .string(path), "encoding": .string(encoding.rawValue)])
        case .response(_, let path): .object(["$response": .string(path)])
        case .credential(let kind): .object(["$credential": .string(kind.rawValue)])
        case .unknown: .object(["$unknown": .bool(true)])
        case .readerValue(let kind, _): .object(["$reader": .string(kind.rawValue)])
        }
    }

    static func placeholderText(_ placeholder: Placeholder) -> String {
        switch placeholder {
        case .environment(let name, _): "{env:\(name)}"
        case .file(let path, let encoding): "{file:\(path):\(encoding.rawValue)}"
        case .response(_, let path): "{response:\(path)}"
        case .credential(let kind): "{credential:\(kind.rawValue)}"
        case .unknown: "{unknown}"
        case .readerValue(let kind, _): "{reader:\(kind.rawValue)}"
        }
    }

    /// Generic normalization: placeholders, templates, nulls, numbers.
    static func plain(_ value: SymbolicValue, _ style: PlaceholderStyle) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d):
            if d.rounded() == d, abs(d) < 9e15 { return .int(Int(d)) }
            return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map { plain($0, style) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members {
                if case .null = v { continue }
                out[k] = plain(v, style)
            }
            return .object(out)
        case .template(let parts):
            return .string(parts.map { part in
                switch part {
                case .literal(let l): l
                case .placeholder(let p): style == .comparison ? placeholderText(p) : "{\(p.shortName)}"
                }
            }.joined())
        case .placeholder(let p): return style == .comparison ? placeholderJSON(p) : p.contractJSON
        }
    }

    /// The request-specific equivalences, on an already plain body.
    static func normalizeRequest(_ body: JSONValue) -> JSONValue {
        guard case .object(var members) = body else { return body }
        if case .array(let messages)? = members["messages"] {
            members["messages"] = .array(messages.map { message in
                guard case .object(var m) = message else { return message }
                if let content = m["content"] { m["content"] = contentParts(content) }
                return .object(m)
            })
        }
        if case .array(let items)? = members["input"] {
            members["input"] = .array(items.map(inputItem))
        }
        if case .object(var prediction)? = members["prediction"], let content = prediction["content"] {
            prediction["content"] = contentParts(content)
            members["prediction"] = .object(prediction)
        }
        if case .array(let modalities)? = members["modalities"] {
            let unique = Set(modalities)
            members["modalities"] = .array(unique.sorted { $0.serialized() < $1.serialized() })
        }
        if case .string(let stop)? = members["stop"] {
            members["stop"] = .array([.string(stop)])
        }
        return .object(members)
    }

    /// A Responses `input` item with a `role` and no `type` is a message: the service reads
    /// `{"role": …, "content": …}` as `{"type": "message", …}`.
    static func inputItem(_ item: JSONValue) -> JSONValue {
        guard case .object(var m) = item, m["role"] != nil, m["type"] == nil else { return item }
        m["type"] = .string("message")
        return .object(m)
    }

    static func contentParts(_ content: JSONValue) -> JSONValue {
        if case .string(let text) = content {
            return .array([.object(["type": .string("text"), "text": .string(text)])])
        }
        return content
    }
}

/// The canonical form of an extracted request body (see ``CanonicalForm``).
public func canonical(_ body: SymbolicValue) -> JSONValue { CanonicalForm.canonical(body) }

/// The canonical form of a plain JSON request body (see ``CanonicalForm``).
public func canonical(_ body: JSONValue) -> JSONValue { CanonicalForm.canonical(body) }

extension ChatCompletionRequest {
    /// This request's canonical JSON form (see ``CanonicalForm``).
    public func canonical() -> JSONValue {
        guard let data = try? JSONEncoderForModels.encoder.encode(self),
              let json = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) else { return .null }
        return CanonicalForm.canonical(json)
    }
}
