import Core
import Extraction
import Requests
import Testing
@testable import Spec

@Suite struct FormBodyTests {
    static let spec = #"""
    {"openapi": "3.0.0", "info": {"version": "2031-02-03-preview"}, "servers": [{"url": "https://{endpoint}/openai"}],
     "paths": {"/deployments/{deployment-id}/audio/transcriptions": {"post": {
       "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
         "file": {"type": "string", "format": "binary"},
         "response_format": {"type": "string", "enum": ["json", "text", "srt", "verbose_json", "vtt"]},
         "temperature": {"type": "number"},
         "timestamp_granularities[]": {"type": "array", "items": {"type": "string", "enum": ["word", "segment"]}}}}}}},
       "responses": {"200": {"description": "OK"}}}}}}
    """#

    func findings(_ parts: [MultipartPart]) throws -> [Finding] {
        var extracted = ExtractedRequest(
            location: SourceLocation(file: "page.md", line: 12), client: .curl,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: "/openai/deployments/{deployment}/audio/transcriptions", deployment: .string("whisper"),
            query: ["api-version": .string("2031-02-03-preview")], auth: .apiKey, body: nil)
        extracted.multipart = parts
        let request = BuiltRequest(extracted: extracted, request: nil)
        return SpecRequestChecks.check([request], specs: SpecSet([try SpecLoader.parse(Self.spec, file: "t.json")]))
    }

    let file = MultipartPart(name: "file", value: .placeholder(.file(path: "a.wav", encoding: .binary)), filename: "a.wav")

    @Test func formTextReadsAsTheSchemaType() throws {
        #expect(try findings([
            file, MultipartPart(name: "temperature", value: .string("0.2")), MultipartPart(name: "response_format", value: .string("srt")),
            MultipartPart(name: "timestamp_granularities[]", value: .string("word")), MultipartPart(name: "model", value: .string("whisper")),
        ]).isEmpty)
    }

    @Test func formValuesAreChecked() throws {
        let found = try findings([
            MultipartPart(name: "response_format", value: .string("docx")), MultipartPart(name: "temperature", value: .string("warm")),
        ])
        #expect(found.map(\.rule).sorted() == ["spec-enum-violation", "spec-required", "spec-type"])
    }
}
