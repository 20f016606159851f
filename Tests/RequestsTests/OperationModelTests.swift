import Testing
import Core
import Extraction
@testable import Requests

/// Each operation's body is judged by its own model: a valid body is clean and typed, an invalid
/// one is reported with the JSON path (or form field) of the problem.
@Suite("Operation models: every body checked by its own operation's model")
struct OperationModelTests {
    static let location = SourceLocation(file: "docs/ops.md", line: 3, column: 1)

    static func json(_ text: String) -> SymbolicValue {
        SymbolicValue(try! JSONValue.parse(text))
    }

    static func call(_ path: String, json text: String? = nil, form: [MultipartPart]? = nil, method: String = "POST") -> ExtractedRequest {
        var r = ExtractedRequest(
            location: location, client: .curl, method: method,
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            path: path, deployment: .string("d"), query: ["api-version": .string("2025-01-01-preview")],
            headers: [:], auth: .apiKey, body: text.map(json))
        r.multipart = form
        return r
    }

    static func build(_ path: String, json text: String? = nil, form: [MultipartPart]? = nil) -> BuiltRequest {
        RequestBuilder().build(call(path, json: text, form: form))
    }

    static func errors(_ built: BuiltRequest) -> [String] {
        built.findings.filter { $0.severity == .error }.map(\.message)
    }

    static let audioFile = MultipartPart(name: "file", value: .placeholder(.file(path: "speech.wav", encoding: .binary)), filename: "speech.wav")

    // MARK: Completions

