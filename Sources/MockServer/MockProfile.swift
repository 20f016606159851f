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
    /// Values of the `api-version` query parameter the service knows; others get 404.
    public var apiVersions: [String]
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
        apiVersions: [String], deployments: [String], voices: [String],
        outputFormats: [String: AudioEncoding], inputFormats: [String], modalities: [String],
        apiKeys: [String]? = nil, limits: Limits, audioTTLSeconds: Int = 3_600
    ) {
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
    /// inference spec; the two deployments are the audio models the quickstarts name. Input audio is
    /// capped at 20 MB (the documented audio message size); whole bodies at 48 MiB, enough for
    /// 20 MB of audio in base64 plus JSON.
    public static let `default` = MockProfile(
        apiVersions: ["2025-01-01-preview"],
        deployments: ["gpt-4o-audio-preview", "gpt-4o-mini-audio-preview"],
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
        case apiVersions, deployments, voices, outputFormats, inputFormats, modalities, apiKeys, limits, audioTTLSeconds
    }
}

/// A profile file that cannot be used: which file and what is wrong with it.
public struct MockProfileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
