import Core

/// Validates a JSON value against a schema of one ``SpecDocument``: `$ref` resolved in the document,
/// `allOf` merged (the way Azure specs use it, as inheritance), `oneOf` / `anyOf` by the branch the
/// value fits (narrowed by single-value enums such as `role` or `type`), `discriminator` mappings
/// followed. Values that are only known at run time (``placeholderKey``) match anything.
public struct SchemaValidator: Sendable {
    public let spec: SpecDocument
    /// Schemas nest (and refer to themselves); deeper than this is not a real request.
    static let maxDepth = 48
    /// An object with this key stands for a value docverify cannot know statically.
    public static let placeholderKey = "$placeholder"

    /// Values come from a form: every part is text, so a string that reads as the number or boolean
    /// the schema wants fits, and a single part fits an array.
    public var formValues = false

    public init(spec: SpecDocument, formValues: Bool = false) {
        self.spec = spec
        self.formValues = formValues
    }

    /// Every issue of `value` under `schema`, in path order.
    public func validate(_ value: JSONValue, against schema: JSONValue) -> [SpecIssue] {
        check(value, schema, path: "", depth: 0, dispatch: true)
    }

    // MARK: The walk

    func check(_ given: JSONValue, _ schema: JSONValue, path: String, depth: Int, dispatch: Bool) -> [SpecIssue] {
        guard depth < Self.maxDepth, !Self.isPlaceholder(given), given != .null else { return [] }
        let flat = flatten(schema, depth: 0)
        let value = formValues ? Self.formValue(given, types: flat.types) : given
        if dispatch, let discriminator = flat.discriminator, let tag = value[discriminator.property]?.stringValue,
           let target = discriminator.mapping[tag] {
            return check(value, .object(["$ref": .string(target)]), path: path, depth: depth + 1, dispatch: false)
        }
        if let types = flat.types, !Self.matches(value, types) {
            return [SpecIssue(kind: .type, path: display(path), message: "\(display(path)) is \(Self.article(value.typeName)), but \(flat.label) expects \(types.sorted().joined(separator: " or "))",
                              found: "\(display(path)): \(value.typeName)", expected: types.sorted().joined(separator: " or "))]
        }
        var issues: [SpecIssue] = []
        if let allowed = flat.enumValues, Self.isScalar(value), !allowed.contains(where: { Self.equal($0, value) }) {
            issues.append(SpecIssue(
                kind: .enumViolation, path: display(path),
                message: "\(display(path)) is \(value.serialized()), which \(flat.label) does not allow; allowed: \(allowed.map { $0.serialized() }.joined(separator: ", "))",
                found: "\(display(path)) = \(value.serialized())", expected: "one of " + allowed.map { $0.serialized() }.joined(separator: ", ")))
        }
        for group in flat.alternatives {
            issues += chooseBranch(value, group, path: path, depth: depth)
        }
        switch value {
        case .object(let members):
            issues += checkObject(members, flat, path: path, depth: depth)
        case .array(let items):
            if let itemSchema = flat.items {
                for (i, item) in items.enumerated() {
                    issues += check(item, itemSchema, path: path + "[\(i)]", depth: depth + 1, dispatch: true)
                }
            }
        default:
            break
        }
        return issues
    }

