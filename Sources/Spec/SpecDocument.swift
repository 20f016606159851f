import Core

/// Which OpenAPI generation a spec file is written in; they keep schemas in different places.
public enum SpecFormat: String, Sendable, Hashable, Codable {
    /// Swagger / OpenAPI 2.0: `swagger: "2.0"`, `definitions`, body parameters, `basePath`.
    case openAPI2 = "openapi-2"
    /// OpenAPI 3.x: `openapi: 3.…`, `components.schemas`, `requestBody`, `servers`.
    case openAPI3 = "openapi-3"
}

/// How a spec was read: OpenAPIKit's typed model (OpenAPI 3), or docverify's JSON walker (OpenAPI 2,
/// or an OpenAPI 3 file OpenAPIKit refused).
public enum SpecReader: String, Sendable, Hashable, Codable {
    case openAPIKit = "openapikit"
    case jsonWalker = "json-walker"
}

/// One loaded API specification: its JSON tree (schemas are walked in place, so `$ref`s resolve
/// against it; OpenAPIKit's normalized form for OpenAPI 3) and the operations it declares.
public struct SpecDocument: Sendable, Hashable {
    /// The file it was read from, as given.
    public var file: String
    public var format: SpecFormat
    /// The whole document as JSON (YAML specs are converted on load).
    public var root: JSONValue
    /// `info.version`: for Azure OpenAI specs, the api-version the file describes.
    public var version: String
    /// Every operation, with its full path (server or base path prefix included).
    public var operations: [SpecOperation]

    /// Which reader produced the document.
    public var reader: SpecReader
    /// Set when the document was not read the usual way (OpenAPIKit refused an OpenAPI 3 file), saying why.
    public var loadNote: String?

    public init(
        file: String, format: SpecFormat, root: JSONValue, version: String, operations: [SpecOperation],
        reader: SpecReader = .openAPIKit, loadNote: String? = nil
    ) {
        self.file = file
        self.format = format
        self.root = root
        self.version = version
        self.operations = operations
        self.reader = reader
        self.loadNote = loadNote
    }

    /// The api-versions this spec serves: its `info.version` plus any value its operations' `api-version`
    /// query parameters enumerate.
    public var apiVersions: Set<String> {
        var versions: Set<String> = version.isEmpty ? [] : [version]
        for operation in operations { versions.formUnion(operation.apiVersionValues) }
        return versions
    }

    /// The value a local `$ref` (`#/components/schemas/X`, `#/definitions/X`) points at; nil for a
    /// reference into another file or to nothing.
    public func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for raw in ref.dropFirst().split(separator: "/") {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(token), case .array = node {
                guard let next = node[index] else { return nil }
                node = next
            } else {
                guard let next = node[token] else { return nil }
                node = next
            }
        }
        return node
    }

    /// The operation `method` + `path` names (segment by segment; a `{…}` segment of the spec takes any
    /// value, a `{…}` segment of the request only fills a spec parameter). Literal matches win.
    public func operation(method: String, path: String) -> SpecOperation? {
        let segments = SpecPath.segments(path)
        let upper = method.uppercased()
        return operations
            .filter { $0.method == upper }
            .compactMap { op in SpecPath.score(template: SpecPath.segments(op.path), path: segments).map { (op, $0) } }
            .max { $0.1 < $1.1 }?.0
    }

    /// The short name of a schema reference (`#/components/schemas/createChatCompletionRequest` →
    /// `createChatCompletionRequest`), for messages.
    public static func schemaName(_ ref: String) -> String {
        ref.split(separator: "/").last.map(String.init) ?? ref
    }
}

/// Path templates compared segment by segment.
enum SpecPath {
    static func segments(_ path: String) -> [Substring] {
        let noQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return noQuery.split(separator: "/")
    }

    static func isParameter(_ segment: Substring) -> Bool { segment.hasPrefix("{") && segment.hasSuffix("}") }

    /// The number of literal segments matched, nil when the template does not match.
    static func score(template: [Substring], path: [Substring]) -> Int? {
        guard template.count == path.count else { return nil }
        var literal = 0
        for (t, p) in zip(template, path) {
            if isParameter(t) { continue }
            if isParameter(p) || t != p { return nil }
            literal += 1
        }
        return literal
    }
}
