import Testing
@testable import Procedure

@Suite struct CommandLinesTests {
    @Test func promptsContinuationsAndSeparators() {
        let code = "$ pip install openai \\\n    python-dotenv\nsome output\n$ export A=1 && python app.py\n"
        let commands = CommandLines.commands(in: code)
        #expect(commands.map(\.words) == [["pip", "install", "openai", "python-dotenv"], ["export", "A=1"], ["python", "app.py"]])
        #expect(commands.map(\.line) == [1, 4, 4])
    }

    /// A request body over several lines inside one quote is the curl's word, not commands: a
    /// `name=[{` line in it sets nothing. An apostrophe no later line closes ends nothing either.
    @Test func aQuotedBodyOverSeveralLinesIsOneCommand() {
        let code = "curl https://x.invalid/a \\\n  -d '{\n    labels=[{\n      \"kind\": \"it is\"\n  }]\n  }'\nexport NEXT=1\n"
        let commands = CommandLines.commands(in: code)
        #expect(commands.map { $0.words.first } == ["curl", "export"])
        #expect(commands.map(\.line) == [1, 7])
        let names = commands.compactMap { VariableSettings.fromCommand($0.words, location: .init(file: "a.md", line: $0.line))?.variables }
        #expect(names == [["NEXT"]])
        let prose = CommandLines.commands(in: "echo don't\nexport AFTER=2\n")
        #expect(prose.map { $0.words.first } == ["echo", "export"])
    }

    @Test func powershellAndCmdSettings() {
        let code = "$env:AZURE_OPENAI_ENDPOINT = \"https://x\"\nsetx AZURE_OPENAI_API_KEY \"k\"\nset DEPLOYMENT=gpt\n"
        let names = CommandLines.commands(in: code).compactMap {
            VariableSettings.fromCommand($0.words, location: .init(file: "a.md", line: $0.line))?.variables
        }
        #expect(names == [["AZURE_OPENAI_ENDPOINT"], ["AZURE_OPENAI_API_KEY"], ["DEPLOYMENT"]])
    }
}

@Suite struct CommandLinesLargeWordTests {
    @Test func aRequestBodyWordIsKeptAsItsStart() {
        let body = "{\"data\": \"" + String(repeating: "A", count: CommandLines.wordLimit * 2) + "\"}"
        let code = "curl -s \"$AZURE_OPENAI_ENDPOINT/x\" \\\n  -H \"api-key: $AZURE_OPENAI_API_KEY\" \\\n  -d '" + body + "'\n"
        let commands = CommandLines.commands(in: code)
        #expect(commands.count == 1)
        let words = commands.first?.words ?? []
        #expect(words.prefix(5) == ["curl", "-s", "$AZURE_OPENAI_ENDPOINT/x", "-H", "api-key: $AZURE_OPENAI_API_KEY"])
        #expect(words.count == 7)
        let last = words.last ?? ""
        #expect(last.hasPrefix("{\"data\": \"AAA"))
        #expect(last.hasSuffix("…"))
        #expect(last.count <= CommandLines.wordLimit + 1)
        // The command's text is its start too, continuations joined by a space.
        #expect(commands.first?.text.hasPrefix("curl -s \"$AZURE_OPENAI_ENDPOINT/x\"  -H \"api-key") == true)
        #expect(commands.first?.text.count == CommandLines.wordLimit)
        #expect(CommandLines.commands(in: "a \\\n b && c\n").map(\.text) == ["a  b && c", "a  b && c"])
        // Words under the limit are whole.
        #expect(CommandLines.commands(in: "echo " + String(repeating: "b", count: 1000) + "\n").first?.words.last?.count == 1000)
    }

    @Test func theCutNeverLeavesPartOfAVariableName() {
        let word = String(repeating: "x", count: CommandLines.wordLimit - 5) + " $AZURE_OPENAI_API_KEY"
        let shortened = CommandLines.shortened(String(word.prefix(CommandLines.wordLimit)))
        #expect(shortened.hasSuffix("x …"))
        #expect(!shortened.contains("$AZ"))
    }

    /// The joined text of a command is the Character-wise join's bytes, cut at ``CommandLines/wordLimit``
    /// only past it (the byte path declines there).
    @Test func joinedTextIsTheCharacterJoin() {
        let code = "curl -X POST \\\n  -H 'a: b' \\\r\n  -d '{\"x\": \"é\u{301}\"}'\n"
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let cases: [[Substring]] = [[], [""], ["a"], ["curl -X POST", "-H 'a: b'", "-d '{}'"], Array(lines), ["\u{301}x", "\u{301}"]]
        for pieces in cases {
            let characterJoin = String(pieces.joined(separator: CollectionOfOne<Character>(" ")).prefix(CommandLines.wordLimit))
            #expect(CommandLines.joinedText(pieces) == characterJoin)
        }
        let long = Substring(String(repeating: "a", count: CommandLines.wordLimit))
        #expect(CommandLines.joinedText([long]) != nil)
        #expect(CommandLines.joinedText([long, "b"]) == nil)
        #expect(CommandLines.commands(in: "echo \(long) b").first?.text.count == CommandLines.wordLimit)
    }
}
