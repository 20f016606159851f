import Core
import Testing
@testable import Extraction

@Suite struct JavaScriptEvaluatorTests {
    private let keyClient = """
        const { AzureOpenAI } = require("openai");
        const endpoint = process.env["MY_ENDPOINT"] || "https://example.invalid";
        const apiKey = process.env.MY_KEY;
        const apiVersion = "2024-10-21";
        const client = new AzureOpenAI({ endpoint, apiKey, apiVersion, deployment: "my-model" });

        """

    @Test func environmentFallbackAndShorthandClientOptions() {
        let result = ExtractorFixture.javascript(keyClient + """
            async function main() {
              const reply = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "Hi" }] });
            }
            main();
            """)
        #expect(result.findings.isEmpty)
        #expect(result.callsAPI)
        #expect(result.requests.count == 1)
        let request = result.requests[0]
        #expect(request.client == .javascriptOpenAI)
        #expect(request.endpoint == .placeholder(.environment(name: "MY_ENDPOINT", fallback: "https://example.invalid")))
        #expect(request.query["api-version"] == .string("2024-10-21"))
        #expect(request.deployment == .string("my-model"))
        #expect(request.headers["api-key"] == .placeholder(.environment(name: "MY_KEY", fallback: nil)))
        #expect(request.auth == .apiKey)
        #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "content") == .string("Hi"))
        #expect(request.location == ExtractorFixture.markdown(7, 47))
    }

