import Core
import Testing
@testable import Extraction

/// The openai v1 Python SDK beyond chat: each call comes out with its method, path, query and body.
@Suite("Python SDK operations")
struct PythonSDKOperationTests {
    private func extract(_ code: String) -> SampleExtraction { PythonFrontEnd().extract(pythonSample(code)) }

    private let azureClient = """
    import os
    from openai import AzureOpenAI
    client = AzureOpenAI(
        azure_endpoint=os.getenv("AZURE_OPENAI_ENDPOINT"),
        api_key=os.getenv("AZURE_OPENAI_API_KEY"),
        api_version="2024-10-21",
    )

    """

    @Test("a transcription uploads the opened file as a multipart part, the deployment comes from model")
    func transcription() throws {
        let x = extract(azureClient + """
        deployment_id = "whisper"
        audio_test_file = "./wikipediaOcelot.wav"
        result = client.audio.transcriptions.create(
            file=open(audio_test_file, "rb"),
            model=deployment_id,
            response_format="json",
        )
        print(result.text)
        """)
        let r = try #require(x.requests.first)
        #expect(r.method == "POST")
        #expect(r.path == "/openai/deployments/{deployment}/audio/transcriptions")
        #expect(r.deployment == .string("whisper"))
        #expect(r.query["api-version"] == .string("2024-10-21"))
        #expect(r.body == nil)
        let parts = try #require(r.multipart)
        #expect(parts.count == 3)
        let file = try #require(parts.first { $0.name == "file" })
        #expect(file.filename == "wikipediaOcelot.wav")
        #expect(file.value == .placeholder(.file(path: "./wikipediaOcelot.wav", encoding: .binary)))
        #expect(parts.first { $0.name == "response_format" }?.value == .string("json"))
        #expect(x.reads.map(\.path) == ["./wikipediaOcelot.wav"])
        #expect(x.responseReads.map(\.path) == ["text"])
    }

    @Test("a stored response is deleted and its input items listed by its id")
    func responsesByID() throws {
        let x = extract(azureClient + """
        gone = client.responses.delete("resp_abc")
        items = client.responses.input_items.list("resp_def")
        """)
        #expect(x.requests.map(\.method) == ["DELETE", "GET"])
        #expect(x.requests.map(\.path) == ["/openai/responses/resp_abc", "/openai/responses/resp_def/input_items"])
        // (Response ids are not assistants-style ids: they stay as written.)
        #expect(x.requests.allSatisfy { $0.body == nil })
    }

    @Test("vector store calls and their polling helpers come out as their first request")
    func vectorStores() throws {
        let x = extract(azureClient + """
        store = client.beta.vector_stores.create(name="Manuals")
        batch = client.vector_stores.file_batches.create_and_poll(vector_store_id=store.id, file_ids=["file-1"])
        files = client.beta.vector_stores.files.list("vs_old")
        """)
        #expect(x.requests.map(\.method) == ["POST", "POST", "GET"])
        #expect(x.requests.first?.path == "/openai/vector_stores")
        #expect(x.requests.dropFirst().first?.path.hasSuffix("/file_batches") == true)
        #expect(x.requests.last?.path == "/openai/vector_stores/vs_old/files")
    }

    @Test("a sample that forgot `import os` still reads its endpoint from the environment")
    func forgottenImportOfOS() throws {
        let x = extract("""
        from openai import AzureOpenAI
        client = AzureOpenAI(azure_endpoint=os.getenv("AZURE_OPENAI_ENDPOINT"), api_key=os.getenv("AZURE_OPENAI_API_KEY"), api_version="2024-10-21")
        reply = client.chat.completions.create(model="gpt", messages=[{"role": "user", "content": "Hi"}])
        """)
        let r = try #require(x.requests.first)
        #expect(r.endpoint == env("AZURE_OPENAI_ENDPOINT"))
    }

    @Test("a file's content is downloaded by its id")
    func fileContent() throws {
        let x = extract(azureClient + """
        data = client.files.content("assistant-abc123")
        """)
        let r = try #require(x.requests.first)
        #expect(r.method == "GET")
        #expect(r.path.hasPrefix("/openai/files/") && r.path.hasSuffix("/content"))
    }

