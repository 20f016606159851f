import Foundation

/// Decodes an answer by the model of the operation that was called (never by another's), with
/// the first problem's path when it does not fit.
public enum OperationResponseDecoding {
    /// `streamed`: the request asked for `stream: true` (the answer is server-sent events).
    /// `textFormat`: a transcription or translation asked for `text`, `srt` or `vtt`.
    public static func decode(
        _ data: Data, operation: APIOperation, streamed: Bool = false, textFormat: Bool = false
    ) -> Result<OperationResponse, ResponseDecodingProblem> {
        func json<T: Decodable>(_ type: T.Type, _ wrap: (T) -> OperationResponse) -> Result<OperationResponse, ResponseDecodingProblem> {
            do {
                return .success(wrap(try JSONDecoder().decode(T.self, from: data)))
            } catch let error as DecodingError {
                return .failure(ResponseDecodingProblem(error))
            } catch {
                return .failure(ResponseDecodingProblem(path: "", message: "\(error)"))
            }
        }
        switch operation.id {
        case "chat.completions.create":
            if streamed {
                return StreamDecoding.chatChunks(String(decoding: data, as: UTF8.self)).map { .chatStream($0, AssembledMessage.assemble($0)) }
            }
            return json(ChatCompletionResponse.self, OperationResponse.chatCompletion)
        case "completions.create": return json(CompletionsResponse.self, OperationResponse.completion)
        case "embeddings.create": return json(EmbeddingsResponse.self, OperationResponse.embeddings)
        case "images.generate": return json(ImagesResponse.self, OperationResponse.images)
        case "audio.speech.create": return .success(.audio(data))
        case "audio.transcriptions.create", "audio.translations.create":
            if textFormat { return .success(.text(String(decoding: data, as: UTF8.self))) }
            return json(TranscriptionResponse.self, OperationResponse.transcription)
        case "assistants.create", "assistants.retrieve", "assistants.update": return json(AssistantObject.self, OperationResponse.assistant)
        case "assistants.list": return json(ListResponse<AssistantObject>.self, OperationResponse.assistants)
        case "threads.create", "threads.retrieve": return json(ThreadObject.self, OperationResponse.thread)
        case "threads.messages.create": return json(MessageObject.self, OperationResponse.message)
        case "threads.messages.list": return json(ListResponse<MessageObject>.self, OperationResponse.messages)
        case "threads.runs.create", "threads.runs.createThreadAndRun", "threads.runs.retrieve", "threads.runs.cancel",
             "threads.runs.submitToolOutputs":
            return json(RunObject.self, OperationResponse.run)
        case "threads.runs.list": return json(ListResponse<RunObject>.self, OperationResponse.runs)
        case "files.create": return json(FileObject.self, OperationResponse.file)
        case "files.list": return json(ListResponse<FileObject>.self, OperationResponse.files)
        case "assistants.delete", "threads.delete", "files.delete": return json(DeletionStatus.self, OperationResponse.deletion)
        default:
            return .failure(ResponseDecodingProblem(path: "", message: "docverify has no answer model for \(operation.id)"))
        }
    }
}
