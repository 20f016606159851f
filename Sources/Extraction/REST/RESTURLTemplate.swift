/// Splits a request URL with run-time parts (`${endpoint}/openai/deployments/gpt-4o/chat/completions?api-version=…`,
/// `$AZURE_OPENAI_ENDPOINT/openai/…`) into the pieces of an ``ExtractedRequest``: the endpoint
/// (scheme and host), a path template with `{deployment}`, the deployment and the query.
struct RESTURLTemplate: Hashable, Sendable {
    var endpoint: SymbolicValue
    var path: String
    var deployment: SymbolicValue?
    var query: [String: SymbolicValue]
    /// Run-time values inside the path (`$THREAD_ID` in `/openai/threads/$THREAD_ID/runs`), by the
    /// hole name the path holds (`env:THREAD_ID` for `{env:THREAD_ID}`).
    var pathParameters: [String: SymbolicValue] = [:]

    /// One character of the URL, or a run-time value standing where it is interpolated.
    private enum Piece {
        case char(Character)
        case value(Placeholder)
    }

    /// The index just after a leading `<…>` stand-in (no '/' inside) that `openai/` follows directly.
    private static func gluedStandInEnd(_ pieces: [Piece]) -> Int? {
        var i = 1
        while i < pieces.count {
            guard case .char(let c) = pieces[i], c != "/" else { return nil }
            if c == ">" { break }
            i += 1
        }
        let end = i + 1
        let glued = Array("openai/")
        guard end + glued.count <= pieces.count else { return nil }
        for (k, expected) in glued.enumerated() {
            guard case .char(let c) = pieces[end + k], c == expected else { return nil }
        }
        return end
    }

    static func split(_ parts: [TemplatePart]) -> RESTURLTemplate {
        var pieces: [Piece] = []
        for part in parts {
            switch part {
            case .literal(let l): pieces += l.map { .char($0) }
            case .placeholder(let p): pieces.append(.value(p))
            }
        }
        // The endpoint ends at the first '/' after the authority (after "://" when the scheme is literal).
        var i = 0
        var sawScheme = false
        var endpointPieces: [Piece] = []
        // `${endpoint}openai/…`: an endpoint variable that ends with '/' (as the portal shows it).
        if pieces.count > 1, case .value = pieces[0], case .char(let c) = pieces[1], c.isLetter {
            pieces.insert(.char("/"), at: 1)
        } else if case .char("<")? = pieces.first, let close = gluedStandInEnd(pieces) {
            // `<your-endpoint>openai/…`: the same, with the reader's stand-in in place of a variable.
            pieces.insert(.char("/"), at: close)
        }
        while i < pieces.count {
            if case .char(let c) = pieces[i] {
                if c == "/" && !sawScheme && isSchemeSeparator(pieces, i) {
                    sawScheme = true
                    endpointPieces += pieces[i...i + 1]
                    i += 2
                    continue
                }
                if c == "/" || c == "?" { break }
            }
            endpointPieces.append(pieces[i])
            i += 1
        }
        let endpoint = value(endpointPieces)
        var pathPieces: [Piece] = []
        while i < pieces.count {
            if case .char("?") = pieces[i] { break }
            pathPieces.append(pieces[i])
            i += 1
        }
        var queryPieces: [Piece] = []
        if i < pieces.count { queryPieces = Array(pieces[(i + 1)...]) }

        // Path segments; the one after `deployments` becomes the `{deployment}` hole.
        var segments: [[Piece]] = [[]]
        for piece in pathPieces {
            if case .char("/") = piece { segments.append([]) } else { segments[segments.count - 1].append(piece) }
        }
        var deployment: SymbolicValue?
        var pathParameters: [String: SymbolicValue] = [:]
        var pathText: [String] = []
        for (n, segment) in segments.enumerated() {
            if n > 0, pathText.last == "deployments", !segment.isEmpty {
                deployment = value(segment)
                pathText.append("{deployment}")
            } else if segment.count == 1, case .value(.unknown(let text)) = segment[0], ReaderValues.containsBracedName(text),
                      text.hasPrefix("{"), text.hasSuffix("}") {
                // `/threads/{thread_id}`: a REST reference's path parameter, an id the reader's
                // earlier call returned. Named as the catalog names the hole after its collection.
                let name = pathText.last.flatMap { ReaderValues.idCollections[$0] } ?? String(text.dropFirst().dropLast())
                pathText.append("{\(name)}")
                pathParameters[name] = .placeholder(.readerValue(kind: .resourceID, text: text))
            } else {
                pathText.append(segment.map { piece in
                    switch piece {
                    case .char(let c): String(c)
                    case .value(let p): "{\(p.shortName)}"
                    }
                }.joined())
                for case .value(let p) in segment { pathParameters[p.shortName] = .placeholder(p) }
            }
        }
        var path = pathText.joined(separator: "/")
        if path.isEmpty { path = "/" }

        var query: [String: SymbolicValue] = [:]
        var current: [Piece] = []
        for piece in queryPieces + [.char("&")] {
            if case .char(let c) = piece, c == "&" || c == "#" {
                if let eq = current.firstIndex(where: { if case .char("=") = $0 { true } else { false } }) {
                    let name = current[..<eq].compactMap { if case .char(let c) = $0 { c } else { nil } }
                    query[String(name)] = value(Array(current[(eq + 1)...]))
                } else if !current.isEmpty {
                    let name = current.compactMap { if case .char(let c) = $0 { c } else { nil } }
                    query[String(name)] = .string("")
                }
                current = []
                if c == "#" { break }
            } else {
                current.append(piece)
            }
        }
        return RESTURLTemplate(endpoint: endpoint, path: path, deployment: deployment, query: query, pathParameters: pathParameters)
    }

    private static func isSchemeSeparator(_ pieces: [Piece], _ i: Int) -> Bool {
        guard i > 0, i + 1 < pieces.count, case .char(":") = pieces[i - 1], case .char("/") = pieces[i + 1] else { return false }
        return true
    }

    private static func value(_ pieces: [Piece]) -> SymbolicValue {
        var parts: [TemplatePart] = []
        var text = ""
        for piece in pieces {
            switch piece {
            case .char(let c): text.append(c)
            case .value(let p):
                if !text.isEmpty { parts.append(.literal(text)); text = "" }
                parts.append(.placeholder(p))
            }
        }
        if !text.isEmpty { parts.append(.literal(text)) }
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .literal(let l) = parts[0] { return .string(l) }
        if parts.count == 1, case .placeholder(let p) = parts[0] { return .placeholder(p) }
        return .template(parts)
    }
}
