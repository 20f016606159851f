import Foundation
import Testing
@testable import DocFX

/// Table cells are cut at `<br>` by a byte scan; the lines must be the ones the regular expression
/// `<br\s*/?>` (case-insensitive) gives, which non-ASCII cells still use.
@Suite struct BreakTagsTests {
    static let cells = [
        "plain", "", "<br>", "a<br>b", "a <br/> b", "a<BR />b", "a<br\t/>b", "a<br  >b<bR>c", "<br><br>",
        "a<br/ >b", "a<b>b</b>", "a<brx>b", "<", "a<", "a<b", "a<br", "a<br/", "x <br//> y", "Input: 128,000 <br> Output: 4,096",
        "  lead <br>  trail  ", "a<br \r\n>b", "a<br\u{0B}>b", "a<br\u{1C}>b", "a<br\u{1F}/>b", "<<br>>", "a<br>",
    ]

    static func regexLines(_ text: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "<br\\s*/?>", options: [.regularExpression, .caseInsensitive]) {
            parts.append(String(rest[..<range.lowerBound]).trimmingCharacters(in: .whitespaces))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest).trimmingCharacters(in: .whitespaces))
        return parts
    }

    @Test func byteSplitMatchesTheRegularExpression() {
        for cell in Self.cells {
            #expect(BreakTags.split(cell) == Self.regexLines(cell), "\(cell.debugDescription)")
        }
    }

    @Test func nonASCIICellsTakeTheRegularExpression() {
        #expect(BreakTags.split("é<br>ü") == nil)
        let cell = TableCell(text: "é <br> ü<br\u{2003}/>x", location: .init(file: "t.md", line: 1))
        #expect(cell.lines == ["é", "ü", "x"])
        #expect(TableCell(text: "a <br> b", location: .init(file: "t.md", line: 1)).lines == ["a", "b"])
    }
}
