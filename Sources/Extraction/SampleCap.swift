import Core
import Quickstart

/// The bound on how many code samples of one page are read. Extraction keeps every sample's parse
/// for the checks across samples (about 10 KB for a 500-byte Python sample), so a generated page
/// with 100,000 fences held over a gigabyte; real quickstarts have tens of samples.
public enum SampleCap {
    /// Ten thousand samples a page: a hundred times the largest real quickstart.
    public static let defaultMaxSamples = 10_000

    /// The one `sample-limit` warning of a page: `skipped` samples from `first` on were not read.
    static func finding(first: CodeSample, skipped: Int, total: Int, maxSamples: Int) -> Finding {
        Finding(
            rule: "sample-limit", severity: .warning, location: first.location,
            message: "this page has \(total) code samples; docverify reads the first \(maxSamples), so the \(skipped) from here on were not checked. "
                + "Split the page, or check it in parts")
    }
}
