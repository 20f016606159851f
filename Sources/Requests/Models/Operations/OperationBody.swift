/// A strictly decoded request body (JSON or form fields), typed by the operation its URL names.
public enum OperationBody: Hashable, Sendable {
    case chatCompletion(ChatCompletionRequest)
    case completion(CompletionsRequest)
    case embeddings(EmbeddingsRequest)
    case imageGeneration(ImageGenerationRequest)
    case speech(SpeechRequest)
    case transcription(AudioTranscriptionForm)
    case translation(AudioTranscriptionForm)
    case assistantCreate(AssistantRequest)
    case assistantUpdate(AssistantRequest)
    case threadCreate(ThreadRequest)
    case messageCreate(MessageRequest)
    case runCreate(RunRequest)
    case threadAndRun(RunRequest)
    case submitToolOutputs(SubmitToolOutputsRequest)
    case fileUpload(FileUploadForm)

    /// The chat completions body, if this is one.
    public var chatCompletion: ChatCompletionRequest? {
        if case .chatCompletion(let r) = self { return r }
        return nil
    }

    /// The embeddings body, if this is one.
    public var embeddings: EmbeddingsRequest? {
        if case .embeddings(let r) = self { return r }
        return nil
    }
}
