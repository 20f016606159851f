import Core

/// What the service assumes for an optional top-level body member that a request leaves out, so
/// that `temperature: 1` in one pivot and no `temperature` in another are the same request.
///
/// Facts from the Azure OpenAI inference reference (chat completions, completions, embeddings,
/// images, audio speech); one table, the single place to add a default.
public enum OptionalFieldDefaults {
    /// Member name → the value the API uses when the member is absent.
    public static let table: [String: JSONValue] = [
        "temperature": .int(1),
        "top_p": .int(1),
        "n": .int(1),
        "stream": .bool(false),
        "presence_penalty": .int(0),
        "frequency_penalty": .int(0),
        "logprobs": .bool(false),
        "parallel_tool_calls": .bool(true),
        "store": .bool(false),
        "echo": .bool(false),
        "best_of": .int(1),
        "speed": .int(1),
        "encoding_format": .string("float"),
        "response_format": .object(["type": .string("text")]),
        "tool_choice": .string("auto"),
    ]

    /// Members a request of its operation cannot leave out; a difference in them is always drift.
    public static let required: Set<String> = ["messages", "input", "prompt", "voice", "file", "assistant_id", "role", "content"]

    /// True when one pivot sending `value` for `member` and another leaving `member` out is worth
    /// a note only: the member is optional and its known default equals `value` (compared
    /// canonically), or its default is unknown to docverify (a warning needs a known difference).
    public static func absenceIsMinor(member: String, value: JSONValue) -> Bool {
        if required.contains(member) { return false }
        guard let known = table[member] else { return true }
        return CanonicalForm.canonical(.object([member: known]))[member] == value
    }
}
