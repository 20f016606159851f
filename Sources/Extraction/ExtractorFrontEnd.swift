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
    /// Every sample the reader sees with this one (same pivot: its untabbed content and this tab),
    /// to resolve files a command names (`curl -d @body.json` after a step creating `body.json`).
    var siblings: [CodeSample]

    init(pivot: String? = nil, tab: String? = nil, previous: CodeSample? = nil, next: CodeSample? = nil, siblings: [CodeSample] = []) {
        self.pivot = pivot
        self.tab = tab
        self.previous = previous
        self.next = next
        self.siblings = siblings
    }

    /// The JSON sample the steps create as `path`, if any.
    func jsonFile(named path: String) -> CodeSample? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return siblings.last { sample in
            guard sample.language == .json || sample.language == .jsonc else { return false }
            if let fileName = sample.fileName { return fileName == path || fileName.hasSuffix("/" + name) || fileName == name }
            return sample.stepText?.contains(name) == true
        }
    }
}

/// A language front-end: reads one sample's code, without running it, into a ``SampleExtraction``.
protocol LanguageFrontEnd: Sendable {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction
    /// The same reading, from the sample's code already parsed once for every reader of it.
    func extract(_ sample: CodeSample, context: FrontEndContext, parsed: ParsedSample) -> SampleExtraction
}

extension LanguageFrontEnd {
    /// Front-ends whose reading is not the shared parsers' (REST, JSON, PowerShell) ignore the form.
    func extract(_ sample: CodeSample, context: FrontEndContext, parsed: ParsedSample) -> SampleExtraction {
        extract(sample, context: context)
    }
}
