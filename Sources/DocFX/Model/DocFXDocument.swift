import Core

/// A DocFX article with includes resolved, and what is wrong with it.
public struct DocFXDocument: Sendable {
    /// The article, relative to the docs root.
    public var file: String
    /// The docs root (absolute path).
    public var root: String
    public var frontMatter: FrontMatter
    public var blocks: [DocBlock]
    /// The article's pivots: the pivot group's pivots (when a `zone-pivot-groups.yml` defines it)
    /// followed by any other pivot its zones name, in document order. Empty without zones.
    public var pivots: [String]
    public var findings: [Finding]
    /// Absolute paths of the article and of every include and code source it names, as resolved
    /// (`~/` maps, the root); missing ones too, since creating them changes the article.
    public var sources: [String] = []

    public init(file: String, root: String, frontMatter: FrontMatter, blocks: [DocBlock], pivots: [String], findings: [Finding]) {
        self.file = file
        self.root = root
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.pivots = pivots
        self.findings = findings
    }
}
