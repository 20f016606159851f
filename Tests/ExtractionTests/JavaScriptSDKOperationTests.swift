import Core
import Testing
@testable import Extraction

/// The openai JavaScript SDK beyond chat: uploads, speech saved to a file, assistants with ids
/// taken from earlier answers.
@Suite("JavaScript SDK operations")
struct JavaScriptSDKOperationTests {
    private let client = """
    import fs from "fs";
    import { AzureOpenAI, toFile } from "openai";
    const client = new AzureOpenAI({
      endpoint: process.env["AZURE_OPENAI_ENDPOINT"],
      apiKey: process.env["AZURE_OPENAI_API_KEY"],
      apiVersion: "2024-10-21",
      deployment: "whisper",
    });

    """

    @Test("a transcription streams the file as a multipart part; the deployment option names the deployment")
    func transcription() throws {
        let x = ExtractorFixture.javascript(client + """
        async function main() {
          const result = await client.audio.transcriptions.create({
            model: "",
            file: fs.createReadStream("./audio/sample.wav"),
          });
          console.log(`Transcription: ${result.text}`);
        }
        main();
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/audio/transcriptions")
        #expect(r.deployment == .string("whisper"))
        #expect(r.query["api-version"] == .string("2024-10-21"))
        let file = try #require(r.multipart?.first { $0.name == "file" })
        #expect(file.filename == "sample.wav")
        #expect(file.value == .placeholder(.file(path: "./audio/sample.wav", encoding: .binary)))
        #expect(x.reads.map(\.path) == ["./audio/sample.wav"])
    }

    @Test("a stream opened from an environment variable with a fallback path uploads that file, not a text field")
    func uploadPathFromEnvironmentFallback() throws {
        let x = ExtractorFixture.javascript(client + """
        const recording = process.env["MY_RECORDING"] || "<path to your recording>";
        const out = await client.audio.transcriptions.create({ model: "", file: fs.createReadStream(recording) });
        """)
        let r = try #require(x.requests.first)
        let file = try #require(r.multipart?.first { $0.name == "file" })
        #expect(file.isFile)
        #expect(file.value == .placeholder(.file(path: "<path to your recording>", encoding: .binary)))
        #expect(x.reads.map(\.path) == ["<path to your recording>"])
    }

    @Test("toFile keeps the file name it is given; params built in an object before the call")
    func toFileAndParams() throws {
        let x = ExtractorFixture.javascript(client + """
        const params = { model: "whisper", response_format: "text" };
        params.file = await toFile(fs.createReadStream("in.mp3"), "speech.mp3");
        const out = await client.audio.translations.create(params);
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/audio/translations")
        #expect(r.multipart?.first { $0.isFile }?.filename == "speech.mp3")
        #expect(r.multipart?.first { $0.name == "response_format" }?.value == .string("text"))
    }

    @Test("speech bytes written with fs.writeFile are the saved answer")
    func speechSaved() throws {
        let x = ExtractorFixture.javascript(client + """
        const speechFile = "speech.mp3";
        const mp3 = await client.audio.speech.create({ model: "tts", voice: "alloy", input: "Hello" });
        const buffer = Buffer.from(await mp3.arrayBuffer());
        await fs.promises.writeFile(speechFile, buffer);
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/audio/speech")
        #expect(r.savesResponseTo?.path == "speech.mp3")
        #expect(x.writes.map(\.path) == ["speech.mp3"])
        #expect(x.responseReads.isEmpty)
    }

    @Test("assistants with a polling loop: ids are placeholders for earlier answers, v4 argument order")
    func assistants() throws {
        let x = ExtractorFixture.javascript(client + """
        const assistant = await client.beta.assistants.create({ model: "gpt-4o", instructions: "Help", tools: [] });
        const thread = await client.beta.threads.create({});
        await client.beta.threads.messages.create(thread.id, { role: "user", content: "Hi" });
        let run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
        while (run.status === "queued" || run.status === "in_progress") {
          await new Promise((r) => setTimeout(r, 1000));
          run = await client.beta.threads.runs.retrieve(thread.id, run.id);
        }
        const messages = await client.beta.threads.messages.list(thread.id);
        await client.beta.assistants.del(assistant.id);
        """)
        #expect(x.requests.map(\.method) == ["POST", "POST", "POST", "POST", "GET", "GET", "DELETE"])
        #expect(x.requests.map(\.path) == [
            "/openai/assistants", "/openai/threads", "/openai/threads/{thread_id}/messages",
            "/openai/threads/{thread_id}/runs", "/openai/threads/{thread_id}/runs/{run_id}",
            "/openai/threads/{thread_id}/messages", "/openai/assistants/{assistant_id}",
        ])
        #expect(x.requests[4].pathParameters == [
            "thread_id": .placeholder(.response(call: 1, path: "id")), "run_id": .placeholder(.response(call: 3, path: "id")),
        ])
        #expect(x.requests.allSatisfy { $0.deployment == nil })
    }

    @Test("v5 argument order and createAndPoll")
    func v5AndPolling() throws {
        let x = ExtractorFixture.javascript(client + """
        const run = await client.beta.threads.runs.createAndPoll("thread_1", { assistant_id: "asst_1" });
        const again = await client.beta.threads.runs.retrieve(run.id, { thread_id: "thread_1" });
        """)
        #expect(x.requests.map(\.path) == [
            "/openai/threads/thread_1/runs", "/openai/threads/thread_1/runs/{run_id}", "/openai/threads/thread_1/runs/{run_id}",
        ])
        #expect(x.requests[2].pathParameters["run_id"] == .placeholder(.response(call: 1, path: "id")))
    }

    @Test("an OpenAI client whose baseURL holds /openai/v1/ calls the v1 paths")
    func v1BaseURL() throws {
        let x = ExtractorFixture.javascript("""
        import OpenAI from "openai";
        const client = new OpenAI({ baseURL: "https://res.openai.azure.com/openai/v1/", apiKey: process.env.AZURE_OPENAI_API_KEY });
        const e = await client.embeddings.create({ model: "text-embedding-3-small", input: "hi" });
        """)
        let r = try #require(x.requests.first)
        #expect(r.endpoint == .string("https://res.openai.azure.com"))
        #expect(r.path == "/openai/v1/embeddings")
        #expect(r.query.isEmpty)
    }

    @Test("fetching an image URL from the answer is a download whose bytes are saved")
    func imageDownload() throws {
        let x = ExtractorFixture.javascript(client + """
        const results = await client.images.generate({ prompt: "a cat", size: "1024x1024", n: 1, model: "" });
        const imageUrl = results.data[0].url;
        const res = await fetch(imageUrl);
        fs.writeFileSync("cat.png", Buffer.from(await res.arrayBuffer()));
        """)
        #expect(x.requests.count == 2)
        #expect(x.requests[0].path == "/openai/deployments/{deployment}/images/generations")
        #expect(x.requests[1].purpose == .download)
        #expect(x.requests[1].endpoint == .placeholder(.response(call: 0, path: "data[0].url")))
        #expect(x.requests[1].savesResponseTo?.path == "cat.png")
    }

    @Test("speech answered as a fetch Response: ok and body are not JSON reads, body written to a file is saved")
    func speechResponseBody() throws {
        let x = ExtractorFixture.javascript("""
        const { writeFile } = require("fs/promises");
        const { createReadStream } = require("fs");
        const { AzureOpenAI } = require("openai");
        async function generateAudioStream(client, params) {
          const response = await client.audio.speech.create(params);
          if (response.ok) return response.body;
          throw new Error(`Failed: ${response.statusText}`);
        }
        async function main() {
          const client = new AzureOpenAI({ apiVersion: "2024-02-15-preview", deployment: "tts" });
          const stream = await generateAudioStream(client, { voice: "nova", model: "tts", input: "hello" });
          await writeFile("speech.mp3", stream);
          const t = await client.audio.transcriptions.create({ model: "", file: createReadStream("speech.mp3") });
        }
        main();
        """)
        #expect(x.requests.count == 2)
        #expect(x.requests[0].savesResponseTo?.path == "speech.mp3")
        #expect(x.responseReads.isEmpty)
        #expect(x.requests[1].multipart?.first?.filename == "speech.mp3")
    }

    @Test("iterating a messages page reads the items of data")
    func listPage() throws {
        let x = ExtractorFixture.javascript(client + """
        const messagesResponse = await client.beta.threads.messages.list("thread_1");
        for await (const datum of messagesResponse) {
          for (const item of datum.content) { console.log(item.text?.value); }
        }
        """)
        #expect(x.responseReads.map(\.path).contains("data[0].content"))
        #expect(!x.responseReads.map(\.path).contains("content"))
    }

    @Test("a file named through path.join is still the uploaded file")
    func pathJoin() throws {
        let x = ExtractorFixture.javascript(client + """
        import path from "path";
        const audioFilePath = path.join(__dirname, "audio", "talk.wav");
        const r = await client.audio.transcriptions.create({ model: "", file: fs.createReadStream(audioFilePath) });
        """)
        let file = try #require(x.requests.first?.multipart?.first { $0.isFile })
        #expect(file.value == .placeholder(.file(path: "audio/talk.wav", encoding: .binary)))
        #expect(file.filename == "talk.wav")
    }

    @Test("the @azure/openai 1.0 beta client's embeddings, images and transcription methods")
    func legacyBetaClient() throws {
        let x = ExtractorFixture.javascript("""
        const { OpenAIClient, AzureKeyCredential } = require("@azure/openai");
        const fs = require("fs");
        const client = new OpenAIClient(process.env.AZURE_OPENAI_ENDPOINT, new AzureKeyCredential(process.env.AZURE_OPENAI_API_KEY));
        const e = await client.getEmbeddings("embed", ["hello"]);
        const i = await client.getImages("dalle3", "a cat", { n: 1, size: "1024x1024" });
        const audio = fs.readFileSync("talk.wav");
        const t = await client.getAudioTranscription("whisper", audio, { responseFormat: "json" });
        """)
        #expect(x.requests.map(\.path) == [
            "/openai/deployments/{deployment}/embeddings", "/openai/deployments/{deployment}/images/generations",
            "/openai/deployments/{deployment}/audio/transcriptions",
        ])
        #expect(x.requests.map(\.deployment) == [.string("embed"), .string("dalle3"), .string("whisper")])
        #expect(ExtractorFixture.dig(x.requests[1].body, "size") == .string("1024x1024"))
        #expect(x.requests[2].multipart?.map(\.name) == ["file", "response_format"])
    }

    @Test("fetch with a FormData body sends its entries as multipart parts")
    func fetchFormData() throws {
        let x = ExtractorFixture.javascript("""
        import fs from "fs";
        const url = `${process.env.AZURE_OPENAI_ENDPOINT}/openai/deployments/whisper/audio/transcriptions?api-version=2024-06-01`;
        const form = new FormData();
        form.append("file", new Blob([fs.readFileSync("./talk.wav")]), "talk.wav");
        form.append("response_format", "text");
        const res = await fetch(url, { method: "POST", headers: { "api-key": process.env.AZURE_OPENAI_API_KEY }, body: form });
        console.log(await res.text());
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/audio/transcriptions")
        #expect(r.body == nil)
        #expect(r.multipart?.map(\.name) == ["file", "response_format"])
        #expect(r.multipart?.first?.filename == "talk.wav")
        #expect(r.multipart?.first?.value == .placeholder(.file(path: "./talk.wav", encoding: .binary)))
    }
}
