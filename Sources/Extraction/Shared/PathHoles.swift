/// The run-time values a URL's path holds, by the hole name its path template shows
/// (`{response:1:id}` → the placeholder), so the Runner can fill them.
enum PathHoles {
    static func parameters(path: String, url: SymbolicValue) -> [String: SymbolicValue] {
        var out: [String: SymbolicValue] = [:]
        let placeholders: [Placeholder]
        switch url {
        case .placeholder(let p): placeholders = [p]
        case .template(let parts): placeholders = parts.compactMap { if case .placeholder(let p) = $0 { p } else { nil } }
        default: placeholders = []
        }
        for p in placeholders where path.contains("{\(p.shortName)}") {
            out[p.shortName] = .placeholder(p)
        }
        return out
    }
}
