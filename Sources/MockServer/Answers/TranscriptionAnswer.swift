import Core
import Foundation
import Requests

/// Transcriptions and translations: a multipart upload in, text in the requested format out. The
/// text is derived from the upload (format, duration, a fingerprint of the bytes), so the same file
/// always gives the same transcript and different files differ.
struct TranscriptionAnswer {
    enum Task: String { case transcribe, translate }

    let task: Task
    let form: MultipartForm
    let deployment: String?

    struct Parsed {
        var file: MultipartForm.Part
        var audio: UploadedAudio
        var format: String
        var language: String?
        var granularities: [String]
        var prompt: String?
    }

    /// Checks the form the way the service does; each problem is a 400 naming the field.
    func parse() throws(MockError) -> Parsed {
        guard let file = form.part("file") else {
            throw .invalidRequest(param: "file", "The form has no 'file' part: upload the audio as a file field named 'file'.")
        }
        guard !file.data.isEmpty else { throw .invalidRequest(param: "file", "The uploaded file is empty.") }
        let audio = UploadedAudio(file.data)
        let ext = file.filename.flatMap { $0.split(separator: ".").last.map { String($0).lowercased() } }
        if audio.format == nil, !(ext.map(UploadedAudio.acceptedExtensions.contains) ?? false) {
            throw .invalidRequest(
                param: "file",
                "Invalid file format. Supported formats: \(UploadedAudio.acceptedExtensions.sorted().joined(separator: ", ")) (got '\(file.filename ?? "no file name")').")
        }
        if deployment == nil, (form.field("model") ?? "").isEmpty {
            throw .invalidRequest(param: "model", "'model' is required on the /openai/v1/ route.")
        }
        // Field values were checked by the shared form model (SharedModelCheck) before this.
        let format = form.field("response_format") ?? "json"
        let granularities = form.fields("timestamp_granularities[]") + form.fields("timestamp_granularities")
        return Parsed(
            file: file, audio: audio, format: format, language: form.field("language"), granularities: granularities,
            prompt: form.field("prompt"))
    }

    func answer() throws(MockError) -> MockAnswer {
        let parsed = try parse()
        let sentences = Self.sentences(parsed)
        let duration = parsed.audio.durationSeconds ?? max(1, Double(parsed.audio.byteCount) / 16_000)
        let text = sentences.joined(separator: " ")
        let segments = Self.segments(sentences, duration: duration)
        switch parsed.format {
        case "text": return .text(text + "\n")
        case "srt": return .text(Self.srt(segments))
        case "vtt": return .text(Self.vtt(segments))
        case "verbose_json":
            var members: [String: JSONValue] = [
                "task": .string(task.rawValue),
                "language": .string(task == .translate ? "english" : (parsed.language ?? "english")),
                "duration": .double(Self.rounded(duration)),
                "text": .string(text),
            ]
            if parsed.granularities.isEmpty || parsed.granularities.contains("segment") {
                members["segments"] = .array(segments.enumerated().map { Self.segmentJSON($0.offset, $0.element) })
            }
            if parsed.granularities.contains("word") {
                members["words"] = .array(Self.words(segments))
            }
            return .json(.object(members))
        default:
            return .json(.object(["text": .string(text)]))
        }
    }

    /// Two sentences about the upload: what was heard, and a fingerprint of the bytes.
    static func sentences(_ parsed: Parsed) -> [String] {
        let kind = parsed.audio.format?.uppercased() ?? "audio"
        let length = parsed.audio.durationSeconds.map { "\(rounded($0, places: 1)) seconds of \(kind) audio" } ?? "\(parsed.audio.byteCount) bytes of \(kind)"
        let fingerprint = String(FNV1a64Bytes.hash(parsed.file.data).paddedHex.prefix(8))
        return ["This is the docverify mock transcript of \(length).", "The recording's fingerprint is \(fingerprint)."]
    }

    typealias Segment = (start: Double, end: Double, text: String)

    /// Sentences spread evenly over the duration.
    static func segments(_ sentences: [String], duration: Double) -> [Segment] {
        let step = duration / Double(max(1, sentences.count))
        return sentences.enumerated().map { (Double($0.offset) * step, Double($0.offset + 1) * step, $0.element) }
    }

    static func segmentJSON(_ index: Int, _ s: Segment) -> JSONValue {
        .object([
            "id": .int(index), "seek": .int(Int(s.start * 100)), "start": .double(rounded(s.start)), "end": .double(rounded(s.end)),
            "text": .string(" " + s.text), "tokens": .array(s.text.split(separator: " ").indices.map { .int(50_364 + $0) }),
            "temperature": .double(0), "avg_logprob": .double(-0.25), "compression_ratio": .double(1.2), "no_speech_prob": .double(0.01),
        ])
    }

    static func words(_ segments: [Segment]) -> [JSONValue] {
        segments.flatMap { s -> [JSONValue] in
            let words = s.text.split(separator: " ")
            let step = (s.end - s.start) / Double(max(1, words.count))
            return words.enumerated().map { i, word in
                .object([
                    "word": .string(String(word)), "start": .double(rounded(s.start + Double(i) * step)),
                    "end": .double(rounded(s.start + Double(i + 1) * step)),
                ])
            }
        }
    }

    static func srt(_ segments: [Segment]) -> String {
        segments.enumerated().map { "\($0.offset + 1)\n\(timestamp($0.element.start, ",")) --> \(timestamp($0.element.end, ","))\n\($0.element.text)\n\n" }
            .joined()
    }

    static func vtt(_ segments: [Segment]) -> String {
        "WEBVTT\n\n" + segments.map { "\(timestamp($0.start, ".")) --> \(timestamp($0.end, "."))\n\($0.text)\n\n" }.joined()
    }

    /// `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (VTT).
    static func timestamp(_ seconds: Double, _ separator: String) -> String {
        let ms = Int((seconds * 1_000).rounded())
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = ms % 1_000
        let m3 = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(two(ms / 3_600_000)):\(two(ms / 60_000 % 60)):\(two(ms / 1_000 % 60))\(separator)\(m3)"
    }

    static func rounded(_ value: Double, places: Int = 2) -> Double {
        let scale = places == 1 ? 10.0 : 100.0
        return (value * scale).rounded() / scale
    }
}

enum FNV1a64Bytes {
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a64()
        h.combine(bytes)
        return h.value
    }
}
