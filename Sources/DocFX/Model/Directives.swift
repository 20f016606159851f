import Core

/// `:::image type="content|complex|icon" source="…" alt-text="…":::` (a complex image's long
/// description runs to `:::image-end:::`).
public struct ImageDirective: Sendable {
    public var attributes: [String: String]
    /// The long description of a `type="complex"` image.
    public var description: [DocBlock]
    public var location: SourceLocation

    public init(attributes: [String: String], description: [DocBlock], location: SourceLocation) {
        self.attributes = attributes
        self.description = description
        self.location = location
    }

    public var type: String { attributes["type"] ?? "content" }
    public var source: String? { attributes["source"] }
    public var altText: String? { attributes["alt-text"] }
}

/// Code pulled from a file: `:::code source="…" language="…" range="2-24,26" id="…":::` or the
/// legacy `[!code-python[](file.py#L12-L16)]`.
public struct CodeDirective: Sendable {
    /// The language as written (`python`, `csharp`).
    public var language: String
    /// The source file relative to the docs root.
    public var source: String
    /// The line ranges asked for (`range=` / `#L12-L16`), empty for the whole file.
    public var ranges: [ClosedRange<Int>]
    /// The named snippet (`id=` / `?name=`), when asked for.
    public var snippetID: String?
    /// The pulled code, ending with a newline; nil when the source could not be read.
    public var code: String?
    /// Line of the source file where the pulled code starts.
    public var sourceStartLine: Int
    /// The directive's line in the Markdown.
    public var location: SourceLocation

    public init(language: String, source: String, ranges: [ClosedRange<Int>], snippetID: String?, code: String?, sourceStartLine: Int, location: SourceLocation) {
        self.language = language
        self.source = source
        self.ranges = ranges
        self.snippetID = snippetID
        self.code = code
        self.sourceStartLine = sourceStartLine
        self.location = location
    }
}
