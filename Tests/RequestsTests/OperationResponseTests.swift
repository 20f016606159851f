import Foundation
import Testing
import Core
@testable import Requests

@Suite("Operation answers: typed by the called operation, streamed chat chunks assembled")
struct OperationResponseTests {
    static func op(_ id: String) -> APIOperation {
        OperationCatalog.operations.first { $0.id == id }!
    }

    static func decode(_ id: String, _ text: String, streamed: Bool = false, textFormat: Bool = false) -> Result<OperationResponse, ResponseDecodingProblem> {
        OperationResponseDecoding.decode(Data(text.utf8), operation: op(id), streamed: streamed, textFormat: textFormat)
    }

    static let stream = """
    data: {"id":"","object":"","created":0,"model":"","choices":[],"prompt_filter_results":[{"prompt_index":0}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hello, "}}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"world."}}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_9","type":"function","function":{"name":"get_weather","arguments":"{\\"ci"}}]}}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\\": \\"Oslo\\"}"}}]}}]}

    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

    data: [DONE]


    """

    @Test("a chat stream decodes chunk by chunk and assembles content and tool calls")
    func chatStream() throws {
        guard case .success(.chatStream(let chunks, let messages)) = Self.decode("chat.completions.create", Self.stream, streamed: true) else {
            Issue.record("stream did not decode")
            return
        }
        #expect(chunks.count == 7)
        let m = try #require(messages.first)
        #expect(m.role == "assistant")
        #expect(m.content == "Hello, world.")
        #expect(m.toolCalls == [ToolCall(id: "call_9", function: FunctionCall(name: "get_weather", arguments: #"{"city": "Oslo"}"#))])
        #expect(m.finishReason == .stop)
    }

    @Test("streamed audio pieces are decoded and joined; the transcript is concatenated")
    func audioStream() throws {
        let a = Data([1, 2, 3]).base64EncodedString(), b = Data([4, 5]).base64EncodedString()
        let chunks = [
            ChatCompletionChunk(id: "c", created: 1, model: "m", choices: [ChunkChoice(index: 0, delta: ChunkDelta(audio: AudioDelta(id: "audio_1", expiresAt: 99)))]),
            ChatCompletionChunk(id: "c", created: 1, model: "m", choices: [ChunkChoice(index: 0, delta: ChunkDelta(audio: AudioDelta(data: a, transcript: "Hi ")))]),
            ChatCompletionChunk(id: "c", created: 1, model: "m", choices: [ChunkChoice(index: 0, delta: ChunkDelta(audio: AudioDelta(data: b, transcript: "there")))]),
        ]
        let audio = try #require(AssembledMessage.assemble(chunks).first?.audio)
        #expect(audio == ResponseAudio(id: "audio_1", expiresAt: 99, data: Data([1, 2, 3, 4, 5]).base64EncodedString(), transcript: "Hi there"))
    }

    @Test("a stream without [DONE], or with a malformed chunk, is a problem with the event's path")
    func streamProblems() {
        let cut = Self.stream.replacingOccurrences(of: "data: [DONE]", with: "")
        guard case .failure(let p) = Self.decode("chat.completions.create", cut, streamed: true) else { Issue.record("accepted"); return }
        #expect(p.message.contains("[DONE]"))
        let bad = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"delta\":{}}]}\n\ndata: [DONE]\n\n"
        guard case .failure(let q) = Self.decode("chat.completions.create", bad, streamed: true) else { Issue.record("accepted"); return }
        #expect(q.path == "events[0].choices[0].index")
    }

    @Test("each operation's answer decodes with its own model")
    func ownModels() {
        if case .success(.embeddings(let e)) = Self.decode("embeddings.create", #"{"object":"list","model":"ada","data":[{"object":"embedding","index":0,"embedding":[0.6,0.8]}],"usage":{"prompt_tokens":2,"total_tokens":2}}"#) {
            #expect(e.data.first?.embedding == .array([.double(0.6), .double(0.8)]))
        } else { Issue.record("embeddings") }
        if case .success(.images(let i)) = Self.decode("images.generate", #"{"created":5,"data":[{"url":"http://127.0.0.1/x.png","revised_prompt":"a cat"}]}"#) {
            #expect(i.data.first?.revisedPrompt == "a cat")
        } else { Issue.record("images") }
        if case .success(.transcription(let t)) = Self.decode("audio.transcriptions.create", #"{"text":"Hello","language":"english","duration":1.5,"segments":[{"id":0,"start":0,"end":1.5,"text":"Hello"}]}"#) {
            #expect(t.segments?.count == 1)
        } else { Issue.record("transcription") }
        #expect(Self.decode("audio.translations.create", "1\n00:00:00,000 --> 00:00:01,000\nHi\n", textFormat: true) == .success(.text("1\n00:00:00,000 --> 00:00:01,000\nHi\n")))
        if case .success(.run(let r)) = Self.decode("threads.runs.retrieve", #"{"id":"run_1","object":"thread.run","created_at":1,"thread_id":"t","assistant_id":"a","status":"in_progress"}"#) {
            #expect(r.status == "in_progress")
            #expect(!RunObject.terminalStatuses.contains(r.status))
        } else { Issue.record("run") }
        if case .success(.messages(let l)) = Self.decode("threads.messages.list", #"{"object":"list","data":[{"id":"msg_1","object":"thread.message","created_at":1,"thread_id":"t","role":"assistant","content":[{"type":"text","text":{"value":"42","annotations":[]}}]}],"has_more":false}"#) {
            #expect(l.data.first?.content.first?.text?.value == "42")
        } else { Issue.record("messages") }
        if case .success(.file(let f)) = Self.decode("files.create", #"{"id":"file-1","object":"file","bytes":10,"created_at":1,"filename":"a.pdf","purpose":"assistants"}"#) {
            #expect(f.purpose == "assistants")
        } else { Issue.record("file") }
        #expect(Self.decode("threads.delete", #"{"id":"t","object":"thread.deleted","deleted":true}"#) == .success(.deletion(DeletionStatus(id: "t", object: "thread.deleted"))))
    }

    @Test("an answer missing a required field names its path")
    func missingField() {
        guard case .failure(let p) = Self.decode("assistants.create", #"{"id":"asst_1","object":"assistant","model":"m","tools":[]}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(p.path == "created_at")
        guard case .failure(let q) = Self.decode("embeddings.create", #"{"object":"list","model":"m","data":[{"object":"embedding","embedding":[1]}],"usage":{"prompt_tokens":1,"total_tokens":1}}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(q.path == "data[0].index")
    }
}
