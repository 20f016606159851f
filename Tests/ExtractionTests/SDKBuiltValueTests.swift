import Core
import Testing
@testable import Extraction

/// SDK helpers that build part of a request from the sample's own types (issue 8 §3).
@Suite("SDK-built values: pydantic classes and zod helpers")
struct SDKBuiltValueTests {
    private let pythonClient = """
    import os
    import openai
    from pydantic import BaseModel
    from openai import AzureOpenAI
    client = AzureOpenAI(azure_endpoint=os.environ["E"], api_key=os.environ["K"], api_version="2024-10-21")

    """

    private func python(_ code: String) -> SampleExtraction { PythonFrontEnd().extract(pythonSample(pythonClient + code)) }

    @Test func parseWithAPydanticClassSendsItsStrictJSONSchema() throws {
        let x = python("""
        class Event(BaseModel):
            \"\"\"One event.\"\"\"
            name: str
            order_id: int
            tags: list[str]

        client.beta.chat.completions.parse(model="gpt-4o", messages=[], response_format=Event)
        """)
        let request = try #require(x.requests.first)
        let format = ExtractorFixture.dig(request.body, "response_format")
        #expect(ExtractorFixture.dig(format, "type") == .string("json_schema"))
        #expect(ExtractorFixture.dig(format, "json_schema", "name") == .string("Event"))
        #expect(ExtractorFixture.dig(format, "json_schema", "strict") == .bool(true))
        let schema = try #require(ExtractorFixture.dig(format, "json_schema", "schema")?.jsonValue)
        #expect(schema == (try JSONValue.parse("""
        {"title": "Event", "type": "object", "additionalProperties": false,
         "required": ["name", "order_id", "tags"],
         "properties": {"name": {"title": "Name", "type": "string"},
                        "order_id": {"title": "Order Id", "type": "integer"},
                        "tags": {"title": "Tags", "type": "array", "items": {"type": "string"}}}}
        """)))
    }

    @Test func aModelDocverifyCannotReadKeepsAnUnknownSchemaInTheRightShape() throws {
        let x = python("""
        from pydantic import Field
        class Event(BaseModel):
            name: str = Field(description="The name")

        client.beta.chat.completions.parse(model="gpt-4o", messages=[], response_format=Event)
        """)
        let request = try #require(x.requests.first)
        #expect(ExtractorFixture.dig(request.body, "response_format", "json_schema", "name") == .string("Event"))
        if case .placeholder(.unknown)? = ExtractorFixture.dig(request.body, "response_format", "json_schema", "schema") {} else {
            Issue.record("expected an unknown schema")
        }
    }

    @Test func pydanticFunctionToolIsAStrictFunctionTool() throws {
        let x = python("""
        class GetWeather(BaseModel):
            city: str

        tools = [openai.pydantic_function_tool(GetWeather, description="Weather now")]
        client.chat.completions.create(model="gpt-4o", messages=[], tools=tools)
        """)
        let request = try #require(x.requests.first)
        let function = ExtractorFixture.dig(request.body, "tools", 0, "function")
        #expect(ExtractorFixture.dig(request.body, "tools", 0, "type") == .string("function"))
        #expect(ExtractorFixture.dig(function, "name") == .string("GetWeather"))
        #expect(ExtractorFixture.dig(function, "description") == .string("Weather now"))
        #expect(ExtractorFixture.dig(function, "strict") == .bool(true))
        #expect(ExtractorFixture.dig(function, "parameters", "required") == .array([.string("city")]))
    }

    @Test func zodHelpersBuildTheShapeAroundAnUnknownSchema() throws {
        let x = ExtractorFixture.javascript("""
        import { AzureOpenAI } from "openai";
        import { zodResponseFormat, zodFunction } from "openai/helpers/zod";
        import { z } from "zod";
        const client = new AzureOpenAI({ endpoint: process.env.E, apiKey: process.env.K, apiVersion: "2024-10-21", deployment: "gpt-4o" });
        const Answer = z.object({ final_answer: z.string() });
        await client.beta.chat.completions.parse({
          model: "gpt-4o",
          messages: [{ role: "user", content: "Hi" }],
          response_format: zodResponseFormat(Answer, "answer"),
          tools: [zodFunction({ name: "lookup", parameters: Answer })],
        });
        """)
        let request = try #require(x.requests.first)
        #expect(ExtractorFixture.dig(request.body, "response_format", "type") == .string("json_schema"))
        #expect(ExtractorFixture.dig(request.body, "response_format", "json_schema", "name") == .string("answer"))
        #expect(ExtractorFixture.dig(request.body, "tools", 0, "function", "name") == .string("lookup"))
        if case .placeholder(.unknown)? = ExtractorFixture.dig(request.body, "tools", 0, "function", "parameters") {} else {
            Issue.record("expected unknown parameters")
        }
    }

    @Test func aPydanticClassGivenToCreateIsWhatTheSDKRefuses() throws {
        let x = python("""
        class Event(BaseModel):
            name: str

        client.chat.completions.create(model="gpt-4o", messages=[], response_format=Event)
        """)
        #expect(x.findings.count == 1)
        let finding = try #require(x.findings.first)
        #expect(finding.rule == "request-invalid" && finding.severity == .error)
        #expect(finding.message.contains("parse("))
        // Code line 9 (after five set-up lines and the class) is Markdown line 19.
        #expect(finding.location.line == 19)
        // A parse() call with the same class is clean.
        #expect(python("""
        class Event(BaseModel):
            name: str

        client.beta.chat.completions.parse(model="gpt-4o", messages=[], response_format=Event)
        """).findings.isEmpty)
    }
}