    @Test func tokenProviderMeansBearerAuth() {
        let result = ExtractorFixture.javascript("""
            import { AzureOpenAI } from "openai";
            import { DefaultAzureCredential, getBearerTokenProvider } from "@azure/identity";
            const azureADTokenProvider = getBearerTokenProvider(new DefaultAzureCredential(), "scope");
            const getClient = (): AzureOpenAI => {
              return new AzureOpenAI({ endpoint: process.env.E!, azureADTokenProvider, apiVersion: "v1" });
            };
            const client = getClient();
            await client.chat.completions.create({ model: "m", messages: [] });
            """, .typescript)
        #expect(result.findings.isEmpty)
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.auth == .bearer)
        #expect(result.requests.first?.headers["api-key"] == nil)
        #expect(result.requests.first?.headers["authorization"] == .template([.literal("Bearer "), .placeholder(.credential(.bearerToken))]))
    }

    @Test func pushBetweenCallsIsSnapshottedPerCall() {
        let result = ExtractorFixture.javascript(keyClient + """
            const messages = [{ role: "user", content: "first" }];
            const first = await client.chat.completions.create({ model: "m", messages });
            messages.push({ role: "assistant", audio: { id: first.choices[0].message.audio.id } });
            messages.push({ role: "user", content: "second" });
            const second = await client.chat.completions.create({ model: "m", messages: messages });
            console.log(second.choices[0].message.content);
            """)
        #expect(result.requests.count == 2)
        guard result.requests.count == 2 else { return }
        #expect(ExtractorFixture.dig(result.requests[0].body, "messages") == .array([.object(["role": .string("user"), "content": .string("first")])]))
        let later = ExtractorFixture.dig(result.requests[1].body, "messages")
        #expect(ExtractorFixture.dig(later, 1, "audio", "id") == .placeholder(.response(call: 0, path: "choices[0].message.audio.id")))
        #expect(ExtractorFixture.dig(later, 2, "content") == .string("second"))
        #expect(result.responseReads.map(\.path) == ["choices[0].message.audio.id", "choices[0].message.content"])
        #expect(result.responseReads.map(\.call) == [0, 1])
    }

    @Test func fileReadBase64AndFileWrite() {
        let result = ExtractorFixture.javascript(keyClient + """
            const fs = require("fs").promises;
            const { writeFileSync } = require("node:fs");
            async function main() {
              const bytes = await fs.readFile("in.wav");
              const encoded = Buffer.from(bytes).toString("base64");
              const reply = await client.chat.completions.create({
                model: "m",
                messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: encoded, format: "wav" } }] }],
              });
              writeFileSync("out.wav", Buffer.from(reply.choices[0].message.audio.data, "base64"));
            }
            main().catch((err) => console.error(err));
            module.exports = { main };
            """)
        #expect(result.findings.isEmpty)
        #expect(result.requests.count == 1)
        let part = ExtractorFixture.dig(result.requests.first?.body, "messages", 0, "content", 0, "input_audio", "data")
        #expect(part == .placeholder(.file(path: "in.wav", encoding: .base64)))
        #expect(result.reads.map(\.path) == ["in.wav"])
        #expect(result.writes.map(\.path) == ["out.wav"])
        #expect(result.writes.first?.location == ExtractorFixture.markdown(15, 3))
        #expect(result.responseReads.map(\.path) == ["choices[0].message.audio.data"])
    }

    @Test func readFileSyncWithEncodingOption() {
        let result = ExtractorFixture.javascript(keyClient + """
            import { readFileSync } from "fs";
            const data = readFileSync("a.wav", { encoding: "base64" });
            client.chat.completions.create({ model: "m", messages: [{ role: "user", content: data }] });
            """)
        #expect(ExtractorFixture.dig(result.requests.first?.body, "messages", 0, "content") == .placeholder(.file(path: "a.wav", encoding: .base64)))
    }

    @Test func keylessWithoutKeyUsesEnvironmentKeyDefault() {
        let result = ExtractorFixture.javascript("""
            const { AzureOpenAI } = require("openai");
            const client = new AzureOpenAI({ apiVersion: "v" });
            client.chat.completions.create({ model: "dep", messages: [] });
            """)
        #expect(result.requests.first?.auth == .apiKey)
        #expect(result.requests.first?.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
        #expect(result.requests.first?.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(result.requests.first?.deployment == .string("dep"))
    }

    @Test func fetchWithJSONStringifyBody() {
        let result = ExtractorFixture.javascript("""
            const endpoint = process.env.AZURE_OPENAI_ENDPOINT;
            const url = `${endpoint}/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview`;
            const body = { messages: [{ role: "user", content: "Hi" }] };
            fetch(url, {
              method: "post",
              headers: { "Content-Type": "application/json", "api-key": process.env.KEY },
              body: JSON.stringify(body),
            }).then((r) => r.json()).then((data) => console.log(data.choices[0].message.content));
            """)
        #expect(result.findings.isEmpty)
        #expect(result.requests.count == 1)
        guard let request = result.requests.first else { return }
        #expect(request.client == .javascriptFetch)
        #expect(request.method == "POST")
        #expect(request.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(request.deployment == .string("gpt-4o"))
        #expect(request.query == ["api-version": .string("2025-01-01-preview")])
        #expect(request.headers["content-type"] == .string("application/json"))
        #expect(request.auth == .apiKey)
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "content") == .string("Hi"))
        #expect(result.responseReads.map(\.path) == ["choices[0].message.content"])
    }

    @Test func jsonStringifyInsideABodyIsAString() {
        let result = ExtractorFixture.javascript(keyClient + """
            const weather = { city: "Paris", celsius: 21 };
            await client.chat.completions.create({ model: "m", messages: [
              { role: "tool", tool_call_id: "call_1", content: JSON.stringify(weather) },
              { role: "user", content: JSON.stringify({ key: process.env.KEY }) },
            ] });
            """)
        #expect(result.requests.count == 1)
        let request = result.requests.first
        // Same text as Python's json.dumps gives in docverify, so the two pivots compare equal.
        #expect(ExtractorFixture.dig(request?.body, "messages", 0, "content") == .string(#"{"celsius":21,"city":"Paris"}"#))
        if case .placeholder(.unknown)? = ExtractorFixture.dig(request?.body, "messages", 1, "content") {} else {
            Issue.record("a JSON.stringify of run-time values should be an unknown string")
        }
    }

    @Test func functionNeverCalledIsStillEvaluated() {
        let result = ExtractorFixture.javascript(keyClient + """
            export async function main() {
              await client.chat.completions.create({ model: "m", messages: [] });
            }
            """)
        #expect(result.requests.count == 1)
    }

    @Test func conditionalOnResponseTakesTheHappyPath() {
        let result = ExtractorFixture.javascript(keyClient + """
            const r = await client.chat.completions.create({ model: "m", messages: [] });
            const history = { role: "assistant", audio: r.choices[0].message.audio ? { id: r.choices[0].message.audio.id } : undefined };
            if (r.choices[0].message.audio) { require("fs").writeFileSync("x.wav", "") } else { console.error("none") }
            """, .typescript)
        #expect(result.writes.map(\.path) == ["x.wav"])
        #expect(result.responseReads.map(\.path).contains("choices[0].message.audio.id"))
    }

    @Test func syntaxErrorIsAFindingAtTheMarkdownPosition() {
        let result = ExtractorFixture.javascript("const a = {\n  b: 1\n  c: 2\n};\nfetch(a);\n")
        #expect(result.requests.isEmpty)
        #expect(result.callsAPI)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.rule == "js-syntax")
        #expect(result.findings.first?.location == ExtractorFixture.markdown(3, 3))
        let ts = ExtractorFixture.javascript("let x: = 1", .typescript)
        #expect(ts.findings.first?.rule == "ts-syntax")
        #expect(ts.findings.first?.location == ExtractorFixture.markdown(1, 8))
    }

    @Test func axiosPostAndResponseData() {
        let result = ExtractorFixture.javascript("""
            import axios from "axios";
            const res = await axios.post(`${process.env.E}/openai/deployments/d/chat/completions?api-version=v`,
              { messages: [] }, { headers: { "api-key": process.env.K } });
            console.log(res.data.choices[0].message.content);
            """)
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.method == "POST")
        #expect(result.requests.first?.auth == .apiKey)
        #expect(result.requests.first?.body == .object(["messages": .array([])]))
        #expect(result.responseReads.map(\.path) == ["choices[0].message.content"])
    }

    @Test func fetchResponseStatusIsNotABodyRead() {
        let result = ExtractorFixture.javascript("""
            async function run() {
              const response = await fetch(process.env.URL, { method: "POST", body: "{\\"messages\\": []}" });
              if (!response.ok) {
                throw new Error(`failed: ${response.status}`);
              }
              const data = await response.json();
              return data.choices[0].message.content;
            }
            run();
            """)
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.body == .object(["messages": .array([])]))
        #expect(result.responseReads.map(\.path) == ["choices[0].message.content"])
    }

    @Test func retiredAzureOpenAIClient() {
        let result = ExtractorFixture.javascript("""
            const { OpenAIClient, AzureKeyCredential } = require("@azure/openai");
            const client = new OpenAIClient(process.env.E, new AzureKeyCredential(process.env.K));
            const events = await client.streamChatCompletions("dep", [{ role: "user", content: "Hi" }], { maxTokens: 5 });
            for await (const event of events) {
              for (const choice of event.choices) { console.log(choice.delta?.content); }
            }
            """)
        #expect(result.requests.count == 1)
        guard let request = result.requests.first else { return }
        #expect(request.deployment == .string("dep"))
        #expect(request.endpoint == .placeholder(.environment(name: "E", fallback: nil)))
        #expect(request.auth == .apiKey)
        #expect(ExtractorFixture.dig(request.body, "max_tokens") == .int(5))
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "content") == .string("Hi"))
        #expect(result.responseReads.map(\.path) == ["choices", "choices[0].delta.content"])
    }

    @Test func earliestBetaStreamingNamesAreRead() {
        let result = ExtractorFixture.javascript("""
            import { OpenAIClient, AzureKeyCredential } from "@azure/openai";
            const client = new OpenAIClient(process.env.E, new AzureKeyCredential(process.env.K));
            const chat = await client.listChatCompletions("dep", [{ role: "user", content: "Ahoy" }], { maxTokens: 9 });
            const text = await client.listCompletions("dep2", ["Once upon"], { maxTokens: 3 });
            """)
        #expect(result.requests.count == 2)
        #expect(!result.findings.contains { $0.rule == "request-unextracted" })
        guard result.requests.count == 2 else { return }
        #expect(result.requests[0].path.hasSuffix("/chat/completions"))
        #expect(ExtractorFixture.dig(result.requests[0].body, "messages", 0, "content") == .string("Ahoy"))
        #expect(result.requests[1].deployment == .string("dep2"))
        #expect(result.requests[1].path.hasSuffix("/completions") && !result.requests[1].path.contains("chat"))
        #expect(ExtractorFixture.dig(result.requests[1].body, "max_tokens") == .int(3))
    }

    @Test func plainOpenAIClientPointedAtAzure() {
        let result = ExtractorFixture.javascript("""
            import OpenAI from "openai";
            const client = new OpenAI({
              baseURL: `${process.env.E}/openai/deployments/${process.env.D}/`,
              defaultQuery: { "api-version": "2024-10-21" },
              defaultHeaders: { "api-key": process.env.K },
            });
            await client.chat.completions.create({ model: "", messages: [] });
            """)
        guard let request = result.requests.first else {
            Issue.record("no request")
            return
        }
        #expect(request.endpoint == .placeholder(.environment(name: "E", fallback: nil)))
        #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(request.deployment == .placeholder(.environment(name: "D", fallback: nil)))
        #expect(request.query["api-version"] == .string("2024-10-21"))
        #expect(request.auth == .apiKey)
        #expect(request.headers["authorization"] == nil)
        #expect(request.headers["api-key"] == .placeholder(.environment(name: "K", fallback: nil)))
    }
}
