import Core
import DocFX

/// A quickstart as a reader sees it, per pivot: the product of stage 1 that every later stage reads.
///
/// `QuickstartDocument` → ``Pivot`` → ``Section`` → ``TabVariant`` → ``Step`` → ``CodeSample``.
public struct QuickstartDocument: Sendable {
    /// The article, relative to the docs root.
    public var file: String
    public var title: String?
    /// Every front-matter key, values as text (lists joined by ", ").
    public var frontMatter: [String: String]
    /// One per zone pivot of the article; a single pivot with `id == nil` when it has no zones.
    public var pivots: [Pivot]
    /// Everything wrong with the Markdown itself (include, zone, front matter, alert rules…).
    public var findings: [Finding]
    /// The resolved DocFX blocks the pivots were built from, so later stages can read the prose
    /// around the samples (the procedure model reads set-up links and file names from it).
    public var blocks: [DocBlock]
    /// The absolute docs root `file` (and every finding's file) is relative to; empty when unknown.
    public var root: String = ""

    public init(
        file: String, title: String?, frontMatter: [String: String], pivots: [Pivot], findings: [Finding],
        blocks: [DocBlock] = []
    ) {
        self.file = file
        self.title = title
        self.frontMatter = frontMatter
        self.pivots = pivots
        self.findings = findings
        self.blocks = blocks
    }

    /// Every sample of every pivot, in document order, with where it sits.
    public var allSamples: [(pivot: Pivot, section: Section, tab: TabVariant, sample: CodeSample)] {
        pivots.flatMap { pivot in
            pivot.sections.flatMap { section in
                section.tabs.flatMap { tab in
                    tab.samples.map { (pivot, section, tab, $0) }
                }
            }
        }
    }
}

/// The content a reader sees with one zone pivot selected.
public struct Pivot: Sendable {
    /// The pivot id (`programming-language-python`), nil for an article without zones.
    public var id: String?
    public var sections: [Section]

    public init(id: String?, sections: [Section]) {
        self.id = id
        self.sections = sections
    }
}

/// Content under one H2 heading of a pivot's flattened content (content before the first H2 sits in
/// a section with an empty title).
public struct Section: Sendable {
    public var title: String
    /// The heading's location (it may be in an include).
    public var location: SourceLocation
    /// Tab variants in order; content outside any tab group is a variant with `id == nil`.
    public var tabs: [TabVariant]

    public init(title: String, location: SourceLocation, tabs: [TabVariant]) {
        self.title = title
        self.location = location
        self.tabs = tabs
    }
}

/// One tab of a tab group (or the untabbed content of a section).
public struct TabVariant: Sendable {
    /// The tab id (`keyless`, `api-key`); nil for content outside tab groups.
    public var id: String?
    /// The tab's heading text (`Microsoft Entra ID`).
    public var label: String?
    /// Which tab group of the section (0, 1, …), nil for content outside tab groups.
    public var group: Int?
    /// For a dependent tab (`#tab/ID/COND`), the condition id.
    public var condition: String?
    public var location: SourceLocation?
    public var steps: [Step]

    public init(id: String?, label: String?, group: Int?, condition: String? = nil, location: SourceLocation?, steps: [Step]) {
        self.id = id
        self.label = label
        self.group = group
        self.condition = condition
        self.location = location
        self.steps = steps
    }

    public var samples: [CodeSample] { steps.flatMap(\.samples) }
}

/// A numbered step (list item) or, for samples outside lists, the paragraph before the sample.
public struct Step: Sendable {
    /// The step's lead text, inline Markdown flattened ("Create the `to-audio.py` file with …").
    public var text: String
    public var location: SourceLocation
    public var samples: [CodeSample]

    public init(text: String, location: SourceLocation, samples: [CodeSample]) {
        self.text = text
        self.location = location
        self.samples = samples
    }
}
