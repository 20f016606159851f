import Core
import Extraction
import Quickstart

/// One thing a reader can do with the doc: a pivot, a section, and a tab of that section
/// (pivot × section × tab), with the samples it runs in order.
public struct Scenario: Hashable, Sendable, Identifiable {
    /// `pivot/section/tab`, stable across runs (golden files and reports key on it).
    public var id: String
    public var pivot: String?
    public var section: String
    public var sectionLocation: SourceLocation
    public var tab: String?
    public var tabLabel: String?
    /// Samples that make requests, in document order.
    public var samples: [ScenarioSample]
    /// Scenarios that must run first: they write files this one reads.
    public var dependencies: [String]

    public init(
        id: String, pivot: String?, section: String, sectionLocation: SourceLocation, tab: String?,
        tabLabel: String?, samples: [ScenarioSample], dependencies: [String]
    ) {
        self.id = id
        self.pivot = pivot
        self.section = section
        self.sectionLocation = sectionLocation
        self.tab = tab
        self.tabLabel = tabLabel
        self.samples = samples
        self.dependencies = dependencies
    }

    /// Files the scenario's samples read.
    public var reads: Set<String> { Set(samples.flatMap { $0.extraction.reads.map(\.path) }) }
    /// Files the scenario's samples write.
    public var writes: Set<String> { Set(samples.flatMap { $0.extraction.writes.map(\.path) }) }
}

/// A sample of a scenario together with what extraction learned about it.
public struct ScenarioSample: Hashable, Sendable {
    public var sample: CodeSample
    public var extraction: SampleExtraction

    public init(sample: CodeSample, extraction: SampleExtraction) {
        self.sample = sample
        self.extraction = extraction
    }
}
