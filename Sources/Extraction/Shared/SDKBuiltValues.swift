import Core

/// Values the OpenAI SDKs build from the sample's own types: a pydantic class or a zod object
/// becomes a JSON schema inside `response_format` or a function tool. docverify derives the schema
/// the SDK would send when it can read the type, and otherwise keeps the shape around an unknown
/// schema, which is docverify's limit, never the page's defect.
public enum SDKBuiltValues {
    /// `{"type": "json_schema", "json_schema": {"name": …, "strict": true, "schema": …}}`, as
    /// `client.beta.chat.completions.parse(response_format=Cls)` and `zodResponseFormat(…)` send it.
    public static func responseFormat(name: SymbolicValue, schema: SymbolicValue) -> SymbolicValue {
        .object(["type": .string("json_schema"), "json_schema": .object([
            "name": name, "strict": .bool(true), "schema": schema,
        ])])
    }

    /// `{"type": "function", "function": {"name": …, "strict": true, "parameters": …}}`, as
    /// `openai.pydantic_function_tool(Cls)` and `zodFunction({…})` send it.
    public static func functionTool(name: SymbolicValue, parameters: SymbolicValue, description: SymbolicValue?) -> SymbolicValue {
        var function: [String: SymbolicValue] = ["name": name, "strict": .bool(true), "parameters": parameters]
        if let description { function["description"] = description }
        return .object(["type": .string("function"), "function": .object(function)])
    }

    /// Stands for a schema docverify could not derive (the text says from what).
    public static func unknownSchema(_ source: String) -> SymbolicValue {
        .placeholder(.unknown("JSON schema of \(source)"))
    }
}
