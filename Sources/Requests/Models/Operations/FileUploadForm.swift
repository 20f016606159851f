/// The form fields of `POST /openai/files` (`multipart/form-data`, schema `uploadFileRequest`).
public struct FileUploadForm: Hashable, Sendable {
    public var file: FormFile
    public var purpose: String

    public init(file: FormFile, purpose: String) {
        self.file = file
        self.purpose = purpose
    }

    public static let fields: Set<String> = ["file", "purpose", "expires_after[anchor]", "expires_after[seconds]"]
    /// `purpose` values the Azure files API accepts.
    public static let purposes = [
        "assistants", "assistants_output", "batch", "batch_output", "fine-tune", "fine-tune-results",
        "vision", "user_data", "evals",
    ]
}
