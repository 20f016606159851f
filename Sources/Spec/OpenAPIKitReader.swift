import Core
import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat

/// OpenAPI 3.0 and 3.1 documents read through OpenAPIKit's typed model.
///
/// OpenAPIKit decodes (and so checks) the document: paths, operations, parameters, request bodies,
/// responses and schemas. A 3.0 document is converted to OpenAPIKit's 3.1 model so one walk serves
/// both. The typed schemas are then written back as JSON — OpenAPIKit's normalized form (`nullable`
/// becomes a `null` type, `$ref`s stay references into the normalized components) — because that
/// is what ``SchemaValidator`` walks: it resolves `$ref`, merges `allOf`, picks `oneOf` / `anyOf`
/// branches and follows discriminators against ``SpecDocument/root``, which holds the normalized
/// document too. OpenAPI 2 is not OpenAPIKit's: ``SpecLoader`` reads it with its own walker.
enum OpenAPIKitReader {
    typealias Document = OpenAPIKit.OpenAPI.Document

    /// Why OpenAPIKit refused a document: its message, the coding path, and the line that path
    /// starts on in `text` when it can be found.
    struct Refusal: Error, Sendable {
        var message: String
        var codingPath: String
        var line: Int?

        var description: String {
            var text = message.hasSuffix(".") ? String(message.dropLast()) : message
            let place = [codingPath.isEmpty ? nil : "at \(codingPath)", line.map { "near line \($0)" }].compactMap { $0 }
            if !place.isEmpty { text += " (" + place.joined(separator: ", ") + ")" }
            return text
        }
    }

