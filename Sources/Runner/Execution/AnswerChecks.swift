import Core
import Extraction
import Foundation
import Requests
import Transport

/// Reads an answer of any kind and checks it is what the operation promises: JSON, a chat
/// completion, streamed chunks, audio in the requested format, text / SRT / VTT, an image.
enum AnswerChecks {
    struct Outcome {
        var findings: [Finding] = []
        /// The answer as JSON for later calls' placeholders and field reads (assembled for a stream).
        var json: JSONValue?
        /// Bytes a sample that saves the answer writes (audio, text, image).
        var saved: Data?
        /// Audio decoded from a chat completion's `message.audio`.
        var chatAudio: Data?
    }

    static func check(
        _ response: HTTPResponse, kind: AnswerKind, request: BuiltRequest, call: Int, reads: [ResponseRead],
        placeholderFormats: Set<String>
    ) -> Outcome {
        let json = try? JSONValue.parse(String(decoding: response.body, as: UTF8.self))
        if kind == .chat || !response.isSuccess {
            let checked = ResponseChecks.check(response: response, json: json, request: request, call: call, reads: reads,
                                               placeholderFormats: placeholderFormats)
            return Outcome(findings: checked.findings, json: json, saved: checked.audio, chatAudio: checked.audio)
        }
        var outcome = Outcome()
        func invalid(_ message: String) {
            outcome.findings.append(Finding(rule: "response-invalid", severity: .error, location: request.location, message: message))
        }
        switch kind {
        case .chat:
            break
        case .json:
            guard let json, case .object = json else {
                invalid("the answer is not a JSON object: \(preview(response.body))")
                return outcome
            }
            outcome.json = json
            outcome.saved = response.body
            if let problem = typedProblem(response.body, request: request) {
                invalid("the answer is not a valid \(request.operation!.id) answer: \(problem)")
            }
        case .chatStream, .eventStream:
            let stream = StreamChecks.check(ServerSentEvents.parse(response.body), chat: kind == .chatStream)
            if let problem = stream.problem {
                invalid("the streamed answer is not valid: \(problem)")
            } else if kind == .chatStream, let problem = typedProblem(response.body, request: request, streamed: true) {
                invalid("the streamed answer is not valid: \(problem)")
            }
            outcome.json = stream.assembled
            outcome.findings += missingReads(reads, call: call, request: request) { path in
                stream.chunks.contains { JSONPath.value(at: path, in: $0) != nil } || JSONPath.value(at: path, in: stream.assembled) != nil
            }
            return outcome
        case .audio(let format):
            let checked = format == "pcm" ? "pcm16" : format
            if !placeholderFormats.contains(checked), let problem = AudioFormatCheck.problem(response.body, format: checked) {
                invalid("the answer is not valid \(format) audio: \(problem)")
            } else if response.body.isEmpty {
                invalid("the answer has no audio bytes")
            }
            outcome.saved = response.body
            return outcome
        case .text(let format):
            let text = String(decoding: response.body, as: UTF8.self)
            if let problem = TextFormatCheck.problem(text, format: format) { invalid("the answer is not valid \(format): \(problem)") }
            outcome.json = .string(text)
            outcome.saved = response.body
            return outcome
        case .image:
            if let problem = ImageFormatCheck.problem(response.body) { invalid("the downloaded file is not an image: \(problem)") }
            outcome.saved = response.body
            return outcome
        }
        if let json = outcome.json {
            outcome.findings += missingReads(reads, call: call, request: request) { JSONPath.value(at: $0, in: json) != nil }
        }
        return outcome
    }

    /// The first problem of the answer against its operation's typed model (Requests), nil when it
    /// fits or docverify has no model for the operation.
    static func typedProblem(_ body: Data, request: BuiltRequest, streamed: Bool = false) -> String? {
        guard let operation = request.operation else { return nil }
        switch OperationResponseDecoding.decode(body, operation: operation, streamed: streamed) {
        case .success: return nil
        case .failure(let problem):
            return problem.message.hasPrefix("docverify has no answer model") ? nil : problem.description
        }
    }

    static func missingReads(_ reads: [ResponseRead], call: Int, request: BuiltRequest, has: (String) -> Bool) -> [Finding] {
        missingReadFindings(reads.filter { $0.call == call && !has($0.path) }, request: request)
    }

    /// `response-field-missing` for reads the answer lacks: an error each, except reads of fields a
    /// model may leave out (``OptionalAnswerFields``), which are one note at the first of them.
    static func missingReadFindings(_ allMissing: [ResponseRead], request: BuiltRequest) -> [Finding] {
        var findings: [Finding] = []
        let missing = allMissing.filter { !OptionalAnswerFields.isSDKComputed($0.path) }
        let optional = missing.filter { OptionalAnswerFields.contains($0.path) }
        for read in missing where !OptionalAnswerFields.contains(read.path) {
            findings.append(Finding(rule: "response-field-missing", severity: .error, location: read.location,
                                    message: "the code reads \(read.path), which the response of the call at line \(request.location.line) does not have"))
        }
        if let first = optional.first {
            let more = optional.count > 1 ? " (and \(optional.count - 1) more read(s) of it)" : ""
            findings.append(Finding(rule: "response-field-missing", severity: .note, location: first.location,
                                    message: "the code reads \(first.path)\(more), which the answer to the call at line \(request.location.line) left out (a model calls tools at its own choice, and the embedded mock never does), so the code that reads it was not exercised"))
        }
        return findings.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    static func preview(_ body: Data) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        return text.isEmpty ? "(empty)" : text
    }
}

/// Recognizes text answers of transcriptions: plain text, SubRip, WebVTT.
enum TextFormatCheck {
    static func problem(_ text: String, format: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch format {
        case "srt":
            guard trimmed.first?.isNumber == true else { return "an SRT file starts with a cue number" }
            return trimmed.contains("-->") ? nil : "no cue timing (`-->`)"
        case "vtt":
            guard trimmed.hasPrefix("WEBVTT") else { return "a WebVTT file starts with WEBVTT" }
            return nil
        default:
            return trimmed.isEmpty ? "the text is empty" : nil
        }
    }
}

/// Recognizes image files by their signatures.
enum ImageFormatCheck {
    static func problem(_ bytes: Data) -> String? {
        let b = [UInt8](bytes.prefix(12))
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return nil }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return nil }
        if b.starts(with: Array("GIF8".utf8)) { return nil }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), b[8..<12].elementsEqual("WEBP".utf8) { return nil }
        return "no PNG, JPEG, GIF or WebP signature"
    }
}
