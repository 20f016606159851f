import Core

/// The JSON schema the `openai` Python SDK sends for a pydantic model (`to_strict_json_schema`):
/// pydantic's `model_json_schema()` with every property required and no additional properties.
///
/// Only models whose fields are plain annotations of simple types are derived (`str`, `int`,
/// `float`, `bool`, `list[…]` of those); anything else (defaults, `Field(…)`, unions, nested
/// models, inheritance) gives nil, and the caller keeps the schema unknown.
enum PydanticSchema {
    static let simpleTypes: [String: String] = ["str": "string", "int": "integer", "float": "number", "bool": "boolean"]

    /// The schema of `class name(BaseModel): body`, nil when it is not a plain model.
    static func schema(name: String, body: [PythonStmt]) -> JSONValue? {
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for statement in body {
            switch statement.kind {
            case .annotatedAssign(let target, let annotation, nil):
                guard case .name(let field) = target.kind, var type = fieldType(annotation, depth: 0) else { return nil }
                type["title"] = .string(title(field))
                properties[field] = .object(type)
                required.append(.string(field))
            case .pass:
                continue
            case .expression(let e):
                // A docstring is fine; any other statement makes the class more than a schema.
                guard case .string = e.kind else { return nil }
            default:
                return nil
            }
        }
        guard !properties.isEmpty else { return nil }
        return .object([
            "title": .string(name), "type": .string("object"), "properties": .object(properties),
            "required": .array(required), "additionalProperties": .bool(false),
        ])
    }

    static func fieldType(_ annotation: PythonExpr, depth: Int) -> [String: JSONValue]? {
        guard depth < 4 else { return nil }
        switch annotation.kind {
        case .name(let n):
            return simpleTypes[n].map { ["type": .string($0)] }
        case .subscription(let base, let element):
            guard case .name(let b) = base.kind, ["list", "List"].contains(b),
                  let items = fieldType(element, depth: depth + 1) else { return nil }
            return ["type": .string("array"), "items": .object(items)]
        default:
            return nil
        }
    }

    /// pydantic's default title: `order_id` → `Order Id`.
    static func title(_ field: String) -> String {
        field.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
