import Core
import Quickstart

extension Extractor {
    /// Reads one sample with its language's front-end alone, outside any document: no neighbours,
    /// no document-level checks. For callers that exercise one reader at a time (the fuzzer's
    /// per-language targets), where building a page around the code would dominate the cost.
    public func extract(sample: CodeSample) -> SampleExtraction {
        frontEnd(for: sample)?.extract(sample, context: FrontEndContext()) ?? SampleExtraction(sampleID: sample.id)
    }
}
