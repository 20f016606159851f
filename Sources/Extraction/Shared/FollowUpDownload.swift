/// A GET of a URL taken whole from an earlier answer (an image URL from `images.generate`) fetches a
/// result; it is not an API call and is never checked against an operation.
enum FollowUpDownload {
    static func isDownload(url: SymbolicValue, method: String) -> Bool {
        guard method.uppercased() == "GET" else { return false }
        switch url {
        case .placeholder(.response): return true
        case .template(let parts):
            if case .placeholder(.response)? = parts.first { return true }
            return false
        default: return false
        }
    }
}
