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
        RuleDescription(id: "golden-mismatch", defaultSeverity: .error, description: "A scenario's requests or answers differ from its golden file; each differing JSON path is listed with both values."),
        RuleDescription(id: "golden-missing", defaultSeverity: .error, description: "A scenario has no golden file and the run records nothing, or a replayed request has no recording."),
        RuleDescription(id: "golden-stale", defaultSeverity: .warning, description: "A golden file belongs to no scenario of its document any more."),
        RuleDescription(id: "output-drift", defaultSeverity: .warning, description: "An output block documents a JSON field the real answer lacks, or has with another type."),
        RuleDescription(id: "output-file-mismatch", defaultSeverity: .warning, description: "The page says the sample creates a file the sample doesn't write."),
        RuleDescription(id: "spec-unknown-field", defaultSeverity: .warning, description: "A request body has a field its operation's schema in the spec doesn't declare (a note when the schema leaves the object open)."),
        RuleDescription(id: "spec-enum-violation", defaultSeverity: .warning, description: "A request body value isn't among the values the spec's schema enumerates."),
        RuleDescription(id: "spec-type", defaultSeverity: .warning, description: "A request body value has a type the spec's schema doesn't allow."),
        RuleDescription(id: "spec-required", defaultSeverity: .warning, description: "A request body lacks a member the spec's schema requires."),
        RuleDescription(id: "doc-promise-unsupported", defaultSeverity: .error, description: "A list on the page names a value the spec doesn't accept."),
        RuleDescription(id: "doc-incomplete", defaultSeverity: .note, description: "The spec accepts values that a list on the page never names."),
        RuleDescription(id: "limit-not-enforced", defaultSeverity: .warning, description: "A probe beyond a documented limit was accepted by the endpoint."),
        RuleDescription(id: "limit-stricter", defaultSeverity: .error, description: "A probe within a documented limit was refused by the endpoint."),
        RuleDescription(id: "golden-drift", defaultSeverity: .warning, description: "A golden's recorded request or answer disagrees with what the page sends or shows now."),
        RuleDescription(id: "suppression-unused", defaultSeverity: .warning, description: "An inline docverify-disable comment suppresses no finding."),
        RuleDescription(id: "include-missing", defaultSeverity: .error, description: "An include points at a file that doesn't exist."),
        RuleDescription(id: "include-cycle", defaultSeverity: .error, description: "An include includes itself, directly or through other includes."),
        RuleDescription(id: "include-limit", defaultSeverity: .error, description: "An article's includes expand beyond docverify's bounds (count, total size or depth)."),
        RuleDescription(id: "include-escape", defaultSeverity: .error, description: "An include, or code pulled from a file, points outside the docs root."),
        RuleDescription(id: "zone-unclosed", defaultSeverity: .warning, description: "A zone has no closing `zone-end`, so it runs to the end of the file."),
        RuleDescription(id: "tab-group-unclosed", defaultSeverity: .warning, description: "A tab group has no closing `---` and its last tab swallows a heading of its section's level."),
        RuleDescription(id: "code-fence-unclosed", defaultSeverity: .error, description: "A code fence is never closed and swallows the Markdown after it."),
        RuleDescription(id: "zone-end-unmatched", defaultSeverity: .error, description: "A `zone-end` closes no open zone."),
        RuleDescription(id: "zone-nested", defaultSeverity: .error, description: "A zone starts inside another zone; zones don't nest."),
        RuleDescription(id: "zone-invalid", defaultSeverity: .error, description: "A zone line has no `pivot` or `target`, a bad or duplicate attribute, or an unknown target."),
        RuleDescription(id: "zone-unknown-pivot", defaultSeverity: .error, description: "A zone names a pivot that its pivot group doesn't define."),
        RuleDescription(id: "note-invalid", defaultSeverity: .warning, description: "An alert marker such as `[!NOTE]` shares its line with text, so it renders as a plain quote."),
        RuleDescription(id: "frontmatter-invalid", defaultSeverity: .error, description: "The YAML front matter doesn't parse, or a key has the wrong type."),
        RuleDescription(id: "input-too-large", defaultSeverity: .error, description: "An article, include or code source is larger than `--max-file-bytes` (64 MiB by default); docverify didn't read or check it."),
        RuleDescription(id: "input-not-a-file", defaultSeverity: .error, description: "An include or code source is a FIFO, device or socket, not a regular file; docverify didn't read it."),
        RuleDescription(id: "sample-limit", defaultSeverity: .warning, description: "A page has more than 10,000 code samples; the rest were not read or checked."),
        RuleDescription(id: "input-too-deep", defaultSeverity: .error, description: "Block quotes, lists or emphasis are nested more than 64 levels deep, or a sample's code or JSON is nested deeper than docverify's reader goes (Python, JavaScript, TypeScript, JSON fences and request bodies); the deeper content was not read."),
        RuleDescription(id: "code-source-missing", defaultSeverity: .error, description: "Code pulled from a file names a file that doesn't exist, or lines it doesn't have."),
        RuleDescription(id: "python-syntax", defaultSeverity: .error, description: "A Python sample has a syntax error."),
        RuleDescription(id: "js-syntax", defaultSeverity: .error, description: "A JavaScript sample has a syntax error."),
        RuleDescription(id: "ts-syntax", defaultSeverity: .error, description: "A TypeScript sample has a syntax error."),
        RuleDescription(id: "json-invalid", defaultSeverity: .error, description: "A JSON sample, or a JSON request body in a `curl` command or HTTP block, isn't valid JSON."),
        RuleDescription(id: "request-unextracted", defaultSeverity: .warning, description: "A sample evidently calls the API, but docverify can't tell which request it sends."),
        RuleDescription(id: "placeholder-value", defaultSeverity: .note, description: "A call's endpoint, deployment or key is a value the page tells the reader to replace with their own."),
        RuleDescription(id: "request-unknown-field", defaultSeverity: .error, description: "A request body has a field the operation's API doesn't define (a form upload's or embeddings body's unknown field is a warning)."),
        RuleDescription(id: "request-invalid", defaultSeverity: .error, description: "A request body field has the wrong type, or a required field is missing."),
        RuleDescription(id: "pivot-drift", defaultSeverity: .warning, description: "The same section sends different requests in two pivots or two tabs (each request-making sample is compared; `check --strict` fails on it)."),
        RuleDescription(id: "api-version-mismatch", defaultSeverity: .warning, description: "Pivots or tabs of one document use different API versions."),
        RuleDescription(id: "api-version-unknown", defaultSeverity: .error, description: "A literal api-version was never published (a well-formed version newer than docverify's table is only a note)."),
        RuleDescription(id: "api-version-unsupported", defaultSeverity: .error, description: "The api-version is published but lacks the call's operation or a feature its body uses."),
        RuleDescription(id: "api-version-missing", defaultSeverity: .error, description: "A deployment, assistants, threads or files URL has no api-version query."),
        RuleDescription(id: "js-module-mismatch", defaultSeverity: .error, description: "The set-up makes the project ECMAScript modules, but a `.js` sample uses `require`/`module.exports` (error: Node.js refuses it), or a CommonJS package's `.js` sample uses `import` (warning: recent Node.js versions re-parse it)."),
        RuleDescription(id: "undefined-name", defaultSeverity: .error, description: "A Python, JavaScript or TypeScript program reads a name nothing defines, imports or provides as a built-in, or a misspelt runtime member such as `process.evn`."),
        RuleDescription(id: "dependency-missing", defaultSeverity: .error, description: "A program imports a module that is neither in the standard library nor installed by a step the reader follows."),
        RuleDescription(id: "file-missing", defaultSeverity: .error, description: "A run step names a file no step creates (or creates under another case)."),
        RuleDescription(id: "ts-in-js", defaultSeverity: .error, description: "TypeScript syntax in a file the page names `.js`."),
        RuleDescription(id: "build-step-invalid", defaultSeverity: .error, description: "A TypeScript build step that can't work: `tsc` with nothing to build, `tsc file.ts` beside a tsconfig.json, or output the package type refuses."),
        RuleDescription(id: "env-var-undefined", defaultSeverity: .error, description: "Code reads an environment variable that no set-up step the reader follows sets (a note when set-up is on another page)."),
        RuleDescription(id: "shell-syntax", defaultSeverity: .error, description: "A shell sample has an unterminated quote, so the command (often a `curl`) can't be read, or a continuation `\\` is missing or followed by blanks, so the command ends early."),
        RuleDescription(id: "response-status", defaultSeverity: .error, description: "The endpoint answered a request with a status other than 2xx."),
        RuleDescription(id: "response-invalid", defaultSeverity: .error, description: "The answer isn't what the operation returns: not a chat completion, not JSON, a broken event stream, audio not in the requested format, a transcript not in the requested text format, or a download that isn't an image."),
        RuleDescription(id: "run-incomplete", defaultSeverity: .warning, description: "An assistants run was still pending after docverify's bounded polling, or ended `failed`, `cancelled` or `expired`, so its reply may be missing."),
        RuleDescription(id: "response-field-missing", defaultSeverity: .error, description: "The sample's code reads a field that the answer doesn't have."),
        RuleDescription(id: "response-audio-invalid", defaultSeverity: .error, description: "The audio in the answer doesn't decode in the format the request asked for."),
        RuleDescription(id: "endpoint-unreachable", defaultSeverity: .error, description: "docverify couldn't connect to the endpoint, or the connection failed before an answer (TLS failures included)."),
        RuleDescription(id: "request-unresolved", defaultSeverity: .error, description: "A call needs a value nothing provides at run time: an environment variable that is unset, or an expression docverify couldn't evaluate (an endpoint it can't work out is never replaced by the mock)."),
        RuleDescription(id: "response-too-large", defaultSeverity: .warning, description: "An answer was larger than `--max-response-bytes` (64 MiB by default): docverify stopped reading it at the cap and didn't check it."),
        RuleDescription(id: "scenario-limit", defaultSeverity: .warning, description: "The run has more scenarios than `--max-scenarios` (10,000 by default); the rest were skipped, and this finding says how many."),
        RuleDescription(id: "run-deadline", defaultSeverity: .error, description: "The whole-run `--deadline` passed: the scenarios it names were not started, or were cancelled while a call was in flight."),
    ]

    public static func rule(_ id: String) -> RuleDescription? { rules.first { $0.id == id } }
}
