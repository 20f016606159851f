import Foundation

/// A decoded answer, typed by the operation that was called.
public enum OperationResponse: Hashable, Sendable {
    case chatCompletion(ChatCompletionResponse)
    /// A streamed chat completion: its chunks, and the messages they add up to.
    case chatStream([ChatCompletionChunk], [AssembledMessage])
    case completion(CompletionsResponse)
    case embeddings(EmbeddingsResponse)
    case images(ImagesResponse)
    case transcription(TranscriptionResponse)
    /// Plain text, SRT or VTT (a transcription or translation in a non-JSON format).
    case text(String)
    /// Audio bytes (text to speech).
    case audio(Data)
    case assistant(AssistantObject)
    case assistants(ListResponse<AssistantObject>)
    case thread(ThreadObject)
    case message(MessageObject)
    case messages(ListResponse<MessageObject>)
    case run(RunObject)
    case runs(ListResponse<RunObject>)
    case file(FileObject)
    case files(ListResponse<FileObject>)
    case deletion(DeletionStatus)
}
