import Foundation
import Testing
@testable import Core

/// Parsing from bytes and the escape-free string fast path give exactly what the String parser
/// gave before: same values, same errors at the same places.
@Suite struct JSONBytesParsingTests {
    static let texts = [
        #"{"a": [1, 2.5, "x", true, null], "b": {"c": "\u00e9"}}"#,
        #"["plain", "with \"quote\"", "tab\tescaped", "slash \/ and \\ back", "é ü 😀", "", "\ud83d\ude00"]"#,
        #"{"data": "QUJD/+==", "k": "end with escape\n"}"#,
    ]

    @Test(arguments: texts)
    func bytesAndTextParseAlike(text: String) throws {
        let fromText = try JSONValue.parse(text)
        let fromBytes = try JSONValue.parse(bytes: Array(text.utf8))
        #expect(fromText == fromBytes)
    }

    @Test func escapesAfterALongPlainRunAreKept() throws {
        let run = String(repeating: "a", count: 10_000)
        let value = try JSONValue.parse(bytes: Array(#"["\#(run)\n\u0041", "\#(run)"]"#.utf8))
        #expect(value[0]?.stringValue == run + "\nA")
        #expect(value[1]?.stringValue == run)
    }

    @Test func errorsInsideStringsKeepTheirPlace() {
        // A raw control character after a plain run, and an unterminated string.
        #expect(throws: JSONSyntaxError(line: 1, column: 6, message: "control character in string; escape it")) {
            _ = try JSONValue.parse(bytes: Array("[\"abc\u{01}\"]".utf8))
        }
        #expect(throws: JSONSyntaxError(line: 1, column: 2, message: "unterminated string")) {
            _ = try JSONValue.parse(bytes: Array("[\"abc".utf8))
        }
    }

    @Test func invalidUTF8IsRepairedAsBefore() throws {
        let bytes: [UInt8] = [0x5B, 0x22, 0x61, 0xFF, 0x62, 0x22, 0x5D]  // ["a\xFFb"]
        let value = try JSONValue.parse(bytes: bytes)
        #expect(value[0]?.stringValue == String(decoding: [0x61, 0xFF, 0x62] as [UInt8], as: UTF8.self))
    }
}
