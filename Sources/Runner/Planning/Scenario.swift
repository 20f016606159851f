import Core
import Extraction
import Quickstart
import Requests

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

    /// True when a call names a resource by an id an earlier step handed out (`thread_abc123` in a
    /// REST step), so the scenario runs after the one before it, whose ids it uses.
    public var usesEarlierIDs: Bool {
        samples.contains { entry in
            entry.extraction.requests.contains { request in
                request.path.split(separator: "/").contains { ResourceIDs.prefix(of: String($0)) != nil }
                    || request.pathParameters.values.contains { Self.namesID($0, depth: 0) }
                    || request.body.map { Self.namesID($0, depth: 0) } == true
                    || (request.multipart ?? []).contains { Self.namesID($0.value, depth: 0) }
            }
        }
    }

    /// True when a call creates an assistants-family resource (assistant, thread, message, run,
    /// file) whose id a later step may use.
    public var createsResources: Bool {
        samples.contains { entry in
            entry.extraction.requests.contains { request in
                OperationCatalog.match(method: request.method, path: request.path).map { Self.creators.contains($0.id) } ?? false
            }
        }
    }

    static let creators: Set<String> = [
        "assistants.create", "threads.create", "threads.messages.create", "threads.runs.create",
        "threads.runs.createThreadAndRun", "files.create",
    ]

    private static func namesID(_ value: SymbolicValue, depth: Int) -> Bool {
        guard depth < 16 else { return false }
        switch value {
        case .string(let s): return ResourceIDs.prefix(of: s) != nil
        case .placeholder(.readerValue(.resourceID, _)): return true
        case .array(let items): return items.contains { namesID($0, depth: depth + 1) }
        case .object(let members): return members.values.contains { namesID($0, depth: depth + 1) }
        default: return false
        }
    }
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
