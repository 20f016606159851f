import Core
import Requests

/// Where in the spec the values of a documented list or a built-in enumeration live: the operation
/// (by method and path suffix) and the property path inside its request schema (`[]` steps into
/// array items). The one table of such facts.
public struct SpecEnumSite: Sendable, Hashable {
    public var name: String
    public var method: String
    public var pathSuffix: String
    public var propertyPath: [String]

    public init(_ name: String, _ method: String, _ pathSuffix: String, _ propertyPath: [String]) {
        self.name = name
        self.method = method
        self.pathSuffix = pathSuffix
        self.propertyPath = propertyPath
    }
}

public enum SpecEnumSites {
    static let chat = "/chat/completions"

    /// Documented limit keys (``Limits/LimitCatalog``) whose list values the spec enumerates.
    public static let documentedLists: [String: SpecEnumSite] = [
        "audio.voices": SpecEnumSite("audio.voice", "POST", chat, ["audio", "voice"]),
    ]

    /// docverify's built-in enumerations (``Requests``' `specValues`) and where the spec states them.
    public static let builtInEnums: [(site: SpecEnumSite, values: [String])] = [
        (SpecEnumSite("audio.voice", "POST", chat, ["audio", "voice"]), Voice.specValues.map(\.rawValue)),
        (SpecEnumSite("audio.format", "POST", chat, ["audio", "format"]), AudioOutputFormat.specValues.map(\.rawValue)),
        (SpecEnumSite("input_audio.format", "POST", chat, ["messages", "[]", "content", "[]", "input_audio", "format"]), InputAudioFormat.specValues.map(\.rawValue)),
        (SpecEnumSite("modalities", "POST", chat, ["modalities", "[]"]), Modality.specValues.map(\.rawValue)),
        (SpecEnumSite("image_url.detail", "POST", chat, ["messages", "[]", "content", "[]", "image_url", "detail"]), ImageDetail.specValues.map(\.rawValue)),
        (SpecEnumSite("reasoning_effort", "POST", chat, ["reasoning_effort"]), ReasoningEffort.specValues.map(\.rawValue)),
        (SpecEnumSite("data_sources.type", "POST", chat, ["data_sources", "[]", "type"]), DataSourceType.specValues.map(\.rawValue)),
    ]

    /// The chat completions request's top-level fields in docverify's typed model.
    public static let builtInChatFields: [String] = ChatCompletionRequest.CodingKeys.allCases.map(\.rawValue)
}

extension SpecDocument {
    /// The operation whose method matches and whose path ends with `suffix`.
    public func operation(method: String, pathSuffix suffix: String) -> SpecOperation? {
        operations.first { $0.method == method.uppercased() && $0.path.hasSuffix(suffix) }
    }

    /// The string values the spec enumerates at `site`; nil when the site is not in this spec or has
    /// no enumeration. Branches of `oneOf` / `anyOf` are searched, and their values united.
    public func enumValues(at site: SpecEnumSite) -> [String]? {
        guard let schema = operation(method: site.method, pathSuffix: site.pathSuffix)?.requestSchema else { return nil }
        let validator = SchemaValidator(spec: self)
        var current: [JSONValue] = [schema]
        for step in site.propertyPath {
            current = current.flatMap { validator.descend($0, step, depth: 0) }
            if current.isEmpty { return nil }
        }
        var values: [String] = []
        for schema in current {
            for value in validator.flatten(schema, depth: 0).enumValues ?? [] {
                if let s = value.stringValue, !values.contains(s) { values.append(s) }
            }
        }
        return values.isEmpty ? nil : values
    }

    /// The members the request schema of the operation declares at its top level.
    public func topLevelFields(method: String, pathSuffix: String) -> [String]? {
        guard let schema = operation(method: method, pathSuffix: pathSuffix)?.requestSchema else { return nil }
        return SchemaValidator(spec: self).flatten(schema, depth: 0).properties.keys.sorted()
    }
}

extension SchemaValidator {
    /// The schemas one step (`name` or `[]`) below `schema`, searching alternatives.
    func descend(_ schema: JSONValue, _ step: String, depth: Int) -> [JSONValue] {
        guard depth < 8 else { return [] }
        let flat = flatten(schema, depth: 0)
        var found: [JSONValue] = []
        if step == "[]" {
            if let items = flat.items { found.append(items) }
        } else if let property = flat.properties[step] {
            found.append(property)
        }
        if found.isEmpty {
            for branch in flat.alternatives.joined() { found += descend(branch, step, depth: depth + 1) }
        }
        return found
    }
}
