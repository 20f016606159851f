import Testing
@testable import Procedure

@Suite struct CommandLinesTests {
    @Test func promptsContinuationsAndSeparators() {
        let code = "$ pip install openai \\\n    python-dotenv\nsome output\n$ export A=1 && python app.py\n"
        let commands = CommandLines.commands(in: code)
        #expect(commands.map(\.words) == [["pip", "install", "openai", "python-dotenv"], ["export", "A=1"], ["python", "app.py"]])
        #expect(commands.map(\.line) == [1, 4, 4])
    }

    @Test func powershellAndCmdSettings() {
        let code = "$env:AZURE_OPENAI_ENDPOINT = \"https://x\"\nsetx AZURE_OPENAI_API_KEY \"k\"\nset DEPLOYMENT=gpt\n"
        let names = CommandLines.commands(in: code).compactMap {
            VariableSettings.fromCommand($0.words, location: .init(file: "a.md", line: $0.line))?.variables
        }
        #expect(names == [["AZURE_OPENAI_ENDPOINT"], ["AZURE_OPENAI_API_KEY"], ["DEPLOYMENT"]])
    }
}
