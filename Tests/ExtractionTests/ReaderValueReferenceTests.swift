import Testing
@testable import Extraction

/// `isReaderValue` skips its Character-wise tests when the bytes cannot match; it must answer as
/// the plain Character-wise search (kept here as the reference) does on every kind of text.
@Suite("Reader values: byte pre-checks")
struct ReaderValueReferenceTests {
    static func reference(_ text: String) -> Bool {
        let lower = Array(text.lowercased())
        if let open = lower.firstIndex(of: "<"), let close = lower[open...].firstIndex(of: ">"), close > open + 1,
           lower[open + 1].isLetter, lower[close - 1] != " ",
           lower[(open + 1)..<close].allSatisfy({ $0.isLetter || $0.isNumber || "-_ .".contains($0) }) {
            return true
        }
        let original = Array(text)
        var j = 0
        while j + 4 < original.count {
            if original[j] == "Y", original[j + 1] == "o", original[j + 2] == "u", original[j + 3] == "r",
               original[j + 4].isUppercase, j == 0 || !original[j - 1].isLetter {
                return true
            }
            j += 1
        }
        for marker in ReaderValues.markers {
            let m = Array(marker)
            var i = 0
            while i + m.count <= lower.count {
                if Array(lower[i..<(i + m.count)]) == m, i == 0 || !lower[i - 1].isLetter { return true }
                i += 1
            }
        }
        return false
    }

    static let texts = [
        "", "YOUR_RESOURCE_NAME", "https://YOUR_RESOURCE_NAME.openai.azure.com/", "<your-endpoint>", "< your-endpoint>",
        "<your-endpoint >", "<>", "a < b > c", "<é-name>", "<name\u{301}>", "YOUR-DEPLOYMENT-NAME-HERE",
        "REPLACE_WITH_YOUR_KEY_VALUE_HERE", "Replace With Key", "replace-with-key", "xreplace_with", "insert_your_key",
        "INSERT-YOUR-KEY", "insertyour", "YourDeploymentName", "Yourself", "MyYourName", "éYourName", "Your", "YourX",
        "layout-your", "your\u{301}_key", "your_\u{301}key", "gpt-4o", "whisper", "2024-10-21", "https://contoso.openai.azure.com",
        "ÉYOUR_KEY", "clé-your-thing", "\u{212A}ey", "YOUR KEY", "your ", "-your-", "Bearer <your-token>",
    ]

    @Test func answersAsTheCharacterSearch() {
        for text in Self.texts {
            #expect(ReaderValues.isReaderValue(text) == Self.reference(text), "\(text)")
        }
    }
}
