import Core
import Foundation
import Requests

/// Validates a request body against the profile and reduces it to what the mock needs.
///
/// The shape is checked by the Requests stage's strict decoder (`RequestValidation`, the same typed
/// models extraction uses), widened or narrowed to the profile's voices, formats and modalities.
/// What only a server can check comes after: the base64 audio decodes, WAV data is a WAV file, the
/// decoded audio fits the limit. All problems are reported; the error names the first in `param`
/// and lists the others in its message.
func decodeChatRequest(_ body: [UInt8], profile: MockProfile) throws(MockError) -> ChatRequestView {
    try decodeChatRequest(json: parseRequestJSON(body), profile: profile)
}

/// The body as JSON, parsed from its bytes (no String of the whole body is made).
func parseRequestJSON(_ body: [UInt8]) throws(MockError) -> JSONValue {
    try JSONRequest.validateUTF8(body)
    do {
        return try JSONValue.parse(bytes: body)
    } catch let error as JSONSyntaxError {
        throw .invalidRequest(param: nil, "The request body is not valid JSON (\(error.description)).")
    } catch {
        throw .invalidRequest(param: nil, "The request body is not valid JSON.")
    }
}

/// As ``decodeChatRequest(_:profile:)`` for a body already parsed.
func decodeChatRequest(json root: JSONValue, profile: MockProfile) throws(MockError) -> ChatRequestView {
    let decoding = RequestValidation.decode(root, options: profile.validationOptions)
    var problems = decoding.issues.map { RequestProblem(path: $0.path, message: JSONRequest.sentence($0.message)) }
    var view: ChatRequestView?
    if let request = decoding.request {
        view = makeView(request, requestHash: CanonicalBodyHash.hash(canonicalContent(root)), problems: &problems)
    }
    if let first = problems.first {
        var message = first.path.isEmpty ? first.message : "Invalid '\(first.path)': \(first.message)"
        if problems.count > 1 {
            message += " Also: " + problems.dropFirst().map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }.joined(separator: "; ")
        }
        throw .invalidRequest(param: first.path.isEmpty ? nil : first.path, message)
    }
    guard let view else { throw .invalidRequest(param: nil, "The request body is not a chat completions request.") }
    if view.inputAudioBytes > profile.limits.maxAudioBytes {
        throw .tooLarge(
            "The input audio is \(view.inputAudioBytes) bytes after decoding; the limit is \(profile.limits.maxAudioBytes) bytes. Send a shorter recording.",
            param: "messages")
    }
    return view
}

/// The body without how the answer is packaged (`audio.format`, `stream`, `stream_options`): the
/// samples depend on what was asked, so a wav and a pcm16 answer, streamed or not, hold the same
/// audio.
private func canonicalContent(_ root: JSONValue) -> JSONValue {
    guard case .object(var members) = root else { return root }
    members["stream"] = nil
    members["stream_options"] = nil
    if case .object(var audio)? = members["audio"] {
        audio["format"] = nil
        members["audio"] = .object(audio)
    }
    return JSONValue.object(members)
}

/// One thing wrong with a request: where (a JSON path such as `audio.voice`) and what.
struct RequestProblem: Sendable, Equatable {
    var path: String
    var message: String
}

extension MockProfile {
    /// The strict decoder's options: this profile's values instead of the spec's.
    var validationOptions: ValidationOptions {
        ValidationOptions(
            voices: voices.map(Voice.init(rawValue:)),
            outputFormats: outputFormats.keys.sorted().map(AudioOutputFormat.init(rawValue:)),
            inputAudioFormats: inputFormats.map(InputAudioFormat.init(rawValue:)),
            modalities: modalities.map(Modality.init(rawValue:)))
    }
}

/// "unknown field 'x'" → "Unknown field 'x'." : the decoder's phrases as sentences in an error message.
private func sentence(_ text: String) -> String {
    guard let first = text.first else { return text }
    let capitalized = first.uppercased() + text.dropFirst()
    return capitalized.hasSuffix(".") ? capitalized : capitalized + "."
}

/// The typed request reduced to what the answer depends on; decodes input audio on the way.
private func makeView(_ request: ChatCompletionRequest, requestHash: UInt64, problems: inout [RequestProblem]) -> ChatRequestView {
    var view = ChatRequestView(
        modalities: request.modalities?.map(\.rawValue) ?? ["text"], voice: request.audio?.voice.rawValue,
        format: request.audio?.format.rawValue, messages: [], requestHash: requestHash)
    view.stream = request.stream ?? false
    view.streamUsage = request.streamOptions?.includeUsage ?? false
    for (i, message) in request.messages.enumerated() {
        let path = "messages[\(i)]"
        var reduced = ChatRequestView.Message(role: message.role.rawValue, texts: [], inputAudio: [])
        func add(_ content: MessageContent?) {
            switch content {
            case .text(let text)?:
                reduced.texts.append(text)
            case .parts(let parts)?:
                for (j, part) in parts.enumerated() {
                    switch part {
                    case .text(let text): reduced.texts.append(text)
                    case .inputAudio(let audio):
                        if let decoded = decodeInputAudio(audio, path: "\(path).content[\(j)].input_audio", problems: &problems) {
                            reduced.inputAudio.append(decoded)
                        }
                    case .imageURL, .refusal: break
                    }
                }
            case nil:
                break
            }
        }
        switch message {
        case .system(let m): add(m.content)
        case .developer(let m): add(m.content)
        case .user(let m): add(m.content)
        case .tool(let m): add(m.content)
        case .function(let m): add(m.content.map(MessageContent.text))
        case .assistant(let m):
            add(m.content)
            if let id = m.audio?.id { reduced.audioReference = (id, "\(path).audio.id") }
        }
        view.messages.append(reduced)
    }
    return view
}

/// Base64 → bytes, and WAV header facts when the format says WAV.
private func decodeInputAudio(_ audio: InputAudio, path: String, problems: inout [RequestProblem]) -> ChatRequestView.InputAudio? {
    guard let bytes = Base64Summary(audio.data) else {
        problems.append(RequestProblem(path: "\(path).data", message: "'data' is not valid base64: the audio could not be decoded."))
        return nil
    }
    if bytes.byteCount == 0 {
        problems.append(RequestProblem(path: "\(path).data", message: "'data' decodes to no audio bytes."))
        return nil
    }
    let wav = WAVInfo(bytes.prefix, totalCount: bytes.byteCount)
    if audio.format == .wav, wav == nil {
        problems.append(RequestProblem(path: "\(path).data", message: "'format' is 'wav' but the decoded data is not a RIFF/WAVE file."))
    }
    return .init(format: audio.format.rawValue, byteCount: bytes.byteCount, wav: wav)
}