    @Test("translations and a file tuple with its own name and content type")
    func translationTuple() throws {
        let x = extract(azureClient + """
        with open("speech.mp3", "rb") as f:
            out = client.audio.translations.create(model="whisper", file=("talk.mp3", f, "audio/mpeg"), temperature=0)
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/audio/translations")
        let file = try #require(r.multipart?.first { $0.isFile })
        #expect(file.filename == "talk.mp3")
        #expect(file.contentType == "audio/mpeg")
        #expect(r.multipart?.first { $0.name == "temperature" }?.value == .string("0"))
    }

    @Test("speech saved with stream_to_file, plain and through with_streaming_response")
    func speech() throws {
        let x = extract(azureClient + """
        from pathlib import Path
        speech_file_path = Path(__file__).parent / "speech.mp3"
        response = client.audio.speech.create(model="tts", voice="alloy", input="Hello there")
        response.stream_to_file(speech_file_path)
        with client.audio.speech.with_streaming_response.create(model="tts", voice="nova", input="Hi") as r:
            r.stream_to_file("second.wav")
        """)
        #expect(x.requests.count == 2)
        let first = try #require(x.requests.first)
        #expect(first.path == "/openai/deployments/{deployment}/audio/speech")
        #expect(first.deployment == .string("tts"))
        #expect(ExtractorFixture.dig(first.body, "voice") == .string("alloy"))
        #expect(first.savesResponseTo?.path == "speech.mp3")
        #expect(x.requests[1].savesResponseTo?.path == "second.wav")
        #expect(Set(x.writes.map(\.path)) == ["speech.mp3", "second.wav"])
        #expect(x.responseReads.isEmpty)
    }

    @Test("images, embeddings and legacy completions each get their own path")
    func jsonOperations() throws {
        let x = extract(azureClient + """
        img = client.images.generate(model="dalle3", prompt="a cat", n=1, size="1024x1024")
        url = img.data[0].url
        emb = client.embeddings.create(input=["hello"], model="embed")
        cmp = client.completions.create(model="instruct", prompt="Say hi", max_tokens=5)
        """)
        #expect(x.requests.map(\.path) == [
            "/openai/deployments/{deployment}/images/generations",
            "/openai/deployments/{deployment}/embeddings",
            "/openai/deployments/{deployment}/completions",
        ])
        #expect(x.requests.map(\.deployment) == [.string("dalle3"), .string("embed"), .string("instruct")])
        #expect(ExtractorFixture.dig(x.requests[1].body, "input", 0) == .string("hello"))
        #expect(x.responseReads.map(\.path) == ["data[0].url"])
    }

    @Test("an image URL from the answer fetched with requests is a download, not an API call")
    func imageDownload() throws {
        let x = extract(azureClient + """
        import json, requests
        result = client.images.generate(model="dalle3", prompt="a dog", n=1)
        image_url = json.loads(result.model_dump_json())['data'][0]['url']
        generated_image = requests.get(image_url).content
        image_path = os.path.join(os.curdir, "generated_image.png")
        with open(image_path, "wb") as image_file:
            image_file.write(generated_image)
        """)
        #expect(x.requests.count == 2)
        let download = try #require(x.requests.last)
        #expect(download.purpose == .download)
        #expect(download.method == "GET")
        #expect(download.endpoint == .placeholder(.response(call: 0, path: "data[0].url")))
        #expect(download.savesResponseTo?.path == "./generated_image.png")
        #expect(x.requests[0].purpose == .api)
    }

    @Test("assistants, threads, messages and a polling loop chain ids from earlier answers")
    func assistantsPolling() throws {
        let x = extract(azureClient + """
        import time
        assistant = client.beta.assistants.create(name="Math", instructions="Solve", tools=[{"type": "code_interpreter"}], model="gpt-4o")
        thread = client.beta.threads.create()
        message = client.beta.threads.messages.create(thread_id=thread.id, role="user", content="1+1?")
        run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)
        while run.status in ["queued", "in_progress", "cancelling"]:
            time.sleep(1)
            run = client.beta.threads.runs.retrieve(thread_id=thread.id, run_id=run.id)
        if run.status == "completed":
            messages = client.beta.threads.messages.list(thread_id=thread.id, order="asc")
            print(messages.data[0].content[0].text.value)
        client.beta.assistants.delete(assistant.id)
        """)
        #expect(x.requests.map(\.method) == ["POST", "POST", "POST", "POST", "GET", "GET", "DELETE"])
        #expect(x.requests.map(\.path) == [
            "/openai/assistants", "/openai/threads", "/openai/threads/{thread_id}/messages",
            "/openai/threads/{thread_id}/runs", "/openai/threads/{thread_id}/runs/{run_id}",
            "/openai/threads/{thread_id}/messages", "/openai/assistants/{assistant_id}",
        ])
        let thread = SymbolicValue.placeholder(.response(call: 1, path: "id"))
        #expect(x.requests[2].pathParameters == ["thread_id": thread])
        #expect(x.requests[3].pathParameters == ["thread_id": thread])
        #expect(ExtractorFixture.dig(x.requests[3].body, "assistant_id") == .placeholder(.response(call: 0, path: "id")))
        #expect(x.requests[4].pathParameters == ["thread_id": thread, "run_id": .placeholder(.response(call: 3, path: "id"))])
        #expect(x.requests[4].body == nil)
        #expect(x.requests[5].query["order"] == .string("asc"))
        #expect(x.requests[6].pathParameters == ["assistant_id": .placeholder(.response(call: 0, path: "id"))])
        #expect(x.requests.allSatisfy { $0.deployment == nil && $0.query["api-version"] == .string("2024-10-21") })
        #expect(x.requests[0].headers["openai-beta"] == .string("assistants=v2"))
    }

    @Test("create_and_poll sends the create and then the retrieve the SDK polls")
    func createAndPoll() throws {
        let x = extract(azureClient + """
        run = client.beta.threads.runs.create_and_poll(thread_id="thread_abc", assistant_id="asst_1")
        if run.status == "completed":
            msgs = client.beta.threads.messages.list(thread_id="thread_abc")
        """)
        #expect(x.requests.map(\.path) == [
            "/openai/threads/thread_abc/runs", "/openai/threads/thread_abc/runs/{run_id}", "/openai/threads/thread_abc/messages",
        ])
        #expect(x.requests[1].method == "GET")
        #expect(x.requests[1].pathParameters == ["run_id": .placeholder(.response(call: 0, path: "id"))])
    }

    @Test("files.create uploads with a purpose field; runs.retrieve takes the run id positionally")
    func filesAndPositional() throws {
        let x = extract(azureClient + """
        f = client.files.create(file=open("data.jsonl", "rb"), purpose="assistants")
        r = client.beta.threads.runs.retrieve("run_1", thread_id="thread_2")
        """)
        #expect(x.requests[0].path == "/openai/files")
        #expect(x.requests[0].multipart?.map(\.name) == ["file", "purpose"])
        #expect(x.requests[1].path == "/openai/threads/thread_2/runs/run_1")
    }

    @Test("a base URL that already holds /openai/v1/ or a deployment is not joined twice")
    func baseURLForms() throws {
        let x = extract("""
        import os
        from openai import OpenAI, AzureOpenAI
        v1 = OpenAI(base_url="https://myres.openai.azure.com/openai/v1/", api_key=os.getenv("AZURE_OPENAI_API_KEY"))
        v1.audio.transcriptions.create(model="whisper", file=open("a.wav", "rb"))
        dep = AzureOpenAI(base_url="https://myres.openai.azure.com/openai/deployments/tts-1/", api_version="2025-03-01-preview")
        dep.audio.speech.create(model="ignored", voice="alloy", input="x")
        """)
        #expect(x.requests[0].endpoint == .string("https://myres.openai.azure.com"))
        #expect(x.requests[0].path == "/openai/v1/audio/transcriptions")
        #expect(x.requests[0].query["api-version"] == nil)
        #expect(x.requests[1].path == "/openai/deployments/{deployment}/audio/speech")
        #expect(x.requests[1].deployment == .string("tts-1"))
        #expect(x.requests[1].query["api-version"] == .string("2025-03-01-preview"))
    }

    @Test("iterating a list page reads its data items; urlretrieve of an answer's URL is a saved download")
    func listPagesAndURLRetrieve() throws {
        let x = extract(azureClient + """
        import urllib.request
        messages = client.beta.threads.messages.list(thread_id="thread_1")
        for m in messages:
            print(m.content[0].text.value)
        for choice in client.chat.completions.create(model="gpt", messages=[]).choices:
            print(choice.message.content)
        img = client.images.generate(model="dalle3", prompt="p")
        urllib.request.urlretrieve(img.data[0].url, "out.png")
        """)
        #expect(x.responseReads.map(\.path).contains("data[0].content[0].text.value"))
        #expect(x.responseReads.map(\.path).contains("choices[0].message.content"))
        let download = try #require(x.requests.last)
        #expect(download.purpose == .download)
        #expect(download.savesResponseTo?.path == "out.png")
    }

    @Test("a v1 client's default_query and default_headers travel with every call")
    func defaultQuery() throws {
        let x = extract("""
        import os
        from openai import OpenAI
        client = OpenAI(base_url=os.environ["AZURE_OPENAI_ENDPOINT"] + "/openai/v1/", api_key=os.environ["AZURE_OPENAI_API_KEY"],
                        default_query={"api-version": "preview"}, default_headers={"X-Trace": "1"})
        client.embeddings.create(model="embed", input="x")
        """)
        let r = try #require(x.requests.first)
        #expect(r.path == "/openai/v1/embeddings")
        #expect(r.endpoint == env("AZURE_OPENAI_ENDPOINT"))
        #expect(r.query["api-version"] == .string("preview"))
        #expect(r.headers["x-trace"] == .string("1"))
    }
}
