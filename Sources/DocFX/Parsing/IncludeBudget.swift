/// Bounds how far one article's includes expand (count, total size, depth).
struct IncludeBudget {
    /// Real articles splice tens of includes; a thousand is far beyond any page.
    static let maxIncludes = 1_000
    /// Total bytes of included files read for one article.
    static let maxBytes = 32 * 1024 * 1024
    /// Includes within includes; DocFX docsets nest two or three levels.
    static let maxDepth = 16

    private(set) var includes = 0
    private(set) var bytes = 0
    /// The first overflow is reported once per article.
    var reported = false

    /// Counts one more include of `bytes` at nesting `depth` (1 = included by the article); the
    /// reason when that goes beyond a bound, nil when it fits.
    mutating func spend(bytes size: Int, depth: Int) -> String? {
        if depth > Self.maxDepth { return "includes are nested more than \(Self.maxDepth) levels deep" }
        includes += 1
        bytes += size
        if includes > Self.maxIncludes { return "this article splices more than \(Self.maxIncludes) includes" }
        if bytes > Self.maxBytes { return "this article's includes add up to more than \(Self.maxBytes / 1024 / 1024) MB" }
        return nil
    }
}
