import Core
import Quickstart

/// Where a sample sits, for front-ends whose reading depends on neighbours: an HTTP block takes
/// its body from the `json` fence that follows it in the same step list.
struct FrontEndContext: Sendable {
    var pivot: String?
    var tab: String?
    /// The sample before this one in the same tab variant (or untabbed content), if any.
    var previous: CodeSample?
    /// The sample after this one in the same tab variant, if any.
    var next: CodeSample?

    init(pivot: String? = nil, tab: String? = nil, previous: CodeSample? = nil, next: CodeSample? = nil) {
        self.pivot = pivot
        self.tab = tab
        self.previous = previous
        self.next = next
    }
}

/// A language front-end: reads one sample's code, without running it, into a ``SampleExtraction``.
protocol LanguageFrontEnd: Sendable {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction
}
