import Core
import Quickstart
import Testing
@testable import Extraction

/// Pages past ``SampleCap``: the first samples are read, the rest are not, with one warning.
@Suite struct SampleCapTests {
    static func samples(_ count: Int) -> [CodeSample] {
        (0..<count).map { i in
            ExtractorFixture.sample(
                "curl -X POST \"https://example.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21\" "
                    + "-H \"api-key: $AZURE_OPENAI_API_KEY\" -H \"Content-Type: application/json\" -d '{\"messages\":[{\"role\":\"user\",\"content\":\"hi \(i)\"}]}'\n",
                .shell, id: i, line: 10 + i * 10)
        }
    }

    @Test func samplesPastTheCapAreNotReadAndOneWarningSaysHowMany() {
        var extractor = Extractor()
        extractor.maxSamples = 3
        let samples = Self.samples(5)
        let extraction = extractor.extract(ExtractorFixture.document(samples, pivot: nil))
        #expect(extraction.samples.keys.sorted() == [0, 1, 2])
        #expect(extraction.samples.values.allSatisfy { $0.requests.count == 1 })
        let warnings = extraction.findings.filter { $0.rule == "sample-limit" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == samples[3].location)
        #expect(warnings.first?.message.contains("this page has 5 code samples; docverify reads the first 3, so the 2 from here on") == true)
    }

    @Test func underTheCapEverySampleIsRead() {
        let extraction = Extractor().extract(ExtractorFixture.document(Self.samples(5), pivot: nil))
        #expect(extraction.samples.count == 5)
        #expect(!extraction.findings.contains { $0.rule == "sample-limit" })
        #expect(SampleCap.defaultMaxSamples == 10_000)
    }
}
