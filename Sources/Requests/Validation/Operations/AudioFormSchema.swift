import Extraction

/// The transcription and translation forms as code.
extension FormSchema {
    mutating func audioForm(_ parts: [MultipartPart], translation: Bool) -> AudioTranscriptionForm? {
        let fields = Self.fields(parts)
        unknownFields(fields, allowed: translation ? AudioTranscriptionForm.translationFields : AudioTranscriptionForm.transcriptionFields)
        let before = reader.issues.count
        let file = self.file(fields)
        var form = AudioTranscriptionForm(file: file ?? FormFile(filename: ""))
        form.model = text(fields, "model")
        form.language = translation ? nil : text(fields, "language")
        form.prompt = text(fields, "prompt")
        form.responseFormat = oneOf(fields, "response_format", allowed: AudioResponseFormat.allCases.map(\.rawValue), what: "response format")
            .flatMap(AudioResponseFormat.init(rawValue:))
        form.temperature = number(fields, "temperature", range: 0...1)
        if !translation {
            for (path, value) in list(fields, ["timestamp_granularities[]", "timestamp_granularities"]) {
                if let g = reader.oneOf(value, path, allowed: AudioTranscriptionForm.granularities, what: "timestamp granularity") {
                    form.timestampGranularities.append(g)
                }
            }
            if !form.timestampGranularities.isEmpty, let format = form.responseFormat, format != .verboseJSON,
               case .string? = value(fields, "response_format") {
                warnings.append(.invalid(path: "timestamp_granularities[]", message: "timestamps are only returned with response_format verbose_json, not \(format.rawValue)"))
            }
        }
        return reader.issues.count == before && file != nil ? form : nil
    }

    mutating func fileUploadForm(_ parts: [MultipartPart]) -> FileUploadForm? {
        let fields = Self.fields(parts)
        unknownFields(fields, allowed: FileUploadForm.fields)
        let before = reader.issues.count
        let file = self.file(fields)
        var purpose: String?
        if value(fields, "purpose") == nil {
            reader.invalid("purpose", "missing required field 'purpose' (for example assistants, fine-tune, batch)")
        } else {
            purpose = oneOf(fields, "purpose", allowed: FileUploadForm.purposes, what: "file purpose")
        }
        guard let file, let purpose, reader.issues.count == before else { return nil }
        return FileUploadForm(file: file, purpose: purpose)
    }
}
