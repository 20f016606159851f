import Core
import Requests

/// Compares requests with the limits their pages state, and the statements with each other.
///
/// Conservative by design: a limit is only applied when it is stated once without disagreement, the
/// request's value is written literally, and the request is a chat completions call the limit is about.
public enum LimitChecks {
    /// `limit-conflict`: one limit stated with different values; reported at the later statement,
    /// naming the earlier one.
    public static func conflicts(_ limits: [DocumentedLimit]) -> [Finding] {
        var findings: [Finding] = []
        var firstByKey: [String: DocumentedLimit] = [:]
        for limit in limits.sorted(by: { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }) {
            guard let first = firstByKey[limit.key] else { firstByKey[limit.key] = limit; continue }
            // One table's or list's entries are about different models (a comparison), not two
            // statements of one limit.
            if let group = limit.group, group == first.group { continue }
            if let subject = limit.subject, let other = first.subject, subject != other { continue }
            if !first.value.sameLimit(as: limit.value) {
                findings.append(Finding(
                    rule: "limit-conflict", severity: .warning, location: limit.location,
                    message: "\(limit.key) is stated as '\(limit.value)' here but as '\(first.value)' at \(first.location); make the statements agree"))
            }
        }
        return findings
    }

    /// The one value of `key` when every statement agrees, else nil.
    static func agreed(_ key: String, in limits: [DocumentedLimit]) -> DocumentedLimit? {
        let statements = limits.filter { $0.key == key }
        guard let first = statements.first, statements.allSatisfy({ $0.value.sameLimit(as: first.value) }) else { return nil }
        return first
    }

    /// `limit-exceeded` and `api-version-mismatch` for the requests of one article.
    public static func check(_ requests: [BuiltRequest], against limits: [DocumentedLimit]) -> [Finding] {
        var findings: [Finding] = []
        let voices = agreed("audio.voices", in: limits)
        let outputCap = agreed("tokens.max-output", in: limits)
        let minimum = agreed("api-version.minimum", in: limits)
        for request in requests where request.urlTemplate.contains("chat/completions") {
            let body = request.canonicalBody
            let usesAudio = body["audio"] != nil
            if let voices, case .names(let names)? = Optional(voices.value),
               let voice = body["audio"]?["voice"]?.stringValue,
               !names.contains(where: { $0.caseInsensitiveCompare(voice) == .orderedSame }) {
                findings.append(Finding(
                    rule: "limit-exceeded", severity: .error, location: request.location,
                    message: "the request asks for voice '\(voice)', but \(voices.location) lists only \(names.joined(separator: ", ")); use a listed voice or update the list"))
            }
            if let outputCap, case .count(let cap) = outputCap.value,
               case .int(let maxTokens)? = body["max_tokens"], maxTokens > cap {
                findings.append(Finding(
                    rule: "limit-exceeded", severity: .warning, location: request.location,
                    message: "max_tokens is \(maxTokens), above the output cap of \(cap) stated at \(outputCap.location); lower it"))
            }
            // The minimum is about the feature its statement introduces; only audio requests are judged.
            if usesAudio, let minimum, case .version(let needed) = minimum.value,
               let version = request.apiVersion, APIVersionOrder.isOlder(version, than: needed) {
                findings.append(Finding(
                    rule: "api-version-mismatch", severity: .error, location: request.location,
                    message: "the request uses api-version \(version), older than \(needed), which \(minimum.location) says the feature needs; use \(needed) or later"))
            }
        }
        return findings
    }
}

/// Orders Azure api-versions: by date, and a preview before the release of the same date.
public enum APIVersionOrder {
    public static func isOlder(_ a: String, than b: String) -> Bool {
        guard let ka = key(a), let kb = key(b) else { return false }
        return ka < kb
    }

    static func key(_ version: String) -> (String, Int)? {
        let date = String(version.prefix(10))
        guard date.count == 10, date.allSatisfy({ $0.isNumber || $0 == "-" }) else { return nil }
        return (date, version.hasSuffix("-preview") ? 0 : 1)
    }
}
