import Core
import Foundation
import Limits
import Testing

/// Each recognizer's keyword is what lets a line skip its expression, so it must be literal text
/// of the pattern that every match holds.
@Suite struct LimitKeywordTests {
    @Test func everyKeywordIsLowercaseTextOfItsPattern() {
        for recognizer in LimitCatalog.recognizers {
            #expect(!recognizer.keyword.isEmpty)
            #expect(recognizer.keyword == recognizer.keyword.lowercased())
            #expect(recognizer.pattern.pattern.lowercased().contains(recognizer.keyword), "\(recognizer.key): \(recognizer.keyword)")
        }
    }

    @Test func prefilterKeepsEveryMatchOfTheExpressions() {
        let lines = [
            "The MAXIMUM AUDIO file size is 8 MB.", "Message size for audio files | 16 MB",
            "The following voices are supported for audio output: Alloy, Echo, and Shimmer.",
            "It was first added in API version `2025-01-01-preview`.", "- Version: `2024-12-17`",
            "Input: 128,000 <br> Output: 16,384", "The maximum file size for transcription is 25 MB.",
            "Whisper (transcription) file size limit | 25 MB", "Max number of custom headers | 10",
            "We allow up to 10 custom headers.", "Maximum images per request | 10", "Send up to 10 images per request.",
            "Message character limit | 1,048,576", "Plain prose with no limit at all.", "Café: the following voices are supported: Alloy.",
        ]
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            let expected = LimitCatalog.recognizers.filter { $0.pattern.firstMatch(in: line, range: range) != nil }.map(\.key)
            let found = LimitExtractor.limits(inLine: line, at: SourceLocation(file: "p.md", line: 1), article: "p.md").map(\.key)
            // Every key the expressions alone would see is still read (values may still be refused by the parser).
            for key in Set(found) { #expect(expected.contains(key)) }
            for recognizer in LimitCatalog.recognizers where recognizer.pattern.firstMatch(in: line, range: range) != nil {
                let isASCII = line.utf8.allSatisfy { $0 < 0x80 }
                #expect(!isASCII || ASCIIScan.contains(line, recognizer.keyword, ignoringCase: true), "\(line) \(recognizer.key)")
            }
        }
    }
}
