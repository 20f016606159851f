import Core
import Quickstart
import Testing
@testable import Extraction

@Suite struct ExtractorTests {
    private let commonJSCode = """
        // Greets the model.
        const { AzureOpenAI } = require("openai");
        const client = new AzureOpenAI({ apiVersion: "v" });
        client.chat.completions.create({ model: "m", messages: [] });
        module.exports = {};
        """

    private let moduleCode = """
        import { AzureOpenAI } from "openai";
        const client = new AzureOpenAI({ apiVersion: "v" });
        await client.chat.completions.create({ model: "m", messages: [] });
        """

    @Test func requireInATypeModulePackageIsAnError() {
        let setup = ExtractorFixture.sample("npm init -y\nnpm pkg set type=module\n", .shell, id: 1, line: 5)
        let code = ExtractorFixture.sample(commonJSCode, .javascript, id: 2, fileName: "app.js", line: 30)
        let extraction = Extractor().extract(ExtractorFixture.document([setup, code]))
        let mismatches = extraction.findings.filter { $0.rule == "js-module-mismatch" }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.severity == .error)
        #expect(mismatches.first?.location == ExtractorFixture.markdown(2, 25, startLine: 30))
        #expect(mismatches.first?.message.contains("guide.md:6") == true)
        #expect(mismatches.first?.pivot == "programming-language-javascript")
        #expect(extraction.samples[2]?.requests.count == 1)
    }

    @Test func packageJSONSampleWithTypeModuleCounts() {
        let package = ExtractorFixture.sample("{ \"name\": \"app\", \"type\": \"module\" }\n", .json, id: 1, fileName: "package.json", line: 5)
        let code = ExtractorFixture.sample(commonJSCode, .javascript, id: 2, fileName: "app.js", line: 30)
        let findings = Extractor().extract(ExtractorFixture.document([package, code])).findings
        #expect(findings.filter { $0.rule == "js-module-mismatch" }.count == 1)
    }

    @Test func importWithoutTypeModuleIsAWarning() {
        let setup = ExtractorFixture.sample("npm init -y\nnpm install openai\n", .shell, id: 1, line: 5)
        let code = ExtractorFixture.sample(moduleCode, .javascript, id: 2, fileName: "app.js", line: 30)
        let findings = Extractor().extract(ExtractorFixture.document([setup, code])).findings.filter { $0.rule == "js-module-mismatch" }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.location == ExtractorFixture.markdown(1, 1, startLine: 30))
    }

    @Test func matchingModuleSystemsAndTypeScriptAreQuiet() {
        let setup = ExtractorFixture.sample("npm pkg set type=module\n", .shell, id: 1, line: 5)
        let esm = ExtractorFixture.sample(moduleCode, .javascript, id: 2, fileName: "app.js", line: 30)
        let ts = ExtractorFixture.sample(commonJSCode, .typescript, id: 3, fileName: "app.ts", line: 50)
        let cjsFile = ExtractorFixture.sample(commonJSCode, .javascript, id: 4, fileName: "tool.cjs", line: 70)
        let findings = Extractor().extract(ExtractorFixture.document([setup, esm, ts, cjsFile])).findings
        #expect(findings.filter { $0.rule == "js-module-mismatch" }.isEmpty)
        // A document without any package setup says nothing about module types.
        let lone = Extractor().extract(ExtractorFixture.document([ExtractorFixture.sample(commonJSCode, .javascript, id: 1)])).findings
        #expect(lone.filter { $0.rule == "js-module-mismatch" }.isEmpty)
    }

    @Test func apiCallWithoutExtractableRequestIsReported() {
        let code = ExtractorFixture.sample("""
            const { OpenAIClient } = require("@azure/openai");
            const client = new OpenAIClient(process.env.E);
            client.beginAzureBatchImageGeneration("d", "a dog");
            """, .javascript, id: 7, fileName: "old.js", line: 40)
        let extraction = Extractor().extract(ExtractorFixture.document([code]))
        let unextracted = extraction.findings.filter { $0.rule == "request-unextracted" }
        #expect(unextracted.count == 1)
        #expect(unextracted.first?.location == code.location)
        #expect(unextracted.first?.severity == .warning)
        #expect(extraction.samples[7]?.callsAPI == true)
    }

    /// A Realtime API session is a WebSocket: docverify's limit, so a note, not a warning.
    @Test func aRealtimeWebSocketSessionIsANote() {
        let code = ExtractorFixture.sample("""
            import os, asyncio
            from openai import AsyncOpenAI

            async def talk():
                base = os.environ["SERVICE_URL"].replace("https://", "wss://") + "/openai/v1"
                client = AsyncOpenAI(websocket_base_url=base, api_key=os.environ["SERVICE_KEY"])
                async with client.realtime.connect(model="my-voice-model") as session:
                    await session.response.create()

            asyncio.run(talk())
            """, .python, id: 4, fileName: "talk.py", line: 12)
        let findings = Extractor().extract(ExtractorFixture.document([code])).findings.filter { $0.rule == "request-unextracted" }
        #expect(findings.map(\.severity) == [.note])
        #expect(findings.first?.message.contains("WebSocket") == true)
        // The same client calling an SDK method docverify lacks is still a warning.
        let other = ExtractorFixture.sample("""
            import os
            from openai import OpenAI
            client = OpenAI(base_url=os.environ["SERVICE_URL"], api_key=os.environ["SERVICE_KEY"])
            client.some.future.method(x=1)
            """, .python, id: 5, fileName: "other.py", line: 12)
        let warnings = Extractor().extract(ExtractorFixture.document([other])).findings.filter { $0.rule == "request-unextracted" }
        #expect(warnings.map(\.severity) == [.warning])
        // JavaScript: the openai package's Realtime WebSocket client.
        let js = ExtractorFixture.sample("""
            import OpenAI from "openai";
            import { OpenAIRealtimeWS } from "openai/realtime/ws";
            const client = new OpenAI({ baseURL: process.env.SERVICE_URL, apiKey: process.env.SERVICE_KEY });
            const session = await OpenAIRealtimeWS.create(client, { model: "my-voice-model" });
            session.send({ type: "response.create" });
            """, .javascript, id: 6, fileName: "talk.mjs", line: 12)
        let jsFindings = Extractor().extract(ExtractorFixture.document([js])).findings.filter { $0.rule == "request-unextracted" }
        #expect(jsFindings.map(\.severity) == [.note])
    }

    @Test func syntaxErrorsAreNotAlsoUnextracted() {
        let code = ExtractorFixture.sample("const { AzureOpenAI } = require(\"openai\")\nconst c = new AzureOpenAI({ a b });\n", .javascript, id: 3)
        let extraction = Extractor().extract(ExtractorFixture.document([code]))
        #expect(extraction.findings.filter { $0.rule == "request-unextracted" }.isEmpty)
        #expect(extraction.allFindings.map(\.rule) == ["js-syntax"])
        #expect(extraction.allFindings.first?.pivot == "programming-language-javascript")
    }

    @Test func samplesWithoutFrontEndOrAPIAreQuiet() {
        let shell = ExtractorFixture.sample("az login\n", .shell, id: 1)
        let other = ExtractorFixture.sample("print('hi')\n", .python, id: 2)
        let extraction = Extractor().extract(ExtractorFixture.document([shell, other]))
        #expect(extraction.allFindings.isEmpty)
        #expect(extraction.samples.count == 2)
    }

    @Test func curlBodyFileCreatedByAnEarlierStep() {
        let body = ExtractorFixture.sample("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n", .json, id: 1, stepText: "Create a file named `body.json`:", line: 5)
        let call = ExtractorFixture.sample("curl \"$E/openai/deployments/d/chat/completions\" -H \"api-key: $K\" -d @body.json\n", .shell, id: 2, line: 20)
        let extraction = Extractor().extract(ExtractorFixture.document([body, call]))
        let request = extraction.samples[2]?.requests.first
        #expect(ExtractorFixture.dig(request?.body, "messages", 0, "content") == .string("Hi"))
        #expect(extraction.samples[2]?.reads.map(\.path) == ["body.json"])
        #expect(extraction.allFindings.isEmpty)
    }
}