    func checkObject(_ members: [String: JSONValue], _ flat: FlatSchema, path: String, depth: Int) -> [SpecIssue] {
        var issues: [SpecIssue] = []
        for name in flat.required.sorted() where members[name] == nil {
            issues.append(SpecIssue(
                kind: .required, path: display(path), message: "\(display(path)) lacks '\(name)', which \(flat.label) requires",
                found: "\(display(path)) without '\(name)'", expected: "'\(name)' required by \(flat.label)"))
        }
        // Members the alternatives declare are known here too (a schema may split its fields that way).
        let alternativeMembers = Set(flat.alternatives.joined().flatMap { flatten($0, depth: 0).properties.keys })
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if case .null = member { continue }
            let memberPath = path.isEmpty ? name : path + "." + name
            if let schema = flat.properties[name] {
                issues += check(member, schema, path: memberPath, depth: depth + 1, dispatch: true)
            } else if case .object(let extra)? = flat.additional, !extra.isEmpty {
                issues += check(member, .object(extra), path: memberPath, depth: depth + 1, dispatch: true)
            } else if alternativeMembers.contains(name) || flat.additional == .bool(true) || flat.additional == .object([:]) {
                // Declared by a branch, or explicitly allowed: `additionalProperties: true` or `{}`.
                continue
            } else if flat.additional == .bool(false) || !flat.properties.isEmpty {
                let closed = flat.additional == .bool(false)
                issues.append(SpecIssue(
                    kind: .unknownField, path: memberPath,
                    message: closed
                        ? "\(memberPath) is not a field of \(flat.label), which allows no other fields"
                        : "\(memberPath) is not a field \(flat.label) defines (it declares \(Self.shortList(flat.properties.keys.sorted())))",
                    closed: closed, found: "\(memberPath) = \(Self.show(member))",
                    expected: "\(flat.label) declares \(Self.shortList(flat.properties.keys.sorted()))\(closed ? " and no other field" : "")"))
            }
        }
        return issues
    }

    /// The issues of the branch `value` fits best, or one issue saying it fits none.
    func chooseBranch(_ value: JSONValue, _ branches: [JSONValue], path: String, depth: Int) -> [SpecIssue] {
        let flats = branches.map { flatten($0, depth: 0) }
        let typed = branches.indices.filter { flats[$0].types.map { Self.matches(value, $0) } ?? true }
        if typed.isEmpty {
            let expected = Set(flats.flatMap { $0.types ?? [] }).sorted().joined(separator: " or ")
            return [SpecIssue(kind: .type, path: display(path), message: "\(display(path)) is \(Self.article(value.typeName)), but the schema expects \(expected)")]
        }
        let candidates = typed.filter { !conflictsWithConstants(value, flats[$0]) }
        if candidates.isEmpty {
            return [constantViolation(value, typed.map { flats[$0] }, path: path)]
        }
        let results = candidates.map { check(value, branches[$0], path: path, depth: depth + 1, dispatch: true) }
        if let best = results.filter({ !$0.contains(where: \.isHard) }).min(by: { $0.count < $1.count }) { return best }
        if results.count == 1 { return results[0] }
        let labels = candidates.map { flats[$0].label }
        return [SpecIssue(
            kind: .type, path: display(path),
            message: "\(display(path)) fits none of the \(candidates.count) alternatives (\(labels.joined(separator: ", "))); the closest says: \(results.min(by: { $0.count < $1.count })?.first?.message ?? "")")]
    }

    /// True when a member of `value` contradicts a single-value enum of the branch (`role: "user"`).
    func conflictsWithConstants(_ value: JSONValue, _ flat: FlatSchema) -> Bool {
        guard case .object(let members) = value else { return false }
        for (name, constant) in constants(flat) {
            if let member = members[name], !Self.isPlaceholder(member), !Self.equal(member, constant) { return true }
        }
        return false
    }

    func constants(_ flat: FlatSchema) -> [(String, JSONValue)] {
        flat.properties.sorted(by: { $0.key < $1.key }).compactMap { name, schema in
            let values = flatten(schema, depth: 0).enumValues ?? []
            return values.count == 1 ? (name, values[0]) : nil
        }
    }

    /// No branch takes the value's tag (`role: "narrator"`): an enum violation naming every tag allowed.
    func constantViolation(_ value: JSONValue, _ flats: [FlatSchema], path: String) -> SpecIssue {
        var allowed: [String: [JSONValue]] = [:]
        for flat in flats { for (name, constant) in constants(flat) { allowed[name, default: []].append(constant) } }
        for name in allowed.keys.sorted() {
            if let member = value[name], !allowed[name]!.contains(where: { Self.equal($0, member) }) {
                let memberPath = path.isEmpty ? name : path + "." + name
                return SpecIssue(
                    kind: .enumViolation, path: memberPath,
                    message: "\(memberPath) is \(member.serialized()), which the schema does not allow; allowed: \(allowed[name]!.map { $0.serialized() }.joined(separator: ", "))")
            }
        }
        return SpecIssue(kind: .type, path: display(path), message: "\(display(path)) fits none of the schema's alternatives")
    }

    // MARK: Schemas

    /// A schema with its `$ref` followed and its `allOf` parts merged in.
    struct FlatSchema {
        var label = "the schema"
        var types: Set<String>?
        var properties: [String: JSONValue] = [:]
        var required: Set<String> = []
        /// `additionalProperties`: absent, a boolean, or a schema.
        var additional: JSONValue?
        var enumValues: [JSONValue]?
        var items: JSONValue?
        /// `oneOf` / `anyOf` groups; the value must fit one branch of each.
        var alternatives: [[JSONValue]] = []
        var discriminator: (property: String, mapping: [String: String])?
    }

    func flatten(_ schema: JSONValue, depth: Int) -> FlatSchema {
        var flat = FlatSchema()
        guard depth < Self.maxDepth else { return flat }
        var node = schema
        for _ in 0..<16 {
            guard let ref = node["$ref"]?.stringValue else { break }
            flat.label = "'\(SpecDocument.schemaName(ref))'"
            guard let target = spec.resolve(ref) else { return flat }
            node = target
        }
        if flat.label == "the schema", let title = node["title"]?.stringValue { flat.label = "'\(title)'" }
        switch node["type"] {
        case .string(let t)?: flat.types = [t]
        case .array(let ts)?: flat.types = Set(ts.compactMap(\.stringValue))
        default: break
        }
        if let types = flat.types, node["nullable"] == .bool(true) { flat.types = types.union(["null"]) }
        if case .object(let properties)? = node["properties"] { flat.properties = properties }
        flat.required = Set((node["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        flat.additional = node["additionalProperties"]
        // OpenAPI 3.1 (and OpenAPIKit's normalized form) writes a one-value enum as `const`.
        flat.enumValues = node["enum"]?.arrayValue ?? node["const"].map { [$0] }
        flat.items = node["items"]
        for key in ["oneOf", "anyOf"] {
            if let branches = node[key]?.arrayValue, !branches.isEmpty { flat.alternatives.append(branches) }
        }
        if let property = node["discriminator"]?["propertyName"]?.stringValue ?? node["discriminator"]?.stringValue {
            let mapping = (node["discriminator"]?["mapping"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            if !mapping.isEmpty { flat.discriminator = (property, mapping) }
        }
        for part in node["allOf"]?.arrayValue ?? [] {
            let merged = flatten(part, depth: depth + 1)
            // An empty schema names a member without saying anything of it (OpenAPIKit writes a member
            // that is only `required` that way): a part that describes it wins.
            for (name, schema) in merged.properties where flat.properties[name] == nil || flat.properties[name] == .object([:]) {
                flat.properties[name] = schema
            }
            flat.required.formUnion(merged.required)
            if flat.types == nil { flat.types = merged.types }
            if merged.additional == .bool(false) || flat.additional == nil { flat.additional = merged.additional ?? flat.additional }
            if flat.enumValues == nil { flat.enumValues = merged.enumValues }
            if flat.items == nil { flat.items = merged.items }
            flat.alternatives += merged.alternatives
        }
        return flat
    }

    // MARK: Values

    static func isPlaceholder(_ value: JSONValue) -> Bool {
        if case .object(let members) = value { return members[placeholderKey] != nil }
        return false
    }

    /// A form part's text read as the type the schema asks for, when it reads as one.
    static func formValue(_ value: JSONValue, types: Set<String>?) -> JSONValue {
        guard let types else { return value }
        if types.contains("array"), !(value.arrayValue != nil) { return .array([value]) }
        guard case .string(let text) = value, !types.contains("string") else { return value }
        if types.contains("integer"), let i = Int(text) { return .int(i) }
        if types.contains("number"), let d = Double(text) { return .double(d) }
        if types.contains("boolean"), text == "true" || text == "false" { return .bool(text == "true") }
        return value
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .int, .double, .bool: true
        default: false
        }
    }

    static func matches(_ value: JSONValue, _ types: Set<String>) -> Bool {
        switch value {
        case .null: types.contains("null")
        case .bool: types.contains("boolean")
        case .int: types.contains("integer") || types.contains("number")
        case .double(let d): types.contains("number") || (types.contains("integer") && d.rounded() == d)
        case .string: types.contains("string")
        case .array: types.contains("array")
        case .object: types.contains("object")
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): Double(x) == y
        default: a == b
        }
    }

    static func article(_ typeName: String) -> String {
        ["array", "object"].contains(typeName) ? "an \(typeName)" : "a \(typeName)"
    }

    /// At most eight names, then how many more.
    static func shortList(_ names: [String]) -> String {
        names.count <= 8 ? names.joined(separator: ", ") : names.prefix(8).joined(separator: ", ") + " and \(names.count - 8) more"
    }

    /// Compact JSON with run-time values shown as `…`.
    static func show(_ value: JSONValue) -> String {
        value.serialized().replacingOccurrences(of: #"{"\#(placeholderKey)":true}"#, with: "…")
    }

    func display(_ path: String) -> String { path.isEmpty ? "the body" : path }
}
