import Core

/// Every rule docverify reports: the one table SARIF and the docs reference agree on
/// (`docs/findings.md`'s table is checked against it in a test).
public struct RuleDescription: Sendable {
    public var id: String
    public var defaultSeverity: Severity
    public var description: String
    public var helpURI: String { "docs/findings.md" }
}

public enum RuleCatalog {
    public static let rules: [RuleDescription] = [
        RuleDescription(id: "include-external", defaultSeverity: .note, description: "A `~/` include isn't in this docset; DocFX may map it to another repository."),
        RuleDescription(id: "request-unknown-operation", defaultSeverity: .warning, description: "An extracted call's method and URL match no operation of the Azure OpenAI data plane."),
        RuleDescription(id: "limit-exceeded", defaultSeverity: .error, description: "A request goes beyond a limit its page states (a voice outside the documented list; max_tokens above the output cap)."),
        RuleDescription(id: "limit-conflict", defaultSeverity: .warning, description: "Two statements of one documented limit disagree."),
        RuleDescription(id: "include-missing", defaultSeverity: .error, description: "An include points at a file that doesn't exist."),
        RuleDescription(id: "include-cycle", defaultSeverity: .error, description: "An include includes itself, directly or through other includes."),
        RuleDescription(id: "include-escape", defaultSeverity: .error, description: "An include, or code pulled from a file, points outside the docs root."),
        RuleDescription(id: "zone-unclosed", defaultSeverity: .warning, description: "A zone has no closing `zone-end`, so it runs to the end of the file."),
        RuleDescription(id: "zone-end-unmatched", defaultSeverity: .error, description: "A `zone-end` closes no open zone."),
        RuleDescription(id: "zone-nested", defaultSeverity: .error, description: "A zone starts inside another zone; zones don't nest."),
        RuleDescription(id: "zone-invalid", defaultSeverity: .error, description: "A zone line has no `pivot` or `target`, a bad or duplicate attribute, or an unknown target."),
        RuleDescription(id: "zone-unknown-pivot", defaultSeverity: .error, description: "A zone names a pivot that its pivot group doesn't define."),
        RuleDescription(id: "note-invalid", defaultSeverity: .warning, description: "An alert marker such as `[!NOTE]` shares its line with text, so it renders as a plain quote."),
        RuleDescription(id: "frontmatter-invalid", defaultSeverity: .error, description: "The YAML front matter doesn't parse, or a key has the wrong type."),
        RuleDescription(id: "code-source-missing", defaultSeverity: .error, description: "Code pulled from a file names a file that doesn't exist, or lines it doesn't have."),
        RuleDescription(id: "python-syntax", defaultSeverity: .error, description: "A Python sample has a syntax error."),
        RuleDescription(id: "js-syntax", defaultSeverity: .error, description: "A JavaScript sample has a syntax error."),
        RuleDescription(id: "ts-syntax", defaultSeverity: .error, description: "A TypeScript sample has a syntax error."),
        RuleDescription(id: "json-invalid", defaultSeverity: .error, description: "A JSON sample, or a JSON request body in a `curl` command or HTTP block, isn't valid JSON."),
        RuleDescription(id: "request-unextracted", defaultSeverity: .warning, description: "A sample evidently calls the API, but docverify can't tell which request it sends."),
        RuleDescription(id: "request-unknown-field", defaultSeverity: .error, description: "A request body has a field the operation's API doesn't define (a form upload's or embeddings body's unknown field is a warning)."),
        RuleDescription(id: "request-invalid", defaultSeverity: .error, description: "A request body field has the wrong type, or a required field is missing."),
        RuleDescription(id: "pivot-drift", defaultSeverity: .warning, description: "The same section sends different requests in two pivots or two tabs (each request-making sample is compared; `check --strict` fails on it)."),
        RuleDescription(id: "api-version-mismatch", defaultSeverity: .warning, description: "Pivots or tabs of one document use different API versions."),
        RuleDescription(id: "api-version-unknown", defaultSeverity: .error, description: "A literal api-version was never published (a well-formed version newer than docverify's table is only a note)."),
        RuleDescription(id: "api-version-unsupported", defaultSeverity: .error, description: "The api-version is published but lacks the call's operation or a feature its body uses."),
        RuleDescription(id: "api-version-missing", defaultSeverity: .error, description: "A deployment, assistants, threads or files URL has no api-version query."),
        RuleDescription(id: "js-module-mismatch", defaultSeverity: .error, description: "The set-up makes the project ECMAScript modules, but a `.js` sample uses `require`/`module.exports` (error: Node.js refuses it), or a CommonJS package's `.js` sample uses `import` (warning: recent Node.js versions re-parse it)."),
        RuleDescription(id: "shell-syntax", defaultSeverity: .error, description: "A shell sample has an unterminated quote, so the command (often a `curl`) can't be read."),
        RuleDescription(id: "response-status", defaultSeverity: .error, description: "The endpoint answered a request with a status other than 2xx."),
        RuleDescription(id: "response-invalid", defaultSeverity: .error, description: "The answer doesn't decode as a chat completions response."),
        RuleDescription(id: "response-field-missing", defaultSeverity: .error, description: "The sample's code reads a field that the answer doesn't have."),
        RuleDescription(id: "response-audio-invalid", defaultSeverity: .error, description: "The audio in the answer doesn't decode in the format the request asked for."),
        RuleDescription(id: "endpoint-unreachable", defaultSeverity: .error, description: "docverify couldn't connect to the endpoint, or the connection failed before an answer (TLS failures included)."),
        RuleDescription(id: "request-unresolved", defaultSeverity: .error, description: "A call needs a value nothing provides at run time: an environment variable that is unset, a file no earlier scenario wrote, or an expression docverify couldn't evaluate."),
    ]

    public static func rule(_ id: String) -> RuleDescription? { rules.first { $0.id == id } }
}
