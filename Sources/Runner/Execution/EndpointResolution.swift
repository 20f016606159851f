import Core
import Extraction
import Requests

/// Where a call goes: the sample's endpoint expression turned into a base URL. The reader's own
/// endpoint (an environment variable, a resource host, a value to replace) becomes the run's
/// endpoint; a URL from an earlier answer (a download) is used as it is; anything docverify cannot
/// evaluate is an error, never silently the mock.
enum EndpointResolution {
    enum Outcome: Equatable {
        case url(String)
        /// Why the endpoint has no value (for `request-unresolved`).
        case unresolved(String)
        /// The whole URL is a word the reader replaces (`--url 'URL'`): there is no path to run.
        case standIn(String)
    }

    /// Stands for a placeholder inside a literal URL while its host is looked at.
    static let hole = "docverify-hole"

    static func resolve(_ endpoint: SymbolicValue, baseURL: String, resolve: (Placeholder) -> JSONValue?) -> Outcome {
        switch endpoint {
        case .placeholder(let p):
            return whole(p, baseURL: baseURL, resolve: resolve)
        case .string(let s):
            return literal(s, baseURL: baseURL)
        case .template(let parts):
            // `f"{endpoint}/openai/v1"`: the variable holds the endpoint, the rest is kept.
            if case .placeholder(let first)? = parts.first, case .url(let head) = whole(first, baseURL: baseURL, resolve: resolve) {
                guard let rest = render(parts.dropFirst(), resolve: resolve) else {
                    return .unresolved("a part of the endpoint cannot be evaluated")
                }
                return .url(trimmed(head) + rest)
            }
            guard let text = render(parts[...], resolve: resolve) else {
                return .unresolved("a part of the endpoint cannot be evaluated")
            }
            return literal(text, baseURL: baseURL)
        default:
            return .unresolved("the endpoint is not a URL")
        }
    }

    /// A placeholder that is the whole endpoint.
    static func whole(_ p: Placeholder, baseURL: String, resolve: (Placeholder) -> JSONValue?) -> Outcome {
        switch p {
        case .environment:
            return .url(baseURL)
        case .readerValue(.endpoint, let text):
            // `https://YOUR_RESOURCE_NAME.openai.azure.com/openai/v1`: the run's endpoint, the path kept.
            if case .url(let url) = literal(text, baseURL: baseURL, readersHost: true) { return .url(url) }
            return .url(baseURL)
        case .response:
            guard let value = resolve(p)?.stringValue, value.hasPrefix("http://") || value.hasPrefix("https://") else {
                return .unresolved("the URL taken from an earlier answer is missing or not a URL")
            }
            return .url(value)
        case .unknown(let text):
            return .unresolved("the endpoint comes from `\(text)`, which docverify cannot evaluate")
        default:
            return .unresolved("the endpoint is not a URL")
        }
    }

    /// Template parts as text: environment variables inside a URL (`https://{RESOURCE}.openai…`)
    /// become a marker; nil when a part cannot be evaluated.
    static func render(_ parts: ArraySlice<TemplatePart>, resolve: (Placeholder) -> JSONValue?) -> String? {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let l): out += l
            case .placeholder(.environment), .placeholder(.readerValue(.endpoint, _)): out += hole
            case .placeholder(let p):
                guard let s = resolve(p)?.stringValue else { return nil }
                out += s
            }
        }
        return out
    }

    /// A literal URL: the reader's own resource (an Azure host, a value to replace, a variable in the
    /// host) is replaced by `baseURL`, keeping any path; another host is used as written.
    static func literal(_ text: String, baseURL: String, readersHost: Bool = false) -> Outcome {
        guard let schemeEnd = text.range(of: "://") else {
            if readersHost || text.contains(hole) { return .url(baseURL) }
            return isStandInWord(text) ? .standIn(text) : .unresolved("`\(text)` is not a URL")
        }
        let afterScheme = text[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let host = String(afterScheme[..<hostEnd])
        let rest = String(afterScheme[hostEnd...])
        let hostName = host.split(separator: ":").first.map(String.init) ?? host
        // No real host name has angle brackets or braces: `https://<resource>.openai.azure.com`.
        let madeUp = host.contains { "<>{}[] ".contains($0) }
        if readersHost || madeUp || host.contains(hole) || AzureHosts.isResourceHost(hostName) {
            return .url(trimmed(baseURL) + (rest == "/" ? "" : rest))
        }
        return .url(text)
    }

    /// `URL`, `ENDPOINT_URL`, `REQUEST-URL`: one upper-case word where a URL goes.
    static func isStandInWord(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.contains { $0.isLetter }
            && text.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" || $0 == "-" }
    }

    static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
