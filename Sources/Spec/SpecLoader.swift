import Core
import Foundation
import Yams

/// A spec file that cannot be used: which file, what is wrong, and what to pass instead.
public struct SpecLoadError: Error, CustomStringConvertible, Sendable, Hashable {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}

/// Reads OpenAPI 2 and 3 specs, JSON or YAML, into ``SpecDocument``s.
///
/// OpenAPI 3.0 and 3.1 go through OpenAPIKit (``OpenAPIKitReader``). OpenAPIKit cannot read
/// Swagger / OpenAPI 2.0, so those documents are read by docverify's own JSON walker
/// (``jsonTreeDocument(_:file:)``); the walker also reads an OpenAPI 3 document OpenAPIKit refuses
/// but that still declares operations, with a ``SpecDocument/loadNote`` saying so.
public enum SpecLoader {
    /// Loads every `--spec` argument: a file, or a folder whose `.json` / `.yaml` / `.yml` specs are
    /// all read (files in it that are not OpenAPI documents, such as examples, are skipped).
    public static func load(paths: [String]) throws(SpecLoadError) -> [SpecDocument] {
        var documents: [SpecDocument] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecLoadError(file: path, message: "no such file or folder; pass an OpenAPI JSON or YAML file, or a folder of them")
            }
            if isDirectory.boolValue {
                for file in specFiles(in: path) {
                    if let document = try? load(file: file) { documents.append(document) }
                }
            } else {
                documents.append(try load(file: path))
            }
        }
        return documents
    }

    /// Spec-looking files under `folder`, sorted; `examples` folders are not entered.
    static func specFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains("examples") { continue }
            let lower = relative.lowercased()
            if lower.hasSuffix(".json") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                files.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    /// Loads one spec file.
    public static func load(file: String) throws(SpecLoadError) -> SpecDocument {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw SpecLoadError(file: file, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: file)
    }

    /// Parses spec text (JSON, or YAML when it does not start with `{`).
    public static func parse(_ text: String, file: String) throws(SpecLoadError) -> SpecDocument {
        let root: JSONValue
        if text.drop(while: { $0.isWhitespace }).first == "{" {
            do {
                root = try JSONValue.parse(text)
            } catch {
                throw SpecLoadError(file: file, message: "not valid JSON (\(error)); fix the file or pass the YAML form")
            }
        } else {
            do {
                guard let node = try Yams.compose(yaml: text) else {
                    throw SpecLoadError(file: file, message: "the file is empty; pass an OpenAPI document")
                }
                root = YAMLToJSON.convert(node, depth: 0)
            } catch let error as SpecLoadError {
                throw error
            } catch {
                throw SpecLoadError(file: file, message: "not valid YAML (\(error))")
            }
        }
        return try document(root, file: file, text: text)
    }

    /// Builds the document from its JSON tree: OpenAPI 3 through OpenAPIKit, OpenAPI 2 with the walker.
    /// `text` is the file's text, for the line of an error.
    public static func document(_ root: JSONValue, file: String, text: String = "") throws(SpecLoadError) -> SpecDocument {
        guard root["openapi"]?.stringValue?.hasPrefix("3") == true, root["swagger"] == nil else {
            return try jsonTreeDocument(root, file: file)
        }
        let refusal: OpenAPIKitReader.Refusal
        do {
            return try OpenAPIKitReader.specDocument(OpenAPIKitReader.typedDocument(root, text: text), file: file)
        } catch {
            refusal = error
        }
        // OpenAPIKit is strict where Azure's published specs are not always; a document that still
        // declares operations is read by the walker, and the note says so.
        guard var fallback = try? jsonTreeDocument(root, file: file), !fallback.operations.isEmpty else {
            throw SpecLoadError(file: file, message: "not a valid OpenAPI 3 document: \(refusal.description); fix the spec or pass another")
        }
        fallback.loadNote = "OpenAPIKit could not read it (\(refusal.description)); read with docverify's own JSON walker instead"
        return fallback
    }

    /// The OpenAPI 2 reader (and the fallback for OpenAPI 3 that OpenAPIKit refuses): walks the raw
    /// JSON tree, `$ref`s resolved in place.
    static func jsonTreeDocument(_ root: JSONValue, file: String) throws(SpecLoadError) -> SpecDocument {
        let format: SpecFormat
        if let swagger = root["swagger"]?.stringValue, swagger.hasPrefix("2") {
            format = .openAPI2
        } else if let openapi = root["openapi"]?.stringValue, openapi.hasPrefix("3") {
            format = .openAPI3
        } else {
            throw SpecLoadError(file: file, message: "not an OpenAPI document: it has neither 'swagger: \"2.0\"' nor 'openapi: 3.x'")
        }
        guard case .object(let paths)? = root["paths"] else {
            throw SpecLoadError(file: file, message: "the document has no 'paths' object, so it declares no operation")
        }
        let prefix = format == .openAPI2 ? (root["basePath"]?.stringValue ?? "") : serverPath(root)
        let resolver = SpecDocument(file: file, format: format, root: root, version: "", operations: [])
        var operations: [SpecOperation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            guard case .object(let methods) = item else { continue }
            let shared = item["parameters"]?.arrayValue ?? []
            for (method, raw) in methods.sorted(by: { $0.key < $1.key }) where httpMethods.contains(method.lowercased()) {
                let parameters = (shared + (raw["parameters"]?.arrayValue ?? [])).map { deref($0, resolver) }
                operations.append(SpecOperation(
                    method: method.uppercased(), path: joined(prefix, path), operationId: raw["operationId"]?.stringValue,
                    requestSchema: requestSchema(raw, parameters: parameters, format: format, resolver: resolver),
                    apiVersionValues: apiVersionValues(parameters, format: format, resolver: resolver),
                    success: success(raw, format: format, resolver: resolver))
                    .withForm(formSchema(raw, parameters: parameters, format: format, resolver: resolver)))
            }
        }
        return SpecDocument(
            file: file, format: format, root: root, version: root["info"]?["version"]?.stringValue ?? "", operations: operations,
            reader: .jsonWalker)
    }

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The path part of the first server URL (`https://{endpoint}/openai` → `/openai`).
    static func serverPath(_ root: JSONValue) -> String {
        root["servers"]?[0]?["url"]?.stringValue.map { serverPath(url: $0) } ?? ""
    }

    /// The path part of a server URL template.
    static func serverPath(url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] ; rest = rest.drop { $0 != "/" } }
        let path = String(rest)
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    static func joined(_ prefix: String, _ path: String) -> String {
        prefix.isEmpty ? path : prefix + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Follows `$ref` chains a bounded number of times.
    static func deref(_ value: JSONValue, _ spec: SpecDocument) -> JSONValue {
        var current = value
        for _ in 0..<16 {
            guard let ref = current["$ref"]?.stringValue, let target = spec.resolve(ref) else { return current }
            current = target
        }
        return current
    }

    static func requestSchema(_ raw: JSONValue, parameters: [JSONValue], format: SpecFormat, resolver: SpecDocument) -> JSONValue? {
        switch format {
        case .openAPI2:
            return parameters.first { $0["in"]?.stringValue == "body" }?["schema"]
        case .openAPI3:
            guard let body = raw["requestBody"].map({ deref($0, resolver) }), case .object(let content)? = body["content"] else { return nil }
            let json = content.keys.sorted().first { $0.lowercased().contains("json") }
            return json.flatMap { content[$0]?["schema"] }
        }
    }

    /// A form body: OpenAPI 3 `multipart/form-data` or URL-encoded content, or OpenAPI 2 `formData`
    /// parameters gathered into one object schema.
    static func formSchema(_ raw: JSONValue, parameters: [JSONValue], format: SpecFormat, resolver: SpecDocument) -> JSONValue? {
        switch format {
        case .openAPI2:
            let fields = parameters.filter { $0["in"]?.stringValue == "formData" }
            guard !fields.isEmpty else { return nil }
            var properties: [String: JSONValue] = [:]
            var required: [JSONValue] = []
            for field in fields {
                guard let name = field["name"]?.stringValue else { continue }
                var schema = field.objectValue ?? [:]
                for key in ["name", "in", "required", "description"] { schema[key] = nil }
                if schema["type"] == .string("file") { schema["type"] = .string("string") }
                properties[name] = .object(schema)
                if field["required"] == .bool(true) { required.append(.string(name)) }
            }
            return .object(["type": .string("object"), "properties": .object(properties), "required": .array(required)])
        case .openAPI3:
            guard let body = raw["requestBody"].map({ deref($0, resolver) }), case .object(let content)? = body["content"] else { return nil }
            let form = content.keys.sorted().first { $0.lowercased().hasPrefix("multipart/form-data") || $0.lowercased() == "application/x-www-form-urlencoded" }
            return form.flatMap { content[$0]?["schema"] }
        }
    }

    static func apiVersionValues(_ parameters: [JSONValue], format: SpecFormat, resolver: SpecDocument) -> [String] {
        guard let parameter = parameters.first(where: { $0["name"]?.stringValue == "api-version" && $0["in"]?.stringValue == "query" }) else { return [] }
        let schema = format == .openAPI3 ? parameter["schema"].map { deref($0, resolver) } : parameter
        return (schema?["enum"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func success(_ raw: JSONValue, format: SpecFormat, resolver: SpecDocument) -> SpecResponse? {
        guard case .object(let responses)? = raw["responses"] else { return nil }
        guard let (code, response) = responses
            .compactMap({ key, value in Int(key).flatMap { (200..<300).contains($0) ? ($0, deref(value, resolver)) : nil } })
            .min(by: { $0.0 < $1.0 }) else { return nil }
        switch format {
        case .openAPI2:
            return SpecResponse(status: code, schema: response["schema"], example: response["examples"]?["application/json"])
        case .openAPI3:
            guard case .object(let content)? = response["content"],
                  let json = content.keys.sorted().first(where: { $0.lowercased().contains("json") }),
                  let media = content[json] else {
                return SpecResponse(status: code, schema: nil, example: nil)
            }
            var example = media["example"]
            if example == nil, case .object(let examples)? = media["examples"] {
                example = examples.keys.sorted().lazy.compactMap { deref(examples[$0]!, resolver)["value"] }.first
            }
            return SpecResponse(status: code, schema: media["schema"], example: example)
        }
    }
}

/// YAML nodes as JSON values; scalars are typed by the YAML core schema except timestamps, which stay
/// strings (an api-version `2025-01-01` must not become a date).
enum YAMLToJSON {
    static let maxDepth = 256

    static func convert(_ node: Node, depth: Int) -> JSONValue {
        guard depth < maxDepth else { return .null }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                switch scalar.string {
                case "null", "Null", "NULL", "~", "": return .null
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                default:
                    if let i = Int(scalar.string) { return .int(i) }
                    if let d = Double(scalar.string), scalar.string.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .double(d) }
                }
            }
            return .string(scalar.string)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = convert(value, depth: depth + 1) }
            return .object(members)
        case .sequence(let sequence):
            return .array(sequence.map { convert($0, depth: depth + 1) })
        case .alias:
            return .null
        }
    }
}
