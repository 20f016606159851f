import Core
import Testing
@testable import Extraction

/// Shell words are stored compactly (literal text, values apart, positions as runs); these pin
/// that every character still has the position it had when each one carried its own.
@Suite struct ShellWordStorageTests {
    /// The position each character would have had: the lexer's own line and column count.
    static func positions(of code: String) -> [JSPosition] {
        var line = 1, column = 1
        return code.unicodeScalars.map { u in
            defer { if u == "\n" { line += 1; column = 1 } else { column += 1 } }
            return JSPosition(line: line, column: column)
        }
    }

    @Test func everyCharacterKeepsItsPositionAcrossQuotesLinesAndValues() throws {
        let code = "curl -d 'a b\nc'\"é$X-\"'\n😀z' -H x\\ y"
        let commands = try ShellLexer.commands(code)
        let words = try #require(commands.first?.words)
        #expect(words.map(\.text) == ["curl", "-d", "a b\ncé$env:X-\n😀z", "-H", "x y"])
        let body = words[2]
        let expected = Self.positions(of: code)
        // 'a' is the 10th scalar (column 10 of line 1); after the line break, 'c' is at 2:1, then
        // the closing quote and the opening double quote are skipped.
        var seen: [ShellChar] = []
        body.forEach { seen.append($0) }
        #expect(seen.count == body.count)
        #expect(seen.map(\.position) == [
            expected[9], expected[10], expected[11], expected[12],  // a, space, b, newline
            expected[13],  // c
            expected[16],  // é
            JSPosition(line: 2, column: 5),  // $X
            expected[19],  // -
            expected[22], expected[23], expected[24],  // newline, 😀, z
        ])
        if case .value(let p, _) = seen[6] { #expect(p == .environment(name: "X", fallback: nil)) } else { Issue.record("no value") }
        #expect(body.chars == seen)
        #expect(body.first == seen.first)
        #expect(words[4].position == JSPosition(line: 3, column: 8))
    }

    @Test func droppingTheFirstCharactersKeepsTheRestsPositions() throws {
        let word = try #require(try ShellLexer.commands("curl -d@body.json").first?.words[1])
        let rest = word.dropFirst(2)
        #expect(rest.text == "@body.json")
        #expect(rest.position == JSPosition(line: 1, column: 8))
        #expect(rest.first == .char("@", JSPosition(line: 1, column: 8)))
    }

    @Test func aLargeBodyIsReadWhole() {
        let payload = String(repeating: "QUJD", count: 50_000)
        let result = ExtractorFixture.rest("""
            curl $ENDPOINT/openai/deployments/d/chat/completions -H "api-key: $K" -d '{"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "\(payload)", "format": "wav"}}]}]}'
            """)
        #expect(result.findings.isEmpty)
        let body = result.requests.first?.body?.jsonValue
        #expect(body?["messages"]?[0]?["content"]?[0]?["input_audio"]?["data"] == .string(payload))
    }

    @Test func aSyntaxErrorAfterALongRunIsPlacedExactly() {
        let payload = String(repeating: "x", count: 10_000)
        let result = ExtractorFixture.rest("""
            curl $ENDPOINT/openai/deployments/d/chat/completions -H "api-key: $K" -d '{"a": "\(payload)",
              "b" 1}'
            """)
        #expect(result.findings.map(\.rule) == ["json-invalid"])
        // The '1' that should follow a colon: code line 2, column 7.
        #expect(result.findings.first?.location == ExtractorFixture.markdown(2, 7))
    }

    @Test func positionRunsAnswerForEveryOffset() {
        var runs = PositionRuns()
        let points = [JSPosition(line: 1, column: 5), JSPosition(line: 1, column: 6), JSPosition(line: 1, column: 9),
                      JSPosition(line: 2, column: 1), JSPosition(line: 2, column: 2)]
        for (i, p) in points.enumerated() { runs.append(p, endsRun: i == 2) }
        #expect((0..<points.count).map { runs.position(at: $0) } == points)
        #expect(runs.position(at: 5) == nil && runs.position(at: -1) == nil)
        #expect(runs.first == points[0] && runs.lastPosition == points[4])
    }

    @Test func assembledJSONIsRecognisedAndPlacedAsBefore() throws {
        #expect(PositionedJSON(code: "  \n {\"a\": 1}").looksLikeJSON)
        #expect(PositionedJSON(code: "\u{00A0}[1]").looksLikeJSON)
        #expect(!PositionedJSON(code: " a=1").looksLikeJSON)
        #expect(PositionedJSON(code: " \r\n\t").isEmpty)
        #expect(!PositionedJSON(code: " é").isEmpty)
        // Columns count scalars: the é before the missing comma is one column.
        guard case .invalid(_, let at) = PositionedJSON(code: "{\"é\": 1 \"b\": 2}").parse() else {
            Issue.record("parsed")
            return
        }
        #expect(at == JSPosition(line: 1, column: 9))
        guard case .value(let value) = PositionedJSON(code: "{\"é\": \"ü😀\"}").parse() else {
            Issue.record("did not parse")
            return
        }
        #expect(value == .object(["é": .string("ü😀")]))
    }
}
