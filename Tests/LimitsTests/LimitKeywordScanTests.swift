import Core
import Testing
@testable import Limits

/// The one-pass keyword scan must pick the recognizers the per-recognizer search on the lowercased
/// line picked, and leave non-ASCII lines to every recognizer.
@Suite struct LimitKeywordScanTests {
    static let lines = [
        "", "Plain prose.", "The MAXIMUM AUDIO file size is 8 MB.", "Max Number Of custom headers | 10",
        "| Input: 128,000 <br> Output: 16,384 | Version: `2024-12-17` |", "first added in", "FIRST ADDED IN ",
        "images per request, file size for assistants, inputs in the array", "version:", "Version :",
        "The following voices are supported: Alloy, Echo", "message size for audio files[| 20 MB",
        String(repeating: "x", count: 5_000) + " allow up to 20 custom headers",
    ]

    @Test func candidatesMatchLowercasedSearch() {
        for line in Self.lines {
            let expected = LimitCatalog.recognizers.map { ASCIIScan.contains(line.lowercased(), $0.keyword) }
            #expect(LimitKeywords.candidates(in: line) == expected, "\(line.prefix(80))")
        }
    }

    @Test func nonASCIILinesRunEveryRecognizer() {
        #expect(LimitKeywords.candidates(in: "Café: the following voices are supported: Alloy.") == nil)
        #expect(LimitKeywords.candidates(in: "\u{212A}B") == nil)
    }

    @Test func sharedKeywordsAreSearchedOnce() {
        let table = LimitKeywords.table
        #expect(table.slots.count == LimitCatalog.recognizers.count)
        #expect(Set(table.keywords).count == table.keywords.count)
        #expect(table.keywords.count < LimitCatalog.recognizers.count)
        for (recognizer, slot) in zip(LimitCatalog.recognizers, table.slots) {
            #expect(table.keywords[slot] == Array(recognizer.keyword.utf8))
        }
    }
}