    @Test("legacy completions: valid body typed, bad fields with paths")
    func completions() {
        let ok = Self.build("/openai/deployments/{deployment}/completions", json: #"{"prompt": "Once upon", "max_tokens": 20, "stop": ["\n"], "logprobs": 2}"#)
        #expect(ok.findings.isEmpty)
        guard case .completion(let r)? = ok.typedBody else { Issue.record("not typed as completions"); return }
        #expect(r.prompt == .text("Once upon"))
        #expect(r.maxTokens == 20)
        #expect(ok.request == nil)

        let bad = Self.build("/openai/deployments/{deployment}/completions", json: #"{"messages": [], "temperature": 3, "logprobs": 9}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'prompt'") && $0.contains("missing required") })
        #expect(messages.contains { $0.contains("'messages'") && $0.contains("completions API") })
        #expect(messages.contains { $0.contains("'temperature'") })
        #expect(messages.contains { $0.contains("'logprobs'") })
        #expect(bad.typedBody == nil)
    }

    // MARK: Images

    @Test("images generations: valid body typed, bad size and quality reported")
    func images() {
        let ok = Self.build("/openai/deployments/{deployment}/images/generations",
                            json: #"{"prompt": "a lighthouse at dusk", "size": "1024x1792", "quality": "hd", "style": "natural", "n": 1, "response_format": "b64_json"}"#)
        #expect(ok.findings.isEmpty)
        guard case .imageGeneration(let r)? = ok.typedBody else { Issue.record("not typed as images"); return }
        #expect(r.size == "1024x1792")
        #expect(r.responseFormat == "b64_json")

        let bad = Self.build("/openai/v1/images/generations", json: #"{"prompt": "x", "size": "1000x1000", "quality": "ultra", "messages": []}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'size'") && $0.contains("1000x1000") })
        #expect(messages.contains { $0.contains("'quality'") })
        #expect(messages.contains { $0.contains("'messages'") && $0.contains("image generations API") })
    }

    // MARK: Speech

    @Test("audio speech: valid body typed, unknown voice and speed out of range reported")
    func speech() {
        let ok = Self.build("/openai/deployments/{deployment}/audio/speech",
                            json: #"{"model": "tts-1", "input": "Hello there", "voice": "alloy", "response_format": "wav", "speed": 1.25}"#)
        #expect(ok.findings.isEmpty)
        guard case .speech(let r)? = ok.typedBody else { Issue.record("not typed as speech"); return }
        #expect(r.voice == "alloy")
        #expect(r.responseFormat == "wav")

        let bad = Self.build("/openai/deployments/{deployment}/audio/speech", json: #"{"input": "Hi", "voice": "robot", "speed": 9, "format": "mp3"}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'voice'") && $0.contains("robot") })
        #expect(messages.contains { $0.contains("'speed'") })
        #expect(messages.contains { $0.contains("'format'") && $0.contains("text to speech API") })

        let missing = Self.build("/openai/deployments/{deployment}/audio/speech", json: #"{"model": "tts-1"}"#)
        #expect(Self.errors(missing).contains { $0.contains("'input'") })
        #expect(Self.errors(missing).contains { $0.contains("'voice'") })
    }

    // MARK: Transcriptions and translations (forms)

    @Test("audio transcriptions: a form with a file part and valid fields is typed")
    func transcription() {
        let form = [
            Self.audioFile,
            MultipartPart(name: "response_format", value: .string("verbose_json")),
            MultipartPart(name: "temperature", value: .string("0.2")),
            MultipartPart(name: "timestamp_granularities[]", value: .string("word")),
            MultipartPart(name: "timestamp_granularities[]", value: .string("segment")),
            MultipartPart(name: "language", value: .string("en")),
        ]
        let built = Self.build("/openai/deployments/{deployment}/audio/transcriptions", form: form)
        #expect(built.findings.isEmpty)
        guard case .transcription(let f)? = built.typedBody else { Issue.record("not typed as a transcription"); return }
        #expect(f.file.filename == "speech.wav")
        #expect(f.responseFormat == .verboseJSON)
        #expect(f.temperature == 0.2)
        #expect(f.timestampGranularities == ["word", "segment"])
        #expect(f.language == "en")
    }

    @Test("audio transcriptions: a missing file, a text 'file', bad enum and number are reported by field")
    func transcriptionIssues() {
        let noFile = Self.build("/openai/deployments/{deployment}/audio/transcriptions", form: [MultipartPart(name: "model", value: .string("whisper"))])
        #expect(Self.errors(noFile).contains { $0.contains("'file'") && $0.contains("missing required file part") })

        let textFile = Self.build("/openai/deployments/{deployment}/audio/transcriptions", form: [
            MultipartPart(name: "file", value: .string("speech.wav")),
            MultipartPart(name: "response_format", value: .string("xml")),
            MultipartPart(name: "temperature", value: .string("warm")),
        ])
        let messages = Self.errors(textFile)
        #expect(messages.contains { $0.contains("form field 'file'") && $0.contains("text field") })
        #expect(messages.contains { $0.contains("form field 'response_format'") && $0.contains("xml") })
        #expect(messages.contains { $0.contains("form field 'temperature'") && $0.contains("not a number") })
        #expect(textFile.typedBody == nil)
    }

    @Test("an unknown form field is only a warning; SDK numbers and lists are read as such")
    func transcriptionLenient() {
        let built = Self.build("/openai/v1/audio/transcriptions", form: [
            Self.audioFile,
            MultipartPart(name: "temperature", value: .double(0)),
            MultipartPart(name: "timestamp_granularities", value: .array([.string("word")])),
            MultipartPart(name: "response_format", value: .string("verbose_json")),
            MultipartPart(name: "speaker_labels", value: .string("true")),
        ])
        #expect(Self.errors(built).isEmpty)
        #expect(built.findings.map(\.rule) == ["request-unknown-field"])
        #expect(built.findings.first?.severity == .warning)
        guard case .transcription(let f)? = built.typedBody else { Issue.record("not typed"); return }
        #expect(f.timestampGranularities == ["word"])
    }

    @Test("audio translations: typed by the translations form, which has no language field")
    func translation() {
        let ok = Self.build("/openai/deployments/{deployment}/audio/translations", form: [Self.audioFile, MultipartPart(name: "response_format", value: .string("srt"))])
        #expect(ok.findings.isEmpty)
        guard case .translation(let f)? = ok.typedBody else { Issue.record("not typed as a translation"); return }
        #expect(f.responseFormat == .srt)
        let withLanguage = Self.build("/openai/deployments/{deployment}/audio/translations", form: [Self.audioFile, MultipartPart(name: "language", value: .string("fr"))])
        #expect(withLanguage.findings.map(\.rule) == ["request-unknown-field"])
        #expect(withLanguage.findings.first?.message.contains("'language'") == true)
    }

    @Test("a form operation's JSON-less call is not judged when extraction saw no form")
    func formNotSeen() {
        let built = Self.build("/openai/deployments/{deployment}/audio/transcriptions")
        #expect(built.findings.isEmpty)
        #expect(built.typedBody == nil)
    }

    // MARK: Files

    @Test("files upload: purpose required and one of the service's values")
    func fileUpload() {
        let ok = Self.build("/openai/files", form: [
            MultipartPart(name: "purpose", value: .string("assistants")),
            MultipartPart(name: "file", value: .placeholder(.file(path: "data/report.pdf", encoding: .binary)), filename: "report.pdf"),
        ])
        #expect(ok.findings.isEmpty)
        #expect(ok.typedBody == .fileUpload(FileUploadForm(file: FormFile(filename: "report.pdf"), purpose: "assistants")))

        let bad = Self.build("/openai/files", form: [MultipartPart(name: "purpose", value: .string("training")), Self.audioFile])
        #expect(Self.errors(bad).contains { $0.contains("'purpose'") && $0.contains("training") })
        let missing = Self.build("/openai/files", form: [Self.audioFile])
        #expect(Self.errors(missing).contains { $0.contains("'purpose'") && $0.contains("missing") })
    }

    // MARK: Assistants

    @Test("assistants create: model required; tools checked with paths")
    func assistantCreate() {
        let ok = Self.build("/openai/assistants", json: #"{"model": "gpt-4o", "name": "Math tutor", "instructions": "Help.", "tools": [{"type": "code_interpreter"}, {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}], "tool_resources": {"code_interpreter": {"file_ids": ["file-1"]}}}"#)
        #expect(ok.findings.isEmpty)
        guard case .assistantCreate(let a)? = ok.typedBody else { Issue.record("not typed as assistant create"); return }
        #expect(a.model == "gpt-4o")
        #expect(a.tools?.map(\.type) == ["code_interpreter", "function"])

        let bad = Self.build("/openai/assistants", json: #"{"name": "x", "tools": [{"type": "browser"}, {"type": "function"}], "temperature": 5}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'model'") && $0.contains("missing required") })
        #expect(messages.contains { $0.contains("'tools[0].type'") && $0.contains("browser") })
        #expect(messages.contains { $0.contains("'tools[1].function'") })
        #expect(messages.contains { $0.contains("'temperature'") })
    }

    @Test("assistants update: every field optional, unknown fields still errors")
    func assistantUpdate() {
        let ok = Self.build("/openai/assistants/{assistant_id}", json: #"{"instructions": "Be brief."}"#)
        #expect(ok.findings.isEmpty)
        guard case .assistantUpdate(let a)? = ok.typedBody else { Issue.record("not typed as assistant update"); return }
        #expect(a.instructions == "Be brief.")
        let bad = Self.build("/openai/assistants/asst_1", json: #"{"instruction": "typo"}"#)
        #expect(bad.findings.map(\.rule) == ["request-unknown-field"])
        #expect(bad.findings.first?.message.contains("'instruction'") == true)
    }

    @Test("threads create: messages checked as thread messages")
    func threadCreate() {
        let ok = Self.build("/openai/threads", json: #"{"messages": [{"role": "user", "content": "Hi"}]}"#)
        #expect(ok.findings.isEmpty)
        #expect(ok.typedBody == .threadCreate(ThreadRequest(messages: [MessageRequest(role: "user", content: .string("Hi"))])))
        let empty = Self.build("/openai/threads", json: "{}")
        #expect(empty.findings.isEmpty)
        let bad = Self.build("/openai/threads", json: #"{"messages": [{"role": "system", "content": "Hi"}]}"#)
        #expect(Self.errors(bad).contains { $0.contains("'messages[0].role'") && $0.contains("system") })
    }

    @Test("messages create: role and content required; parts checked")
    func messageCreate() {
        let ok = Self.build("/openai/threads/{thread_id}/messages", json: #"{"role": "user", "content": [{"type": "text", "text": "What is in this image?"}, {"type": "image_file", "image_file": {"file_id": "file-9"}}]}"#)
        #expect(ok.findings.isEmpty)
        guard case .messageCreate(let m)? = ok.typedBody else { Issue.record("not typed as message create"); return }
        #expect(m.role == "user")
        let bad = Self.build("/openai/threads/thread_1/messages", json: #"{"role": "user", "content": [{"type": "audio"}], "tools": []}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'content[0].type'") && $0.contains("audio") })
        #expect(messages.contains { $0.contains("'tools'") && $0.contains("messages API") })
        let missing = Self.build("/openai/threads/thread_1/messages", json: #"{"role": "user"}"#)
        #expect(Self.errors(missing).contains { $0.contains("'content'") })
    }

    @Test("runs create: assistant_id required; thread-and-run fields are unknown here")
    func runCreate() {
        let ok = Self.build("/openai/threads/{thread_id}/runs", json: #"{"assistant_id": "asst_1", "additional_instructions": "Address the user as Jane.", "truncation_strategy": {"type": "last_messages", "last_messages": 5}}"#)
        #expect(ok.findings.isEmpty)
        guard case .runCreate(let r)? = ok.typedBody else { Issue.record("not typed as run create"); return }
        #expect(r.assistantID == "asst_1")
        let bad = Self.build("/openai/threads/thread_1/runs", json: #"{"thread": {}, "tool_choice": "sometimes"}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'assistant_id'") })
        #expect(messages.contains { $0.contains("'thread'") && $0.contains("runs API") })
        #expect(messages.contains { $0.contains("'tool_choice'") && $0.contains("sometimes") })
    }

    @Test("thread and run: takes a thread; its messages are checked with nested paths")
    func threadAndRun() {
        let ok = Self.build("/openai/threads/runs", json: #"{"assistant_id": "asst_1", "thread": {"messages": [{"role": "user", "content": "Explain pi."}]}}"#)
        #expect(ok.findings.isEmpty)
        guard case .threadAndRun(let r)? = ok.typedBody else { Issue.record("not typed as thread and run"); return }
        #expect(r.thread?.messages?.count == 1)
        let bad = Self.build("/openai/threads/runs", json: #"{"assistant_id": "asst_1", "thread": {"messages": [{"role": "user"}]}, "additional_instructions": "x"}"#)
        let messages = Self.errors(bad)
        #expect(messages.contains { $0.contains("'thread.messages[0].content'") })
        #expect(messages.contains { $0.contains("'additional_instructions'") })
    }

    @Test("submit tool outputs: tool_outputs required, each output a string")
    func submitToolOutputs() {
        let ok = Self.build("/openai/threads/{thread_id}/runs/{run_id}/submit_tool_outputs", json: #"{"tool_outputs": [{"tool_call_id": "call_1", "output": "22C"}]}"#)
        #expect(ok.findings.isEmpty)
        #expect(ok.typedBody == .submitToolOutputs(SubmitToolOutputsRequest(toolOutputs: [.init(toolCallID: "call_1", output: "22C")])))
        let bad = Self.build("/openai/threads/t/runs/r/submit_tool_outputs", json: #"{"tool_outputs": [{"tool_call_id": "call_1", "output": 22}]}"#)
        #expect(Self.errors(bad).contains { $0.contains("'tool_outputs[0].output'") })
        let missing = Self.build("/openai/threads/t/runs/r/submit_tool_outputs", json: "{}")
        #expect(Self.errors(missing).contains { $0.contains("'tool_outputs'") })
    }

    // MARK: Never another operation's model

    @Test("a body is never judged by another operation's model", arguments: [
        ("/openai/deployments/{deployment}/embeddings", #"{"input": "hello"}"#),
        ("/openai/deployments/{deployment}/completions", #"{"prompt": "hello"}"#),
        ("/openai/deployments/{deployment}/images/generations", #"{"prompt": "a cat"}"#),
        ("/openai/deployments/{deployment}/audio/speech", #"{"input": "hello", "voice": "nova"}"#),
        ("/openai/assistants", #"{"model": "gpt-4o"}"#),
        ("/openai/threads/runs", #"{"assistant_id": "a"}"#),
    ])
    func ownModelOnly(path: String, body: String) {
        let built = Self.build(path, json: body)
        #expect(built.findings.isEmpty, "\(built.findings.map(\.message))")
        #expect(built.request == nil)
        #expect(built.typedBody != nil)
    }

    @Test("a follow-up download is not an API call and is never judged")
    func download() {
        var call = Self.call("/images/abc.png", method: "GET")
        call.purpose = .download
        let built = RequestBuilder().build(call)
        #expect(built.findings.isEmpty)
        #expect(built.operation == nil)
    }

    @Test("the mock's entry point judges plain JSON by the named operation")
    func plainJSONEntry() throws {
        let op = try #require(OperationCatalog.match(method: "POST", path: "/openai/deployments/d/audio/speech"))
        let d = OperationBodyValidation.decode(json: try JSONValue.parse(#"{"input": "x", "voice": "alloy", "messages": []}"#), operation: op)
        #expect(d.issues == [.unknownField(path: "messages")])
        #expect(d.body == nil)
    }
}