    /// Decodes `root` (the file's JSON tree; YAML already converted) as an OpenAPI 3.0 or 3.1 document.
    static func typedDocument(_ root: JSONValue, text: String) throws(Refusal) -> Document {
        do {
            let data = try JSONEncoder().encode(root)
            let decoder = JSONDecoder()
            if root["openapi"]?.stringValue?.hasPrefix("3.0") == true {
                return try decoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: data).convert(to: .v3_1_1)
            }
            return try decoder.decode(Document.self, from: data)
        } catch {
            let pretty = OpenAPIKit.OpenAPI.Error(from: error)
            let keys = pretty.codingPath.map { $0.intValue == nil ? $0.stringValue : "" }.filter { !$0.isEmpty }
            throw Refusal(
                message: pretty.localizedDescription, codingPath: pretty.codingPathString,
                line: SpecTextLocator.line(ofKeys: keys, in: text))
        }
    }

    /// The operations of a typed document, with their schemas as JSON.
    static func specDocument(_ typed: Document, file: String) throws(Refusal) -> SpecDocument {
        guard let root = json(typed) else {
            throw Refusal(message: "OpenAPIKit read the document but could not write it back as JSON", codingPath: "", line: nil)
        }
        let prefix = typed.servers.first.map { SpecLoader.serverPath(url: $0.urlTemplate.rawValue) } ?? ""
        var operations: [SpecOperation] = []
        for route in typed.routes.sorted(by: { $0.path.rawValue < $1.path.rawValue }) {
            let endpoints = route.pathItem.endpoints.sorted { $0.method.rawValue < $1.method.rawValue }
            for endpoint in endpoints {
                let operation = endpoint.operation
                let parameters = (route.pathItem.parameters + operation.parameters).compactMap { typed.components[$0] }
                let body = operation.requestBody.flatMap { typed.components[$0] }
                operations.append(SpecOperation(
                    method: endpoint.method.rawValue.uppercased(),
                    path: SpecLoader.joined(prefix, route.path.rawValue.hasPrefix("/") ? route.path.rawValue : "/" + route.path.rawValue),
                    operationId: operation.operationId,
                    requestSchema: body.flatMap { schema(of: $0.content, typed, where: { $0.contains("json") }) },
                    apiVersionValues: apiVersionValues(parameters, typed),
                    success: success(operation.responses, typed))
                    .withForm(body.flatMap {
                        schema(of: $0.content, typed, where: { $0.hasPrefix("multipart/form-data") || $0 == "application/x-www-form-urlencoded" })
                    }))
            }
        }
        return SpecDocument(file: file, format: .openAPI3, root: root, version: typed.info.version, operations: operations)
    }

    /// The schema of the first media type (sorted) that `accepts`, as JSON.
    static func schema(of content: OpenAPIKit.OpenAPI.Content.Map, _ typed: Document, where accepts: (String) -> Bool) -> JSONValue? {
        media(content, typed, accepts)?.schema.flatMap(json)
    }

    static func media(_ content: OpenAPIKit.OpenAPI.Content.Map, _ typed: Document, _ accepts: (String) -> Bool) -> OpenAPIKit.OpenAPI.Content? {
        let key = content.keys.sorted { $0.rawValue < $1.rawValue }.first { accepts($0.rawValue.lowercased()) }
        return key.flatMap { content[$0] }.flatMap { typed.components[$0] }
    }

    /// Values the `api-version` query parameter's schema enumerates.
    static func apiVersionValues(_ parameters: [OpenAPIKit.OpenAPI.Parameter], _ typed: Document) -> [String] {
        guard let parameter = parameters.first(where: { $0.name == "api-version" && $0.location == .query }),
              let context = parameter.schemaOrContent.a,
              let schema = typed.components[context.schema] else { return [] }
        return (schema.allowedValues ?? []).compactMap { $0.value as? String }
    }

    /// The lowest 2xx answer: status, JSON schema, and the inline example or the first named one.
    static func success(_ responses: OpenAPIKit.OpenAPI.Response.Map, _ typed: Document) -> SpecResponse? {
        let codes = responses.keys.compactMap { key -> (Int, OpenAPIKit.OpenAPI.Response.StatusCode)? in
            guard case .status(let code) = key.value, (200..<300).contains(code) else { return nil }
            return (code, key)
        }
        guard let (code, key) = codes.min(by: { $0.0 < $1.0 }), let response = responses[key].flatMap({ typed.components[$0] }) else { return nil }
        guard let content = media(response.content, typed, { $0.contains("json") }) else {
            return SpecResponse(status: code, schema: nil, example: nil)
        }
        var example = content.example.flatMap(json)
        if example == nil, let examples = content.examples {
            example = examples.keys.sorted().lazy
                .compactMap { examples[$0].flatMap { typed.components[$0] }?.dataOrLegacyValue.flatMap(json) }
                .first
        }
        return SpecResponse(status: code, schema: content.schema.flatMap(json), example: example)
    }

    /// Any encodable part of the typed model as docverify's JSON value.
    static func json<T: Encodable>(_ value: T) -> JSONValue? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// Finds where a coding path starts in a spec's text, key by key, for error messages. Approximate by
/// design (array steps are skipped, a key is taken at its next occurrence), and linear in the text.
enum SpecTextLocator {
    static func line(ofKeys keys: [String], in text: String) -> Int? {
        guard !keys.isEmpty else { return nil }
        let utf8 = Array(text.utf8)
        var position = 0
        for key in keys {
            guard let found = find(key, in: utf8, from: position) else { break }
            position = found
        }
        guard position > 0 else { return nil }
        return 1 + utf8[..<position].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The offset of `key` written as a mapping key, JSON (`"key":`) or YAML (`key:`, possibly quoted).
    static func find(_ key: String, in utf8: [UInt8], from start: Int) -> Int? {
        let needle = Array(key.utf8)
        guard !needle.isEmpty, start < utf8.count else { return nil }
        var i = start
        while i + needle.count <= utf8.count {
            if utf8[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                if j < utf8.count, utf8[j] == UInt8(ascii: "\"") || utf8[j] == UInt8(ascii: "'") { j += 1 }
                while j < utf8.count, utf8[j] == UInt8(ascii: " ") || utf8[j] == UInt8(ascii: "\t") { j += 1 }
                let before = i > 0 ? utf8[i - 1] : UInt8(ascii: "\n")
                let boundary = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(before)
                if boundary, j < utf8.count, utf8[j] == UInt8(ascii: ":") { return i }
            }
            i += 1
        }
        return nil
    }
}
