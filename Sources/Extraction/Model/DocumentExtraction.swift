import Core
import Quickstart

/// Stage 2a's product for one document: the quickstart model plus what each sample's code does.
public struct DocumentExtraction: Sendable {
    public var document: QuickstartDocument
    /// One entry per sample of `document`, keyed by ``CodeSample/id``.
    public var samples: [Int: SampleExtraction]
    /// Document-level extraction findings (`request-unextracted`, `js-module-mismatch`, …); the
    /// per-sample findings stay in their ``SampleExtraction``.
    public var findings: [Finding]

    public init(document: QuickstartDocument, samples: [Int: SampleExtraction], findings: [Finding]) {
        self.document = document
        self.samples = samples
        self.findings = findings
    }

    /// Markdown findings, per-sample findings and document findings together.
    public var allFindings: [Finding] {
        document.findings + samples.keys.sorted().flatMap { samples[$0]!.findings } + findings
    }
}
