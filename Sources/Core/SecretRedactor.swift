import Foundation

/// The one place docverify removes credentials from what it writes: reports of every format,
/// goldens, error messages, logs and the mock's request log.
///
/// Two kinds of rule apply together:
/// - **Known values.** The run's API key, bearer token and the `user:password` of `--endpoint` are
///   replaced wherever they occur, in any of the spellings an output may give them (JSON, HTML/XML
///   or percent escaped), so an endpoint that echoes a credential in a body, a header or an error
///   message cannot get it printed.
/// - **Names.** Whatever the value: the user-info of every `scheme://user:pass@host` URL is
///   dropped, the values of secret query keys (``queryKeys``) and the token of a `Bearer` credential
///   are replaced, and headers named in ``headerNames`` are redacted by ``redactHeader(name:value:)``.
///
/// Values shorter than ``minimumLength`` are not searched for as free text: a key such as `a` or
/// `test` would turn every word containing it into the marker and wreck the report. Real Azure keys
/// are 32 or more characters and Entra ID tokens hundreds; a short credential is still removed
/// wherever a name says it is one (header, query key, URL user-info).
public struct SecretRedactor: Sendable, Hashable {
    /// What a secret is replaced with.
    public var marker: String
    /// The secret values in every spelling searched for, longest first (so `user:pass` goes before `pass`).
    public private(set) var needles: [String]

    /// Shorter values are only redacted by name, never searched for as free text.
    public static let minimumLength = 8
    /// Header names (lower-case) whose values are credentials.
    public static let headerNames: Set<String> = [
        "api-key", "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "ocp-apim-subscription-key",
    ]
    /// Query keys (lower-case) whose values are credentials: Azure keys, SAS signatures (`sig`),
    /// Functions keys (`code`), OAuth tokens.
    public static let queryKeys: Set<String> = [
        "api-key", "api_key", "apikey", "subscription-key", "subscription_key", "sig", "code", "token", "access_token", "key",
        "password", "secret", "client_secret",
    ]
    /// A `Bearer` token is replaced by name only when it is at least this long and has a digit or a
    /// dot, so prose such as "Bearer authentication" survives.
    static let bearerMinimum = 16

    /// A redactor of `values` (short and empty ones are kept only for the name rules).
    public init(values: some Sequence<String>, marker: String = "[redacted]") {
        self.marker = marker
        self.needles = []
        self = adding(values)
    }

    /// Name rules only: no value is known.
    public static let names = SecretRedactor(values: [])

    /// This redactor with `values` known as well.
    public func adding(_ values: some Sequence<String>) -> SecretRedactor {
        var all = Set(needles)
        for value in values where value.count >= Self.minimumLength && value != marker {
            all.formUnion(Self.spellings(of: value))
        }
        var copy = self
        copy.needles = all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return copy
    }

    /// The same values, replaced by `marker`.
    public func with(marker: String) -> SecretRedactor {
        var copy = self
        copy.marker = marker
        return copy
    }

    /// The credentials an endpoint URL carries: the password of its user-info (alone, as
    /// `user:password`, and base64-encoded as libcurl sends it in `Authorization: Basic`), and the
    /// values of secret query keys.
    public static func endpointSecrets(_ endpoint: String) -> [String] {
        guard let components = URLComponents(string: endpoint) else { return [] }
        var values: [String] = []
        if let password = components.password, !password.isEmpty {
            let user = components.user ?? ""
            values += [password, "\(user):\(password)", Data("\(user):\(password)".utf8).base64EncodedString()]
            if let decoded = components.percentEncodedPassword?.removingPercentEncoding, decoded != password { values.append(decoded) }
            if let decodedUser = components.percentEncodedUser?.removingPercentEncoding, let decoded = password.removingPercentEncoding {
                values.append(Data("\(decodedUser):\(decoded)".utf8).base64EncodedString())
            }
        }
        for item in components.queryItems ?? [] where queryKeys.contains(item.name.lowercased()) {
            if let value = item.value, !value.isEmpty { values.append(value) }
        }
        return values
    }

    // MARK: - Text

    /// `text` with every known value and every secret named by a rule replaced.
    public func redact(_ text: String) -> String {
        var out = text
        // Names first: user-info is dropped whole (`https://host`), not left as `https://[redacted]@host`.
        // The byte scanners only run when their trigger is present: most texts have none.
        if out.contains("://") || out.contains(":\\/\\/") || out.contains("=") || out.range(of: "bearer", options: .caseInsensitive) != nil {
            var bytes = Array(out.utf8)
            bytes = Self.stripUserInfo(bytes)
            bytes = redactQueryValues(bytes)
            bytes = redactBearerTokens(bytes)
            out = String(decoding: bytes, as: UTF8.self)
        }
        for needle in needles where out.contains(needle) {
            out = out.replacingOccurrences(of: needle, with: marker)
        }
        return out
    }

