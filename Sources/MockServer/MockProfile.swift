import Core
import Foundation

/// How the mock encodes an output audio format.
public enum AudioEncoding: String, Codable, Sendable, Hashable {
    /// RIFF/WAVE, PCM 16-bit, 24 kHz, mono: real, deterministic audio.
    case wav
    /// The same samples as `wav`, raw little-endian without a header.
    case pcm16
    /// FLAC with uncompressed (VERBATIM) frames of the same samples: valid, not small.
    case flac
    /// Valid MPEG-2 Layer III frames that decode to silence (the mock has no MP3 encoder).
    case silentMP3 = "silent-mp3"
    /// Not audio: a short marker text saying the mock cannot encode this format.
    case placeholder
}

/// What the mock service accepts and how it answers: the Azure OpenAI chat-completions surface it
/// imitates. The built-in ``MockProfile/default`` follows the REST API specification (2025-01-01-preview),
/// not the documentation, so a document that drifts from the API fails against the mock as it would
/// against the service.
public struct MockProfile: Codable, Sendable, Hashable {
    /// Narrows the `api-version` values accepted (for drift tests); nil accepts every published
    /// version for the operations it has (`APIVersionTable`). Others get Azure's 404.
    public var apiVersions: [String]?
    /// Deployment names that exist; others get 404 `DeploymentNotFound`.
    public var deployments: [String]
    /// `audio.voice` values accepted for audio output.
    public var voices: [String]
    /// `audio.format` values accepted for audio output, with how each is produced.
    public var outputFormats: [String: AudioEncoding]
    /// `input_audio.format` values accepted in user messages.
    public var inputFormats: [String]
    /// Accepted `modalities` entries.
    public var modalities: [String]
    /// Accepted API keys; nil accepts any non-empty key (bearer tokens are never checked).
    public var apiKeys: [String]?
    /// Size limits.
    public var limits: Limits
    /// Seconds an answer's `audio.id` stays usable in a later turn (`expires_at`).
    public var audioTTLSeconds: Int
    /// Retrieves an assistants run takes to complete (queued → in_progress → … → completed).
    public var runSteps: Int = 2
    /// Entries each store keeps (audio ids, images, assistants, threads, files); least recently
    /// used dropped first.
    public var storeCapacity: Int = 1_000

    public struct Limits: Codable, Sendable, Hashable {
        /// Largest request body accepted, counted while it streams in (413 beyond).
        public var maxRequestBytes: Int
        /// Largest decoded input audio, summed over a request's `input_audio` parts (413 beyond).
        public var maxAudioBytes: Int

        public init(maxRequestBytes: Int, maxAudioBytes: Int) {
            self.maxRequestBytes = maxRequestBytes
            self.maxAudioBytes = maxAudioBytes
        }
    }

    public init(
        apiVersions: [String]?, deployments: [String], voices: [String],
        outputFormats: [String: AudioEncoding], inputFormats: [String], modalities: [String],
        apiKeys: [String]? = nil, limits: Limits, audioTTLSeconds: Int = 3_600, runSteps: Int = 2, storeCapacity: Int = 1_000
    ) {
        self.runSteps = runSteps
        self.storeCapacity = storeCapacity
        self.apiVersions = apiVersions
        self.deployments = deployments
        self.voices = voices
        self.outputFormats = outputFormats
        self.inputFormats = inputFormats
        self.modalities = modalities
        self.apiKeys = apiKeys
        self.limits = limits
        self.audioTTLSeconds = audioTTLSeconds
    }

    /// The specification's surface: voices and formats are the enums of the 2025-01-01-preview
    /// inference spec; the deployments are named after the models the quickstarts use (a
    /// deployment's name is usually its model's), one or more for each operation. Input audio is
    /// capped at 20 MB (the documented audio message size); whole bodies at 48 MiB, enough for
    /// 20 MB of audio in base64 plus JSON.
    public static let `default` = MockProfile(
        apiVersions: nil,
        deployments: [
            "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-4.1", "gpt-4.1-mini",
            "gpt-35-turbo", "gpt-35-turbo-instruct", "o1", "o3-mini", "o4-mini", "whisper", "gpt-4o-transcribe", "gpt-4o-mini-transcribe",
            "tts", "tts-hd", "gpt-4o-mini-tts", "dall-e-3", "gpt-image-1", "text-embedding-ada-002", "text-embedding-3-small",
            "text-embedding-3-large",
        ],
        voices: ["alloy", "echo", "fable", "onyx", "nova", "shimmer"],
        outputFormats: ["wav": .wav, "pcm16": .pcm16, "mp3": .silentMP3, "flac": .flac, "opus": .placeholder],
        inputFormats: ["wav", "mp3"],
        modalities: ["text", "audio"],
        limits: Limits(maxRequestBytes: 48 * 1_024 * 1_024, maxAudioBytes: 20 * 1_000 * 1_000),
        audioTTLSeconds: 3_600)

    /// Reads a profile from a JSON file. Keys absent from the file keep their default values, so a
    /// profile may say only what it changes (`{"deployments": ["my-audio"]}`).
    public static func load(path: String) throws -> MockProfile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MockProfileError(path: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(data, path: path)
    }

    /// Decodes a profile from JSON text; `path` names the source in errors.
    public static func decode(_ data: Data, path: String = "<profile>") throws -> MockProfile {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw MockProfileError(path: path, message: "not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw MockProfileError(path: path, message: "the profile must be a JSON object")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
            throw MockProfileError(path: path, message: "unknown key '\(unknown)'; known keys: \(known.sorted().joined(separator: ", "))")
        }
        // Overlay the file onto the default so omitted keys keep their built-in values.
        var merged = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(MockProfile.default))
        if case .object(var base) = merged {
            for (key, member) in members {
                if key == "limits", case .object(let limits) = member, case .object(var baseLimits)? = base[key] {
                    for (k, v) in limits { baseLimits[k] = v }
                    base[key] = .object(baseLimits)
                } else {
                    base[key] = member
                }
            }
            merged = .object(base)
        }
        do {
            return try JSONDecoder().decode(MockProfile.self, from: JSONEncoder().encode(merged))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw MockProfileError(path: path, message: "'\(where_)': \(context.debugDescription)")
        } catch {
            throw MockProfileError(path: path, message: "\(error)")
        }
    }

    /// The profile as pretty-printed JSON with sorted keys, in the form ``load(path:)`` reads.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case apiVersions, deployments, voices, outputFormats, inputFormats, modalities, apiKeys, limits, audioTTLSeconds, runSteps
        case storeCapacity
    }
}

/// A profile file that cannot be used: which file and what is wrong with it.
public struct MockProfileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
