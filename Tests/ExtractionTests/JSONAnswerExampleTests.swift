import Core
import Testing
import Quickstart
@testable import Extraction

/// A `json` fence showing what the service answers (an id it handed out, `object`, `created_at`,
/// `status: completed`) is an example of the answer: nobody sends or saves it, so a slip in it
/// (a trailing comma) is a note. A body or a saved file with the same slip stays an error.
@Suite struct JSONAnswerExampleTests {
    private func severities(_ sample: CodeSample) -> [Severity] {
        JSONFenceFrontEnd().extract(sample, context: FrontEndContext()).findings.filter { $0.rule == "json-invalid" }.map(\.severity)
    }

    private let answer = """
        [
          {"id": "ws_42", "type": "lookup_call", "status": "completed"},
          {
            "id": "msg_42", "type": "message",
            "content": [{"type": "output_text", "text": "Kites fly best in steady wind."}],
          }
        ]
        """

    @Test func anAnswerShownAsAnExampleIsANote() throws {
        let result = JSONFenceFrontEnd().extract(ExtractorFixture.sample(answer, .json), context: FrontEndContext())
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.severity == .note)
        #expect(finding.message.contains("answer the service returns"))
    }

    @Test func aResourceManagerAnswerIsANoteButItsRequestBodyStaysAnError() {
        // What a management PUT returns: the resource's full id, its state and etag.
        let resource = """
            {
              "id": "/subscriptions/0000/resourceGroups/kites/providers/Microsoft.CognitiveServices/accounts/a/deployments/d",
              "sku": {"name": "Standard", "capacity": 5},
              "properties": {"currentCapacity": 5
                "provisioningState": "Updating"},
              "etag": "\\"tag\\""
            }
            """
        #expect(severities(ExtractorFixture.sample(resource, .json)) == [.note])
        let body = "{\n  \"sku\": {\"name\": \"Standard\", \"capacity\": 5}\n  \"properties\": {}\n}\n"
        #expect(severities(ExtractorFixture.sample(body, .json)) == [.error])
    }

    @Test func aBodyOrAFileWithTheSameSlipIsAnError() {
        let body = "{\n  \"model\": \"kite-writer\",\n  \"input\": [{\"role\": \"user\", \"content\": \"Hi\"},]\n}\n"
        #expect(severities(ExtractorFixture.sample(body, .json)) == [.error])
        #expect(severities(ExtractorFixture.sample(answer, .json, fileName: "reply.json")) == [.error])
        // One answer-like member alone is not enough to call it an answer.
        let single = "{\n  \"status\": \"completed\",\n  \"note\": \"done\",\n}\n"
        #expect(severities(ExtractorFixture.sample(single, .json)) == [.error])
    }
}

/// A reference's shape in a `json` fence, with type names where values go (`"name": string`,
/// `Message[]`, `dict[str, Grader]`): a specification to read, not JSON to send; a note.
@Suite struct JSONTypeSpecificationTests {
    private func severities(_ code: String, fileName: String? = nil) -> [Severity] {
        JSONFenceFrontEnd().extract(ExtractorFixture.sample(code, .json, fileName: fileName), context: FrontEndContext())
            .findings.filter { $0.rule == "json-invalid" }.map(\.severity)
    }

    @Test func typeNamesInPlaceOfValuesAreANote() {
        #expect(severities("{\n  \"type\": \"kite_check\",\n  \"name\": string,\n  \"mode\": \"eq\" | \"ne\"\n}\n") == [.note])
        #expect(severities("{\n  \"type\": \"kite_model\",\n  \"input\": Message[],\n  \"range\": number[]\n}\n") == [.note])
        #expect(severities("{\n  \"type\": \"multi\",\n  \"graders\": dict[str, Grader]\n}\n") == [.note])
    }

    @Test func otherBareWordsAndSavedFilesStayErrors() {
        // A misspelt literal or an unquoted value is a real mistake.
        #expect(severities("{\n  \"stream\": ture\n}\n") == [.error])
        #expect(severities("{\n  \"color\": red\n}\n") == [.error])
        #expect(severities("{\n  \"name\": string\n}\n", fileName: "grader.json") == [.error])
    }
}

/// An expanded training example followed by its JSON Lines entry: the reader saves the line; a
/// slip in the expanded copy is a warning, not an error. Without a valid line after it, an error.
@Suite struct ExpandedJSONLinesExampleTests {
    private let expanded = "{\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"Kite?\"}\n    {\"role\": \"assistant\", \"content\": \"Red.\"}\n  ]\n}\n"

    @Test func aSlipInTheExpandedCopyIsAWarning() {
        let line = CodeSample(
            id: 2, language: .other, infoString: "jsonl",
            code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Kite?\"}, {\"role\": \"assistant\", \"content\": \"Red.\"}]}\n",
            location: SourceLocation(file: "doc.md", line: 30, column: 1), codeStartLine: 31, codeStartColumn: 1)
        let result = JSONFenceFrontEnd().extract(ExtractorFixture.sample(expanded, .json), context: FrontEndContext(next: line))
        #expect(result.findings.map(\.severity) == [.warning])
        #expect(result.findings.first?.message.contains("JSON Lines entry after it") == true)
    }

    @Test func withoutAValidLineAfterItStaysAnError() {
        let broken = CodeSample(
            id: 2, language: .other, infoString: "jsonl", code: "{\"messages\": [}\n",
            location: SourceLocation(file: "doc.md", line: 30, column: 1), codeStartLine: 31, codeStartColumn: 1)
        let result = JSONFenceFrontEnd().extract(ExtractorFixture.sample(expanded, .json), context: FrontEndContext(next: broken))
        #expect(result.findings.map(\.severity) == [.error])
        #expect(JSONFenceFrontEnd().extract(ExtractorFixture.sample(expanded, .json), context: FrontEndContext()).findings.map(\.severity) == [.error])
    }
}

/// A `json` fence a page introduces with "here's what it looks like" after telling the reader to
/// switch a tool's view on shows what the tool displays: nobody saves or sends it, so a slip in
/// it is left alone. Without that introduction the same slip is still an error.
@Suite struct JSONShownByAToolTests {
    private let shown = "[\n  {\n    \"role\": \"system\",\n    \"content\": [\"You help people find kites.\"]\n  },\n]\n"

    private func severities(_ stepText: String?) -> [Severity] {
        JSONFenceFrontEnd().extract(ExtractorFixture.sample(shown, .json, stepText: stepText), context: FrontEndContext())
            .findings.filter { $0.rule == "json-invalid" }.map(\.severity)
    }

    @Test func whatTheToolShowsIsNotJudged() {
        #expect(severities("Turn on the raw view switch to see the session as JSON. Here's what it looks like at the start:").isEmpty)
    }

    @Test func theSameSlipWithoutTheIntroductionIsAnError() {
        #expect(severities(nil) == [.error])
        #expect(severities("Send the following messages:") == [.error])
    }
}
