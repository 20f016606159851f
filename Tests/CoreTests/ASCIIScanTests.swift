import Foundation
import Testing
@testable import Core

/// The byte-level helpers must answer exactly as the Foundation / Character calls they replace.
@Suite struct ASCIIScanTests {
    static let samples = [
        "", " ", "\t", "plain", "  two sides\t", "\u{00A0}nbsp\u{00A0}", " \u{2003}em space", "tail \u{3000}",
        "line\n", "\nlead", "a\r\nb", "a\rb\r\n", "é", " é ", "\t:::zone pivot=\"x\"", "  [!INCLUDE [a](b.md)]",
        "caf\u{65}\u{301} ", "\u{1F600} grin", "x\n\ny\n", "\n", "\n\n", "tab\tinside", " | cell | ",
    ]

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples {
            #expect(ASCIIScan.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let sub = Substring(text)
            #expect(ASCIIScan.trimmingWhitespace(sub) == String(sub).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func trimmingASCIISetsMatchesFoundation() {
        for text in Self.samples + ["(app.py),", "\"`$VAR%`\"", "...", "\"\u{301}x.py!", "$%", "`é`"] {
            #expect(ASCIIScan.trimming(text, asciiCharacters: ".,;:()'\"!?") == text.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()'\"!?")), "\(text.debugDescription)")
            #expect(ASCIIScan.trimming(text, asciiCharacters: " `$%") == text.trimmingCharacters(in: CharacterSet(charactersIn: " `$%")), "\(text.debugDescription)")
        }
    }

    /// Without a carriage return the lines are the Character split's; with one, the split is at
    /// every `\n` byte (where the Character split would keep `\r\n` whole).
    @Test func linesMatchCharacterSplit() {
        for text in Self.samples + ["a\nb\nc", "no break", "ends\n\n", "crlf\r\nlines\r\n", "mixed\nand\r\nmore"] {
            let expected = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
            #expect(ASCIIScan.lines(text).map(String.init) == expected, "\(text.debugDescription)")
            if !text.contains("\r") {
                #expect(ASCIIScan.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
            }
        }
    }

    /// The `memchr` path slices lines by byte offsets: multi-byte characters beside the breaks,
    /// empty lines and bridged (non-contiguous) text must give the Character split's lines, at the
    /// same positions.
    @Test func linesMatchCharacterSplitAroundMultibyteText() {
        let texts = ["é\nü\n", "\u{1F600}\n\n\u{1F600}", "a\u{301}\nb", "\n\u{3000}\n", String(repeating: "line é\n", count: 200) + "end"]
        for text in texts + texts.map { NSString(string: $0) as String } {
            let lines = ASCIIScan.lines(text)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines == expected, "\(text.debugDescription)")
            #expect(lines.map { text.utf8.distance(from: text.startIndex, to: $0.startIndex) }
                == expected.map { text.utf8.distance(from: text.startIndex, to: $0.startIndex) })
        }
    }

    @Test func containsFindsASCIIWords() {
        #expect(ASCIIScan.contains("create the file", "file"))
        #expect(ASCIIScan.contains("file", "file"))
        #expect(!ASCIIScan.contains("fil", "file"))
        #expect(!ASCIIScan.contains("Create", "create"))
        #expect(ASCIIScan.contains("Create", "create", ignoringCase: true))
        #expect(ASCIIScan.contains(Substring("The Maximum Audio size"), "maximum audio ", ignoringCase: true))
        #expect(ASCIIScan.contains("naïve set up", "set up"))
        #expect(!ASCIIScan.contains("setup", "set up"))
        #expect(ASCIIScan.contains("anything", ""))
        for text in Self.samples {
            for word in ["a", "ne", " ", "pivot", "[!"] {
                #expect(ASCIIScan.contains(text, word) == text.contains(word), "\(text.debugDescription) \(word)")
            }
        }
    }

    /// The case-sensitive search skips to candidate first bytes with `memchr`: it must agree with
    /// `String.contains` at every position (needle at the start, the end, overlapping near misses).
    @Test func containsAgreesWithStringContainsEverywhere() {
        let texts = Self.samples + ["aaab", "abab abac", "xx file", "file xx", "fi", "ffile", "set se set up", "é set up é", "a|b|c"]
        let words = ["a", "ab", "aab", "abac", "file", "set up", "b", "c", "x", "xx file", "|c"]
        for text in texts {
            for word in words {
                #expect(ASCIIScan.contains(text, word) == text.contains(word), "\(text.debugDescription) \(word)")
                #expect(ASCIIScan.contains(Substring(text), word) == text.contains(word), "\(text.debugDescription) \(word)")
                #expect(ASCIIScan.contains(text, word, ignoringCase: true) == text.lowercased().contains(word), "\(text.debugDescription) \(word)")
            }
        }
    }

    @Test func firstNonBlankByteSkipsSpacesAndTabs() {
        #expect(ASCIIScan.firstNonBlankByte(" \t:::") == UInt8(ascii: ":"))
        #expect(ASCIIScan.firstNonBlankByte("   ") == nil)
        #expect(ASCIIScan.firstNonBlankByte("\u{00A0}x") == 0xC2)
    }
}

@Suite struct ASCIIScanCRLFLineTests {
    @Test("CRLF text splits at every \\n, each line keeping its \\r")
    func crlf() {
        #expect(ASCIIScan.lines("a\r\nb\r\n\r\nc") == ["a\r", "b\r", "\r", "c"])
        #expect(ASCIIScan.lines("mixed\nline\r\nends\r") == ["mixed", "line\r", "ends\r"])
        #expect(ASCIIScan.lines("é\r\n😀\r\n") == ["é\r", "😀\r", ""])
    }

    /// The dotted words are the Character split's, whichever path the text takes.
    @Test func wordsMatchCharacterSplit() {
        let texts = ["", " ", "create app.py now", "a.b  c.d\ne. f", "name `x.ts`, then run.", "tab\tx.py y",
                     "é.py and b.js", "a\r\nb.py c.", "x \u{301}y.py", "trailing.\n", "no dots here"]
        for text in texts {
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.contains(".") }
            #expect(ASCIIScan.words(text, holding: UInt8(ascii: ".")) == expected, "\(text)")
        }
    }

    /// The byte split stands for the Character split at "\n", with and without empty lines.
    @Test func characterLinesMatchCharacterSplit() {
        let texts = ["", "\n", "a", "a\n", "\n\nb\n", "é\n\u{301}x\n😀", "a\r\nb\n", "a\rb\nc", "$ pip install x\n\nout\n"]
        for text in texts {
            for omitting in [false, true] {
                #expect(ASCIIScan.characterLines(text, omittingEmpty: omitting) == text.split(separator: "\n", omittingEmptySubsequences: omitting), "\(text)")
            }
        }
    }
}