    /// A header's value as it may be shown: the marker for a credential header (keeping an
    /// `Authorization` scheme such as `Bearer`, which is not secret), else the value redacted.
    public func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        guard Self.headerNames.contains(lower) else { return redact(value) }
        if lower.hasSuffix("authorization"), let space = value.firstIndex(of: " ") {
            return "\(value[..<space]) \(marker)"
        }
        return marker
    }

    /// A URL without its user-info (`https://user:pass@host/` → `https://host/`); other text is
    /// returned as it is.
    public static func stripUserInfo(_ url: String) -> String {
        guard url.contains("@") else { return url }
        return String(decoding: stripUserInfo(Array(url.utf8)), as: UTF8.self)
    }

    // MARK: - JSON

    /// Deeper JSON is replaced whole by the marker: walking it would need unbounded recursion, and
    /// leaving it unwalked could leak.
    public static let maxDepth = 256

    /// Every string (member names included) with its secrets redacted.
    public func redact(_ value: JSONValue) -> JSONValue {
        redact(value, depth: 0)
    }

    func redact(_ value: JSONValue, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return .string(marker) }
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let items): return .array(items.map { redact($0, depth: depth + 1) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (name, member) in members { out[redact(name)] = redact(member, depth: depth + 1) }
            return .object(out)
        default: return value
        }
    }

    // MARK: - Spellings

    /// `value` as outputs may spell it: raw, JSON-escaped (with and without `\/`), HTML/XML-escaped
    /// (each apostrophe form), percent-encoded.
    static func spellings(of value: String) -> Set<String> {
        var out: Set<String> = [value]
        let json = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        out.insert(json)
        out.insert(json.replacingOccurrences(of: "/", with: "\\/"))
        let html = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        for apostrophe in ["'", "&#39;", "&#x27;", "&apos;"] { out.insert(html.replacingOccurrences(of: "'", with: apostrophe)) }
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        if let percent = value.addingPercentEncoding(withAllowedCharacters: unreserved) {
            out.insert(percent)
            out.insert(percentLowercased(percent))
        }
        return out
    }

    /// `%2F` spelled `%2f`, as some encoders write it.
    static func percentLowercased(_ text: String) -> String {
        var out = ""
        var pending = 0
        for character in text {
            if character == "%" { pending = 2; out.append(character); continue }
            if pending > 0 { pending -= 1; out += character.lowercased() } else { out.append(character) }
        }
        return out
    }

    // MARK: - Byte scanners

    /// Bytes that end a URL's authority, a query value or a token in running text.
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"):
            return true
        default:
            return false
        }
    }

    /// Drops `user:pass@` after every `://` (or JSON's `:\/\/`).
    static func stripUserInfo(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            let afterScheme: Int?
            if bytes[i] == UInt8(ascii: ":"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") {
                afterScheme = i + 3
            } else if bytes[i] == UInt8(ascii: ":"), i + 4 < bytes.count, bytes[(i + 1)...(i + 4)].elementsEqual(Array(#"\/\/"#.utf8)) {
                afterScheme = i + 5
            } else {
                afterScheme = nil
            }
            guard let start = afterScheme else {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[(i + 1)..<start])
            var end = start
            var lastAt: Int?
            while end < bytes.count {
                let b = bytes[end]
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || isDelimiter(b) { break }
                if b == UInt8(ascii: "@") { lastAt = end }
                end += 1
            }
            i = (lastAt.map { $0 + 1 }) ?? start
        }
        return out
    }

    /// Replaces the value after `?key=`, `&key=` or `;key=` (`&amp;key=` in HTML) for every key of ``queryKeys``.
    func redactQueryValues(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let markerBytes = Array(marker.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            out.append(b)
            i += 1
            guard b == UInt8(ascii: "?") || b == UInt8(ascii: "&") || b == UInt8(ascii: ";") else { continue }
            var nameEnd = i
            while nameEnd < bytes.count, nameEnd - i <= 32, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd < bytes.count, nameEnd > i, bytes[nameEnd] == UInt8(ascii: "=") else { continue }
            let name = String(decoding: bytes[i..<nameEnd], as: UTF8.self).lowercased()
            guard Self.queryKeys.contains(name) else { continue }
            var valueEnd = nameEnd + 1
            while valueEnd < bytes.count {
                let v = bytes[valueEnd]
                if v == UInt8(ascii: "&") || v == UInt8(ascii: "#") || v == UInt8(ascii: ";") || Self.isDelimiter(v) { break }
                valueEnd += 1
            }
            let value = bytes[(nameEnd + 1)..<valueEnd]
            out.append(contentsOf: bytes[i...nameEnd])
            if value.isEmpty || value.elementsEqual(markerBytes) {
                out.append(contentsOf: value)
            } else {
                out.append(contentsOf: markerBytes)
            }
            i = valueEnd
        }
        return out
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// Replaces the token after `Bearer ` when it looks like one (long, with a digit or a dot).
    func redactBearerTokens(_ bytes: [UInt8]) -> [UInt8] {
        let word = Array("bearer ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard i + word.count < bytes.count, (0..<word.count).allSatisfy({ Self.lowered(bytes[i + $0]) == word[$0] }),
                  i == 0 || !Self.isNameByte(bytes[i - 1]) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var start = i + word.count
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            var looksLikeToken = false
            while end < bytes.count, Self.isTokenByte(bytes[end]) {
                if bytes[end] == UInt8(ascii: ".") || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9")) { looksLikeToken = true }
                end += 1
            }
            out.append(contentsOf: bytes[i..<start])
            if looksLikeToken, end - start >= Self.bearerMinimum {
                out.append(contentsOf: Array(marker.utf8))
            } else {
                out.append(contentsOf: bytes[start..<end])
            }
            i = end
        }
        return out
    }

    static func lowered(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        isNameByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "~") || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "=")
    }
}

extension Finding {
    /// The finding with its message redacted.
    public func redacted(by redactor: SecretRedactor) -> Finding {
        var copy = self
        copy.message = redactor.redact(message)
        return copy
    }
}
