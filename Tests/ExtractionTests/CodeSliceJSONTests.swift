import Core
import Testing
@testable import Extraction

/// The body parsed where it lies in the code gives what the assembled-text parser gives: the same
/// value, and for broken JSON the same message at the same position.
@Suite struct CodeSliceJSONTests {
    static func dataWord(_ code: String) -> ShellWord? {
        guard let commands = try? ShellLexer.commands(code) else { return nil }
        for command in commands {
            if let curl = CurlCommand(command), let word = curl.data.last { return word }
        }
        return nil
    }

    static let bodies = [
        #"{"model": "m", "messages": [{"role": "user", "content": "Hi é 😀"}], "n": 1.5e3}"#,
        "{\n  \"a\": [1, 2,\n    3],\n  \"b\": \"\\u00e9\\n\"\n}",
        "  [true, false, null, {\"x\": {}}]  ",
        // Broken in the first line, in a later line, at the very end, and too deep.
        #"{"a": 1,, "b": 2}"#,
        "{\n  \"a\": 1\n  \"b\": 2\n}",
        "{\n  \"é\": \"😀\",\n  \"a\": tru\n}",
        "{\"a\": [1, 2",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    @Test func sameOutcomeAsTheAssembledText() {
        for body in Self.bodies {
            for prefix in ["curl https://x/y -d '", "curl https://x/y \\\n  -H 'a: b' \\\n  --data-raw '"] {
                let code = prefix + body + "'\necho done\n"
                guard let word = Self.dataWord(code) else {
                    Issue.record("no data word in \(code)")
                    continue
                }
                guard let range = CodeSliceJSON.range(of: word, in: code), let start = word.firstCharacterPosition else {
                    Issue.record("not read in place: \(body)")
                    continue
                }
                let fast = CodeSliceJSON.parse(range, of: code, startingAt: start)
                let assembled = PositionedJSON(word).parse()
                if case .value(let a) = fast, case .value(let b) = assembled {
                    #expect(a == b, "\(body)")
                } else {
                    #expect(Self.describe(fast) == Self.describe(assembled), "\(body)")
                }
            }
        }
    }

    @Test func wordsNotWrittenAsTheyAreAreLeftToTheAssembledText() {
        // Double quotes with escapes and a variable: the word is not the code's bytes.
        let escaped = Self.dataWord(#"curl https://x -d "{\"a\": \"$NAME\"}""#)
        #expect(escaped.flatMap { CodeSliceJSON.range(of: $0, in: #"curl https://x -d "{\"a\": \"$NAME\"}""#) } == nil)
        let quoted = #"curl https://x -d "{\"a\": 1}""#
        #expect(Self.dataWord(quoted).flatMap { CodeSliceJSON.range(of: $0, in: quoted) } == nil)
        // Not JSON: form data.
        let form = "curl https://x -d 'a=b'"
        #expect(Self.dataWord(form).flatMap { CodeSliceJSON.range(of: $0, in: form) } == nil)
    }

    static func describe(_ outcome: PositionedJSON.Outcome) -> String {
        switch outcome {
        case .value(let v): return "value \(v)"
        case .invalid(let message, let at): return "invalid \(message) at \(at.line):\(at.column)"
        case .tooDeep(let at): return "too deep at \(at.line):\(at.column)"
        }
    }
}
