import Core
import Extraction
import Foundation
import Requests
import Transport

/// The checks every response gets: status, shape, the fields the sample reads, and the audio.
enum ResponseChecks {
    struct Outcome {
        var findings: [Finding] = []
        /// Decoded audio bytes of the response, when it carried audio.
        var audio: Data?
    }

    /// `placeholderFormats`: formats the endpoint answers with stand-in bytes (the embedded mock's
    /// opus), whose container is not checked.
    static func check(
        response: HTTPResponse, json: JSONValue?, request: BuiltRequest, call: Int, reads: [ResponseRead],
        placeholderFormats: Set<String> = []
    ) -> Outcome {
        var outcome = Outcome()
        guard response.isSuccess else {
            let detail = json?["error"]?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            let param = json?["error"]?["param"]?.stringValue.map { " (param \($0))" } ?? ""
            outcome.findings.append(Finding(
                rule: "response-status", severity: .error, location: request.location,
                message: "the service answered HTTP \(response.status)\(param): \(detail)"))
            return outcome
        }
        let decoded: ChatCompletionResponse
        switch ResponseDecoding.decode(response.body) {
        case .success(let value):
            decoded = value
        case .failure(let problem):
            outcome.findings.append(Finding(
                rule: "response-invalid", severity: .error, location: request.location,
                message: "the response is not a chat completion: \(problem)"))
            return outcome
        }
        if let json {
            outcome.findings += AnswerChecks.missingReadFindings(
                reads.filter { $0.call == call && JSONPath.value(at: $0.path, in: json) == nil }, request: request)
        }
        if let audio = decoded.choices.first?.message.audio {
            guard let bytes = Data(base64Encoded: audio.data) else {
                outcome.findings.append(Finding(
                    rule: "response-audio-invalid", severity: .error, location: request.location,
                    message: "message.audio.data is not valid base64"))
                return outcome
            }
            outcome.audio = bytes
            let format = request.request?.audio?.format.rawValue ?? "wav"
            if !placeholderFormats.contains(format), let problem = AudioFormatCheck.problem(bytes, format: format) {
                outcome.findings.append(Finding(
                    rule: "response-audio-invalid", severity: .error, location: request.location,
                    message: "message.audio.data is not valid \(format) audio: \(problem)"))
            }
        }
        return outcome
    }
}

/// Recognizes audio containers by their headers.
enum AudioFormatCheck {
    /// nil when `bytes` look like `format`; otherwise what is wrong.
    static func problem(_ bytes: Data, format: String) -> String? {
        let b = [UInt8](bytes.prefix(44))
        switch format {
        case "wav":
            guard b.count >= 44 else { return "shorter than a WAV header" }
            guard b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WAVE".utf8) else { return "no RIFF/WAVE header" }
            guard b[12..<16].elementsEqual("fmt ".utf8) else { return "no fmt chunk" }
            let channels = Int(b[22]) | Int(b[23]) << 8
            let bits = Int(b[34]) | Int(b[35]) << 8
            guard channels > 0, bits > 0 else { return "fmt chunk has no channels or bit depth" }
            return nil
        case "pcm16":
            return bytes.count % 2 == 0 ? nil : "odd number of bytes for 16-bit PCM"
        case "flac":
            return b.starts(with: "fLaC".utf8) ? nil : "no fLaC marker"
        case "opus":
            return b.starts(with: "OggS".utf8) ? nil : "no Ogg page header"
        case "mp3":
            if b.starts(with: "ID3".utf8) { return nil }
            return b.count >= 2 && b[0] == 0xFF && b[1] & 0xE0 == 0xE0 ? nil : "no MP3 frame sync or ID3 tag"
        default:
            return nil
        }
    }
}
