import Core
import Foundation

/// Large binary payloads in goldens become `{"$bytes": N, "sha256": "…", "media": {…}}`: a diff
/// shows that the audio changed and how (rate, channels, duration) without megabytes of base64.
public enum PayloadDigest {
    /// Payloads up to this size stay inline.
    static let inlineLimit = 1024

    static func digest(_ data: Data) -> JSONValue {
        var object: [String: JSONValue] = ["$bytes": .int(data.count), "sha256": .string(SHA256.hex(data))]
        if let media = MediaProbe.describe(data) { object["media"] = media }
        return .object(object)
    }

    /// The digest of a base64 string over the limit, nil for anything else (long prose stays text).
    static func digest(base64 text: String) -> JSONValue? {
        guard text.utf8.count > inlineLimit, text.utf8.allSatisfy(isBase64), let data = Data(base64Encoded: text) else { return nil }
        return digest(data)
    }

    /// Replaces every large base64 string in `value` by its digest.
    static func replacingBase64(in value: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < VolatileMasker.maxDepth else { return value }
        switch value {
        case .string(let s): return digest(base64: s) ?? value
        case .array(let items): return .array(items.map { replacingBase64(in: $0, depth: depth + 1) })
        case .object(let members): return .object(members.mapValues { replacingBase64(in: $0, depth: depth + 1) })
        default: return value
        }
    }

    /// True for a digest object.
    public static func isDigest(_ value: JSONValue) -> Bool { value["$bytes"] != nil && value["sha256"] != nil }

    private static func isBase64(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47 || c == 61 || c == 10 || c == 13
    }
}
