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
    /// ``needles`` as UTF-8, for the byte scan.
    private(set) var needleBytes: [[UInt8]] = []

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
        copy.needles = all.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
        copy.needleBytes = copy.needles.map { Array($0.utf8) }.filter { !$0.isEmpty }
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

    /// `text` with every known value and every secret named by a rule replaced, in one pass over
    /// its bytes. At each byte the name rules go before the known values, so `https://user:pass@host`
    /// loses its user-info whole rather than becoming `https://user:[redacted]@host`.
    public func redact(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard let rewritten = Self.rewrite(&bytes, triggers: triggers, { buffer, i in
            if buffer[i] == UInt8(ascii: ":"), let match = Self.userInfo(buffer, i) { return match }
            if Self.querySeparators[Int(buffer[i])], let match = queryValue(buffer, i) { return match }
            if buffer[i] | 0x20 == UInt8(ascii: "b"), let match = bearerToken(buffer, i) { return match }
            return knownValue(buffer, i)
        }) else { return text }
        return String(decoding: rewritten, as: UTF8.self)
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
        var bytes = Array(url.utf8)
        var colon = [Bool](repeating: false, count: 256)
        colon[Int(UInt8(ascii: ":"))] = true
        guard let rewritten = rewrite(&bytes, triggers: colon, { userInfo($0, $1) }) else { return url }
        return String(decoding: rewritten, as: UTF8.self)
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

    // MARK: - One pass over the bytes

    /// Bytes at which a rule may start: `:` (user-info), `?` `&` `;` (query keys), `b` `B`
    /// (`Bearer`), and the first byte of every known value. Looked up per byte, so a long report
    /// costs one table lookup for most of its bytes.
    var triggers: [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in ":?&;bB".utf8 { table[Int(byte)] = true }
        for needle in needles { if let first = needle.utf8.first { table[Int(first)] = true } }
        return table
    }

    static let querySeparators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "?&;".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Copies `bytes`, replacing each range `match` finds (a match returns where the replaced range
    /// ends and what goes in its place); nil when nothing matched.
    static func rewrite(
        _ bytes: inout [UInt8], triggers: [Bool], _ match: (UnsafeBufferPointer<UInt8>, Int) -> (end: Int, replacement: [UInt8])?
    ) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var out: [UInt8]?
            var copied = 0
            var i = 0
            while i < buffer.count {
                guard triggers[Int(buffer[i])], let (end, replacement) = match(buffer, i), end > i else {
                    i += 1
                    continue
                }
                if out == nil { out = []; out!.reserveCapacity(buffer.count) }
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<i]))
                out!.append(contentsOf: replacement)
                copied = end
                i = end
            }
            guard var result = out else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<buffer.count]))
            return result
        }
    }

    /// Bytes that end a URL's authority, a query value or a token in running text.
    static let delimiters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in " \t\n\r\"'<>`\\()[]{}|".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func isDelimiter(_ byte: UInt8) -> Bool { delimiters[Int(byte)] }

    /// At the `:` of `://` (or JSON's `:\/\/`) followed by `user:pass@`: the scheme separator alone.
    static func userInfo(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> (end: Int, replacement: [UInt8])? {
        let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\")
        let start: Int
        if i + 2 < buffer.count, buffer[i + 1] == slash, buffer[i + 2] == slash {
            start = i + 3
        } else if i + 4 < buffer.count, buffer[i + 1] == backslash, buffer[i + 2] == slash, buffer[i + 3] == backslash, buffer[i + 4] == slash {
            start = i + 5
        } else {
            return nil
        }
        var end = start
        var lastAt: Int?
        while end < buffer.count {
            let b = buffer[end]
            if b == slash || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || isDelimiter(b) { break }
            if b == UInt8(ascii: "@") { lastAt = end }
            end += 1
        }
        guard let lastAt else { return nil }
        return (lastAt + 1, Array(UnsafeBufferPointer(rebasing: buffer[i..<start])))
    }

    /// At `?`, `&` or `;` followed by a key of ``queryKeys`` and `=`: the value replaced.
    func queryValue(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> (end: Int, replacement: [UInt8])? {
        let nameStart = i + 1
        var nameEnd = nameStart
        while nameEnd < buffer.count, nameEnd - nameStart <= 32, Self.isNameByte(buffer[nameEnd]) { nameEnd += 1 }
        guard nameEnd < buffer.count, nameEnd > nameStart, buffer[nameEnd] == UInt8(ascii: "=") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<nameEnd]), as: UTF8.self).lowercased()
        guard Self.queryKeys.contains(name) else { return nil }
        var valueEnd = nameEnd + 1
        while valueEnd < buffer.count {
            let v = buffer[valueEnd]
            if v == UInt8(ascii: "&") || v == UInt8(ascii: "#") || v == UInt8(ascii: ";") || Self.isDelimiter(v) { break }
            valueEnd += 1
        }
        let markerBytes = Array(marker.utf8)
        let value = UnsafeBufferPointer(rebasing: buffer[(nameEnd + 1)..<valueEnd])
        guard !value.isEmpty, !value.elementsEqual(markerBytes) else { return nil }
        return (valueEnd, Array(UnsafeBufferPointer(rebasing: buffer[i...nameEnd])) + markerBytes)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    static let bearerWord = Array("bearer ".utf8)

    /// At `Bearer ` (any case, not inside a word) followed by something that looks like a token
    /// (long, with a digit or a dot): the token replaced.
    func bearerToken(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> (end: Int, replacement: [UInt8])? {
        let word = Self.bearerWord
        guard i + word.count < buffer.count, i == 0 || !Self.isNameByte(buffer[i - 1]) else { return nil }
        for k in 0..<word.count where Self.lowered(buffer[i + k]) != word[k] { return nil }
        var start = i + word.count
        while start < buffer.count, buffer[start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        var looksLikeToken = false
        while end < buffer.count, Self.isTokenByte(buffer[end]) {
            if buffer[end] == UInt8(ascii: ".") || (buffer[end] >= UInt8(ascii: "0") && buffer[end] <= UInt8(ascii: "9")) { looksLikeToken = true }
            end += 1
        }
        guard looksLikeToken, end - start >= Self.bearerMinimum else { return nil }
        return (end, Array(UnsafeBufferPointer(rebasing: buffer[i..<start])) + Array(marker.utf8))
    }

    /// A known value (longest first) starting at `i`.
    func knownValue(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> (end: Int, replacement: [UInt8])? {
        for needle in needleBytes where i + needle.count <= buffer.count && needle[0] == buffer[i] {
            let equal = needle.withUnsafeBufferPointer { memcmp(buffer.baseAddress! + i, $0.baseAddress!, needle.count) == 0 }
            if equal { return (i + needle.count, Array(marker.utf8)) }
        }
        return nil
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
