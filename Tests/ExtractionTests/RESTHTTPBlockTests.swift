import Core
import Testing
@testable import Extraction

@Suite struct RESTHTTPBlockTests {
    private let requestLine = """
        POST https://{your-resource}.openai.azure.com/openai/deployments/{deployment-id}/chat/completions?api-version=2024-10-21
        Content-Type: application/json
        api-key: {{$processEnv AZURE_OPENAI_API_KEY}}
        """

    @Test func bodyComesFromTheFollowingJSONFence() {
        let body = ExtractorFixture.sample("{\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]\n}\n", .json, id: 2, line: 20)
        let result = ExtractorFixture.rest(requestLine, .http, next: body)
        #expect(result.findings.isEmpty)
        #expect(result.callsAPI)
        guard let request = result.requests.first else {
            Issue.record("no request")
            return
        }
        #expect(request.client == .httpBlock)
        #expect(request.method == "POST")
        #expect(request.endpoint == .template([.literal("https://"), .placeholder(.unknown("{your-resource}")), .literal(".openai.azure.com")]))
        #expect(request.deployment == .placeholder(.unknown("{deployment-id}")))
        #expect(request.query["api-version"] == .string("2024-10-21"))
        #expect(request.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
        #expect(request.auth == .apiKey)
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "role") == .string("user"))
    }

    @Test func inlineBodyAfterBlankLine() {
        let result = ExtractorFixture.rest(requestLine + "\n\n{\"messages\": []}\n", .http)
        #expect(result.requests.first?.body == .object(["messages": .array([])]))
    }

    @Test func invalidFollowingBodyIsReportedInTheJSONFence() {
        let body = ExtractorFixture.sample("{\n  \"messages\": [],\n}\n", .json, id: 2, line: 20)
        let result = ExtractorFixture.rest(requestLine, .http, next: body)
        #expect(result.requests.isEmpty)
        #expect(result.findings.map(\.rule) == ["json-invalid"])
        #expect(result.findings.first?.location == ExtractorFixture.markdown(3, 1, startLine: 20))
        // The fence itself stays quiet: the block reported it.
        let request = ExtractorFixture.sample(requestLine, .http)
        let fence = JSONFenceFrontEnd().extract(body, context: FrontEndContext(previous: request))
        #expect(fence.findings.isEmpty)
    }

    @Test func standaloneJSONFenceIsValidated() {
        let bad = ExtractorFixture.sample("{\n  \"a\": 1\n  \"b\": 2\n}\n", .json)
        let result = JSONFenceFrontEnd().extract(bad, context: FrontEndContext())
        #expect(result.findings.map(\.rule) == ["json-invalid"])
        #expect(result.findings.first?.location == ExtractorFixture.markdown(3, 3))
        #expect(result.findings.first?.severity == .error)
    }

    /// Prose about one field shows just that member, or one element with its list's comma: a piece
    /// of a body, not a document. Saved as a file, the same piece is still an error.
    @Test func piecesOfAJSONBodyAreNotInvalid() {
        let member = "\"temperature\": {\n  \"type\": \"number\",\n  \"minimum\": 0\n},\n"
        let element = "{\"role\": \"assistant\", \"content\": \"Hello\"},\n"
        // An excerpt of an answer that stops before its object ends.
        let excerpt = "  \"totals\": {\n    \"spent\": 7,\n    \"detail\": {\n      \"kept\": 2\n    }\n"
        // Members between lines that say the rest was left out.
        let elided = "...\n\"kind\": \"picture\",\n\"picture\": {\n  \"href\": \"https://example.test/a.png\"\n}\n...\n"
        // A whole answer with one value left out in place.
        let inPlace = "{\n  \"id\": \"x\",\n  \"items\": [...],\n  \"meta\": {...}\n}\n"
        for code in [member, element, excerpt, elided, inPlace] {
            let piece = ExtractorFixture.sample(code, .json)
            #expect(JSONFenceFrontEnd().extract(piece, context: FrontEndContext()).findings.isEmpty, "\(code)")
        }
        let saved = ExtractorFixture.sample(member, .json, fileName: "schema.json")
        #expect(JSONFenceFrontEnd().extract(saved, context: FrontEndContext()).findings.map(\.rule) == ["json-invalid"])
        // A member piece with its own mistake is still reported.
        let broken = ExtractorFixture.sample("\"temperature\": {\"type\": \"number\" \"minimum\": 0},\n", .json)
        #expect(JSONFenceFrontEnd().extract(broken, context: FrontEndContext()).findings.map(\.rule) == ["json-invalid"])
    }

    /// A program's printed text and then its JSON, fenced as `json` under an output heading: a
    /// note about the fence's language, not an error; JSON that breaks after its start still is.
    @Test func printedTextBeforeJSONIsANote() throws {
        let printed = ExtractorFixture.sample("title='Kite' colors=['red']\n{\n  \"title\": \"Kite\"\n}\n", .json)
        let result = JSONFenceFrontEnd().extract(printed, context: FrontEndContext())
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.rule == "json-invalid" && finding.severity == .note)
        #expect(finding.message.contains("1 line(s) of other text"))
        let broken = ExtractorFixture.sample("title='Kite'\n{\n  \"title\": \"Kite\"\n  \"size\": 2\n}\n", .json)
        #expect(JSONFenceFrontEnd().extract(broken, context: FrontEndContext()).findings.map(\.severity) == [.error])
    }

    @Test func jsonWithCommentsFilesAreNotErrors() {
        let code = "{\n  \"compilerOptions\": {\n    \"strict\": true, // checks\n  },\n}\n"
        let tsconfig = ExtractorFixture.sample(code, .json, stepText: "Create the `tsconfig.json` file with this content.")
        #expect(JSONFenceFrontEnd().extract(tsconfig, context: FrontEndContext()).findings.isEmpty)
        let named = ExtractorFixture.sample(code, .json, fileName: ".vscode/settings.json")
        #expect(JSONFenceFrontEnd().extract(named, context: FrontEndContext()).findings.isEmpty)
        let jsonc = ExtractorFixture.sample(code, .jsonc)
        #expect(JSONFenceFrontEnd().extract(jsonc, context: FrontEndContext()).findings.isEmpty)
        // The same text in a plain JSON file is an error.
        let plain = ExtractorFixture.sample(code, .json, fileName: "config.json")
        #expect(JSONFenceFrontEnd().extract(plain, context: FrontEndContext()).findings.map(\.rule) == ["json-invalid"])
    }

    @Test func jsonLinesInAJSONFenceAreValid() {
        let lines = "{\"prompt\": \"one\", \"n\": 1}\n{\"prompt\": \"two\", \"n\": 2}\n"
        #expect(JSONFenceFrontEnd().extract(ExtractorFixture.sample(lines, .json), context: FrontEndContext()).findings.isEmpty)
        // One line broken: still an error.
        let broken = "{\"prompt\": \"one\"}\n{\"prompt\": \"two\",}\n"
        #expect(JSONFenceFrontEnd().extract(ExtractorFixture.sample(broken, .json), context: FrontEndContext()).findings.map(\.severity) == [.error])
    }

    @Test func printedOutputAndIllustrationsAreNotErrors() {
        // A program's printed output: JSON, then a line of text.
        let printed = ExtractorFixture.sample("{\"id\": \"x\"}\nDone in 2 s\n", .json, stepText: "Output:")
        #expect(JSONFenceFrontEnd().extract(printed, context: FrontEndContext()).findings.isEmpty)
        // A shape with elided values: a note. Valid members shown alone: nothing to say.
        let elided = ExtractorFixture.sample("{\n  \"items\": [...],\n  \"name\": ...\n}\n", .json, stepText: "The format is:")
        let shape = JSONFenceFrontEnd().extract(elided, context: FrontEndContext()).findings
        #expect(shape.map(\.severity) == [.note] && shape.first?.message.contains("elided") == true)
        let fragment = ExtractorFixture.sample("\"errors\": {\n  \"code\": \"bad\"\n},\n", .json, stepText: "The job reports:")
        #expect(JSONFenceFrontEnd().extract(fragment, context: FrontEndContext()).findings.isEmpty)
        // The same elided text in a file the reader saves is still an error.
        let file = ExtractorFixture.sample("{\n  \"items\": [...]\n}\n", .json, fileName: "settings.json")
        #expect(JSONFenceFrontEnd().extract(file, context: FrontEndContext()).findings.map(\.severity) == [.error])
    }

    @Test func urlTemplateSplitting() {
        let url = RESTURLTemplate.split([
            .placeholder(.environment(name: "E", fallback: nil)), .literal("/openai/deployments/"),
            .placeholder(.environment(name: "D", fallback: nil)), .literal("/chat/completions?api-version=v1&x=1"),
        ])
        #expect(url.endpoint == .placeholder(.environment(name: "E", fallback: nil)))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.deployment == .placeholder(.environment(name: "D", fallback: nil)))
        #expect(url.query == ["api-version": .string("v1"), "x": .string("1")])
    }

    @Test func endpointVariableWithTrailingSlash() {
        let url = RESTURLTemplate.split([.placeholder(.environment(name: "E", fallback: nil)), .literal("openai/deployments/d/chat/completions")])
        #expect(url.endpoint == .placeholder(.environment(name: "E", fallback: nil)))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.deployment == .string("d"))
        let literal = RESTURLTemplate.split([.literal("https://h.invalid:8443/openai/x?a=1#frag")])
        #expect(literal.endpoint == .string("https://h.invalid:8443"))
        #expect(literal.path == "/openai/x")
        #expect(literal.query == ["a": .string("1")])
    }
}
