import Core
import Limits

/// Plans boundary probes from the limits the docs state: every documented voice and one they do not
/// list, input audio just under and just over the documented size, `max_tokens` at and over the cap,
/// the documented minimum api-version and the one before it.
public enum ProbePlanner {
    /// How far past a size limit the probes go, in percent: enough that a limit written in MB and
    /// enforced in MiB (4.9% apart) is still judged on the right side.
    static let sizeMarginPercent = 5

    /// - Parameters:
    ///   - limits: the documented limits (only keys stated once without disagreement are probed).
    ///   - knownVoices: voices some spec or model knows, to pick an undocumented one from.
    ///   - knownVersions: published api-versions, to find the one before the documented minimum.
    public static func plan(_ limits: [DocumentedLimit], knownVoices: [String], knownVersions: [String]) -> [Probe] {
        var probes: [Probe] = []
        if let voices = agreed("audio.voices", limits), case .names(let names) = voices.value {
            for name in names {
                probes.append(Probe(limit: voices, summary: "voice '\(name.lowercased())' (documented)", payload: .voice(name.lowercased()), expectation: .accept))
            }
            let listed = Set(names.map { $0.lowercased() })
            let outsider = knownVoices.map { $0.lowercased() }.first { !listed.contains($0) } ?? "docverify-unlisted-voice"
            probes.append(Probe(limit: voices, summary: "voice '\(outsider)' (not in the documented list)", payload: .voice(outsider), expectation: .refuse))
        }
        if let size = agreed("audio.max-input-size", limits), case .bytes(let bytes, _) = size.value, bytes > 1_024 {
            let under = bytes - bytes * sizeMarginPercent / 100
            let over = bytes + bytes * sizeMarginPercent / 100
            probes.append(Probe(limit: size, summary: "\(under) bytes of input audio (just under)", payload: .inputAudio(bytes: under), expectation: .accept))
            probes.append(Probe(limit: size, summary: "\(over) bytes of input audio (just over)", payload: .inputAudio(bytes: over), expectation: .refuse))
        }
        if let cap = agreed("tokens.max-output", limits), case .count(let tokens) = cap.value, tokens > 0 {
            probes.append(Probe(limit: cap, summary: "max_tokens \(tokens) (at the cap)", payload: .maxTokens(tokens), expectation: .accept))
            probes.append(Probe(limit: cap, summary: "max_tokens \(tokens + 1) (over the cap)", payload: .maxTokens(tokens + 1), expectation: .refuse))
        }
        if let minimum = agreed("api-version.minimum", limits), case .version(let version) = minimum.value {
            probes.append(Probe(limit: minimum, summary: "api-version \(version) (the documented minimum)", payload: .apiVersion(version), expectation: .accept))
            let earlier = knownVersions.filter { APIVersionOrder.isOlder($0, than: version) }
                .max { APIVersionOrder.isOlder($0, than: $1) }
            if let earlier {
                probes.append(Probe(limit: minimum, summary: "api-version \(earlier) (the one before the minimum)", payload: .apiVersion(earlier), expectation: .refuse))
            }
        }
        return probes
    }

    /// The statement of `key` when all statements agree (the same rule as ``LimitChecks``).
    static func agreed(_ key: String, _ limits: [DocumentedLimit]) -> DocumentedLimit? {
        let statements = limits.filter { $0.key == key }
        guard let first = statements.first, statements.allSatisfy({ $0.value.sameLimit(as: first.value) }) else { return nil }
        return first
    }
}
