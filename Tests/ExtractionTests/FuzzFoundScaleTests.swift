import Core
import Testing
@testable import Extraction

/// Inputs of thousands of repeated tokens the fuzzer found slow (a scan per token) or fatal (a
/// tree as deep as the input). Each must finish in the suite and give the reading shown.
@Suite struct FuzzFoundScaleTests {
    @Test func lineOfUnclosedBraceVariablesIsLexedOnce() throws {
        // Each `${` used to search the rest of the line for its `}`: 20,000 of them, minutes.
        let commands = try ShellLexer.commands("echo " + String(repeating: "${", count: 20_000) + "\necho ${A}")
        #expect(commands.count == 2)
        #expect(commands.first?.words.last?.chars.count == 40_000)
        #expect(commands.last?.words.last?.chars == [.value(.environment(name: "A", fallback: nil), JSPosition(line: 2, column: 6))])
    }

    @Test func headerValueAfterManyBlanks() {
        let result = ExtractorFixture.rest(
            "curl https://x.test/openai/models -H \"api-key:" + String(repeating: " ", count: 20_000) + "$KEY\"")
        #expect(result.requests.first?.headers["api-key"] == .placeholder(.environment(name: "KEY", fallback: nil)))
    }

    @Test func manyPromptsBeforeCurl() throws {
        let commands = try ShellLexer.commands(String(repeating: "$ ", count: 20_000) + "curl https://x.test/a")
        let curl = try #require(commands.first.flatMap(CurlCommand.init))
        #expect(curl.url?.text == "https://x.test/a")
    }

    static let longChains: [String] = [
        "const x = process" + String(repeating: ".env", count: 20_000) + ";",
        "const x = f" + String(repeating: "()", count: 20_000) + ";",
        "const x = a" + String(repeating: "[0]", count: 20_000) + ";",
        "const x = a" + String(repeating: "?.b", count: 20_000) + ";",
    ]

    @Test("a chain of 20,000 links is a js-syntax finding, not a stack overflow", arguments: longChains.indices)
    func longChain(index: Int) {
        let result = ExtractorFixture.javascript(Self.longChains[index])
        #expect(result.findings.map(\.rule) == ["js-syntax"])
        #expect(result.findings.first?.message.contains("in a row") == true)
    }

    @Test func ordinaryChainsStillRead() {
        let result = ExtractorFixture.javascript(
            "const x = a" + String(repeating: ".b", count: 100) + ";\nconst y = response.choices[0].message.audio.data;\n")
        #expect(result.findings.isEmpty)
    }

    @Test func memberOfAnObjectLiteralIsRead() {
        // Trapped (index out of range): the fuzzer's one crash, minimized.
        let result = ExtractorFixture.javascript("const x = { a: 1 }.b[0].c;\nconst y = { a: 1 }.a;\n")
        #expect(result.findings.isEmpty)
    }
}
