import Testing
@testable import Extraction

@Suite("ScalarText and ScalarClass")
struct ScalarTextTests {
    @Test("slices are the scalars' text, for ASCII and non-ASCII text, clamped at the ends")
    func slices() {
        for source in ["plain ascii text", "café 🙂 日本語 👩‍👩‍👧 naïve", "", "\u{FEFF}x\r\ny", "é"] {
            let text = ScalarText(source)
            let scalars = Array(source.unicodeScalars)
            #expect(text.scalars == scalars)
            #expect(text.count == scalars.count)
            for from in -1...(scalars.count + 1) {
                for to in -1...(scalars.count + 1) {
                    let a = max(0, from), b = min(to, scalars.count)
                    var expected = String.UnicodeScalarView()
                    if a < b { expected.append(contentsOf: scalars[a..<b]) }
                    #expect(text.string(from, to) == String(expected), "\(source) \(from)..<\(to)")
                }
            }
        }
    }

    @Test("the ASCII fast paths answer what the Unicode properties answer")
    func asciiPredicates() {
        let samples = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "ß", "日", "🙂", "\u{A0}", "\u{2003}", "\u{85}", "٣", "Ⅻ", "\u{200C}"]
        for c in samples {
            #expect(ScalarClass.isAlphabetic(c) == c.properties.isAlphabetic, "U+\(String(c.value, radix: 16))")
            #expect(ScalarClass.isWhitespace(c) == c.properties.isWhitespace, "U+\(String(c.value, radix: 16))")
            #expect(ScalarClass.isNumeric(c) == (c.properties.numericType != nil), "U+\(String(c.value, radix: 16))")
        }
    }
}

@Suite("OperatorTable")
struct OperatorTableTests {
    @Test("the longest operator at a position wins, as a longest-first scan of the list gives")
    func longestMatch() {
        let ops = ["=", "==", "===", "=>", "!", "!=", "!==", ">", ">>", ">>>=", ".", "..."]
        let table = OperatorTable(ops)
        let longestFirst = ops.sorted { $0.count > $1.count }
        for source in ["===x", "=>", "!==", ">>>=1", ">>>", "..", "...", "=", "a", "", "é=", ">>"] {
            let scalars = Array(source.unicodeScalars)
            for i in 0...scalars.count {
                let expected = longestFirst.first { op in
                    let s = Array(op.unicodeScalars)
                    return i + s.count <= scalars.count && Array(scalars[i..<(i + s.count)]) == s
                }
                let found = table.match(scalars, at: i)
                #expect(found?.text == expected, "\(source) at \(i)")
                #expect(found?.length == expected?.unicodeScalars.count)
            }
        }
    }
}
