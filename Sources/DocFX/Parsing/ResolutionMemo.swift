/// The paths one article's directives resolved, so a path written the same way from the same
/// folder is resolved once. A resolution depends only on the written path and the folder of the
/// file it is written in (the resolver's root and mappings are fixed for the article).
struct ResolutionMemo {
    private var entries: [Key: PathResolver.Resolution] = [:]
    /// How many resolutions were computed rather than remembered (for tests).
    private(set) var misses = 0

    private struct Key: Hashable {
        var folder: Substring
        var written: String
    }

    /// `resolver.resolve(written, fromFile:)`, remembered per folder of `fromFile`.
    mutating func resolve(_ written: String, fromFile: String, with resolver: PathResolver) -> PathResolver.Resolution {
        // `fromFile` is absolute and standardized: its folder is everything before the last slash.
        let folder = fromFile.lastIndex(of: "/").map { fromFile[..<$0] } ?? ""
        let key = Key(folder: folder, written: written)
        if let known = entries[key] { return known }
        let resolution = resolver.resolve(written, fromFile: fromFile)
        misses += 1
        entries[key] = resolution
        return resolution
    }
}
