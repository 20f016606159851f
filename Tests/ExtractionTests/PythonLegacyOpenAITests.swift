import Core
import Testing
@testable import Extraction

/// The `openai` 0.28 module API that older pages still show, mapped to what that SDK sends to Azure.
@Suite("Python openai 0.28 module API")
struct PythonLegacyOpenAITests {
    private func extract(_ code: String) -> SampleExtraction { PythonFrontEnd().extract(pythonSample(code)) }

    @Test("a module setting read back (openai.api_base) is the value assigned to it")
    func moduleSettingReadBack() throws {
        let x = extract("""
        import os
        import openai
        import requests
        openai.api_base = os.getenv("MY_ENDPOINT")
        openai.api_key = os.getenv("MY_KEY")
        url = openai.api_base + "/openai/deployments/emb/embeddings?api-version=2024-02-01"
        r = requests.post(url, headers={"api-key": openai.api_key}, json={"input": "hi"})
        """)
        let r = try #require(x.requests.first)
        #expect(r.endpoint == env("MY_ENDPOINT"))
        #expect(r.path == "/openai/deployments/{deployment}/embeddings")
        #expect(r.headers["api-key"] == env("MY_KEY"))
    }

    @Test("module globals configure ChatCompletion.create(engine=…): deployment URL, api-version, api-key")
    func chatCompletion() throws {
        let x = extract("""
        import os
        import openai
        openai.api_type = "azure"
        openai.api_base = os.getenv("AZURE_OPENAI_ENDPOINT")
        openai.api_version = "2023-05-15"
        openai.api_key = os.getenv("AZURE_OPENAI_API_KEY")

        response = openai.ChatCompletion.create(
            engine="gpt-35-turbo",
            messages=[{"role": "user", "content": "Hello"}],
            temperature=0.7,
        )
        print(response['choices'][0]['message']['content'])
        """)
        let r = try #require(x.requests.first)
        #expect(r.client == .pythonOpenAILegacy)
        #expect(r.method == "POST")
        #expect(r.endpoint == env("AZURE_OPENAI_ENDPOINT"))
        #expect(r.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(r.deployment == .string("gpt-35-turbo"))
        #expect(r.query["api-version"] == .string("2023-05-15"))
        #expect(r.headers["api-key"] == env("AZURE_OPENAI_API_KEY"))
        #expect(r.auth == .apiKey)
        #expect(ExtractorFixture.dig(r.body, "engine") == nil)
        #expect(ExtractorFixture.dig(r.body, "messages", 0, "content") == .string("Hello"))
        #expect(x.responseReads.map(\.path) == ["choices[0].message.content"])
    }

    @Test("Completion, Embedding, Image and Audio each send their own request")
    func otherResources() throws {
        let x = extract("""
        import openai
        openai.api_type = "azure_ad"
        openai.api_base = "https://myres.openai.azure.com/"
        openai.api_version = "2023-09-01-preview"
        openai.api_key = "token"
        c = openai.Completion.create(engine="instruct", prompt="Hi", max_tokens=5)
        e = openai.Embedding.create(input="Hi", engine="ada")
        i = openai.Image.create(prompt="a cat", size="1024x1024", n=1)
        t = openai.Audio.transcribe(model="whisper-1", file=open("talk.wav", "rb"), deployment_id="whisper")
        """)
        #expect(x.requests.map(\.path) == [
            "/openai/deployments/{deployment}/completions", "/openai/deployments/{deployment}/embeddings",
            "/openai/images/generations:submit", "/openai/deployments/{deployment}/audio/transcriptions",
        ])
        #expect(x.requests.map(\.deployment) == [.string("instruct"), .string("ada"), nil, .string("whisper")])
        #expect(x.requests.allSatisfy { $0.endpoint == .string("https://myres.openai.azure.com") && $0.auth == .bearer })
        let parts = try #require(x.requests[3].multipart)
        #expect(parts.map(\.name) == ["model", "file"])
        #expect(parts[1].value == .placeholder(.file(path: "talk.wav", encoding: .binary)))
    }
}
