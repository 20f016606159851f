/// Splits a URL built in code (`f"{endpoint}/openai/deployments/gpt-4o/chat/completions?api-version={v}"`)
/// into the parts an ``ExtractedRequest`` holds: endpoint, path template with `{deployment}`,
/// deployment and query parameters. Holes can sit anywhere; literal text decides the structure.
struct PythonURLTemplate: Hashable, Sendable {
    var endpoint: SymbolicValue
    var path: String
    var deployment: SymbolicValue?
    var query: [String: SymbolicValue]

    private enum Element: Hashable {
        case character(Character)
        case hole(Placeholder)
    }

    init(_ url: SymbolicValue) {
        let parts: [TemplatePart]
        switch url {
        case .string(let s): parts = [.literal(s)]
        case .template(let p): parts = p
        case .placeholder(let p): parts = [.placeholder(p)]
        default: parts = [.placeholder(.unknown("url"))]
        }
        var elements: [Element] = []
        for part in parts {
            switch part {
            case .literal(let s): elements.append(contentsOf: s.map(Element.character))
            case .placeholder(let p): elements.append(.hole(p))
            }
        }

        Self.separateGluedEndpoint(&elements)
        // The path starts at the first '/' after "scheme://host", or the first '/' at all.
        var searchFrom = 0
        if let scheme = Self.find(Array("://").map(Element.character), in: elements) { searchFrom = scheme + 3 }
        let pathStart = elements[searchFrom...].firstIndex(of: .character("/")) ?? elements.count
        endpoint = Self.value(elements[..<pathStart])
        let rest = elements[pathStart...]
        let queryStart = rest.firstIndex(of: .character("?")) ?? rest.endIndex
        let pathElements = Array(rest[..<queryStart])

        var segments = pathElements.split(separator: .character("/"), omittingEmptySubsequences: false).map(Array.init)
        var deployment: SymbolicValue?
        if segments.count > 3, Self.text(segments[1]) == "openai", Self.text(segments[2]) == "deployments" {
            deployment = Self.value(segments[3][...])
            segments[3] = Array("{deployment}").map(Element.character)
        }
        path = segments.map { segment in
            var text = ""
            for element in segment {
                switch element {
                case .character(let c): text.append(c)
                case .hole(let p): text += "{\(p.shortName)}"
                }
            }
            return text
        }.joined(separator: "/")
        self.deployment = deployment

        var query: [String: SymbolicValue] = [:]
        if queryStart < rest.endIndex {
            let queryElements = rest[rest.index(after: queryStart)...]
            for pair in queryElements.split(separator: .character("&")) {
                let equals = pair.firstIndex(of: .character("=")) ?? pair.endIndex
                guard let name = Self.text(Array(pair[..<equals])), !name.isEmpty else { continue }
                query[name] = equals < pair.endIndex ? Self.value(pair[pair.index(after: equals)...]) : .string("")
            }
        }
        self.query = query
    }

    /// `f"{endpoint}openai/deployments/…"` or `f"<your-endpoint>openai/…"`: the page's endpoint
    /// ends with '/' (as the portal shows it), so the path starts at `openai/`, not at the next '/'.
    /// Only an endpoint that is a whole hole or a whole `<…>` stand-in is read this way.
    private static func separateGluedEndpoint(_ elements: inout [Element]) {
        var end: Int?
        if case .hole? = elements.first {
            end = 1
        } else if elements.first == .character("<"),
                  let close = elements.firstIndex(of: .character(">")),
                  !elements[..<close].contains(.character("/")) {
            end = close + 1
        }
        guard let end, end < elements.count else { return }
        let glued = Array("openai/").map(Element.character)
        guard elements.count >= end + glued.count, elements[end..<(end + glued.count)].elementsEqual(glued) else { return }
        elements.insert(.character("/"), at: end)
    }

    private static func find(_ needle: [Element], in haystack: [Element]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        guard !needle.isEmpty else { return 0 }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle.first && haystack[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// The literal text of elements without holes.
    private static func text(_ elements: [Element]) -> String? {
        var s = ""
        for e in elements {
            guard case .character(let c) = e else { return nil }
            s.append(c)
        }
        return s
    }

    private static func value(_ elements: ArraySlice<Element>) -> SymbolicValue {
        var parts: [TemplatePart] = []
        for e in elements {
            switch e {
            case .character(let c): parts.append(.literal(String(c)))
            case .hole(let p): parts.append(.placeholder(p))
            }
        }
        return SymbolicValue.normalizedTemplate(parts)
    }
}
