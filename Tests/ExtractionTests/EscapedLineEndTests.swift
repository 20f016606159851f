import Core
import Quickstart
import Testing
@testable import Extraction

/// A `\` meant to continue a curl command but followed by a blank escapes the blank: bash ends the
/// command there and runs the next option line as a command. Own-words fixtures.
@Suite struct EscapedLineEndTests {
    @Test func aBlankAfterTheContinuationBackslashEndsTheCommand() {
        let broken = "curl -X POST \\ \n  --url 'https://example.invalid/v1/items' \\ \n  -H 'Content-Type: application/json'\n"
        let result = ExtractorFixture.rest(broken)
        let found = result.findings.filter { $0.rule == "shell-syntax" }
        // The URL is left behind: curl runs without one, an error.
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.location == ExtractorFixture.markdown(1, 14))
        #expect(found.first?.message.contains("escaped space") == true)
        // A later command broken the same way is reported too.
        let two = broken + "\ncurl -X GET \\\t\n  --url 'https://example.invalid/v1/items'\n"
        #expect(EscapedLineEnd.positions(in: two).map(\.line) == [1, 5])
    }

    @Test func cleanContinuationsQuotedTextAndNonOptionLinesStaySilent() {
        let clean = "curl -X POST \\\n  --url 'https://example.invalid/v1/items' \\\n  -H 'Content-Type: application/json'\n"
        #expect(ExtractorFixture.rest(clean).findings.isEmpty)
        // Inside a quoted body a backslash and a blank are data.
        let quoted = "curl https://example.invalid/v1/items -d '{\"path\": \"C:\\\\ \n -x\"}'\n"
        #expect(!ExtractorFixture.rest(quoted).findings.contains { $0.message.contains("escaped space") })
        // The next line is not an option: `echo one \ ` echoes a space, and `echo two` runs as meant.
        let notOption = "echo one \\ \necho two\n"
        #expect(EscapedLineEnd.positions(in: notOption).isEmpty)
        #expect(ExtractorFixture.rest(notOption).findings.isEmpty)
        // An escaped backslash (`\\`) followed by blanks is not a continuation at all.
        #expect(EscapedLineEnd.positions(in: "echo a\\\\ \n--flag\n").isEmpty)
    }
}

/// Option lines with no `\` on the line before, in the cases that are not slips: other shells'
/// continuations, usage synopses, quoted bodies and here-documents.
@Suite struct MissingContinuationTests {
    static func shell(_ code: String, info: String) -> SampleExtraction {
        let sample = CodeSample(
            id: 1, language: .shell, infoString: info, code: code,
            location: SourceLocation(file: ExtractorFixture.file, line: 9, column: 5),
            codeStartLine: 10, codeStartColumn: 5)
        return RESTFrontEnd().extract(sample, context: FrontEndContext())
    }

    @Test func optionLinesWithoutContinuationAreReportedOncePerCommand() {
        let broken = "az widget create \\\n  --name w1 \\\n  --group g1\n  --size large\n  --color blue\n"
        let found = ExtractorFixture.rest(broken, .shell).findings.filter { $0.rule == "shell-syntax" }
        #expect(found.map(\.location.line) == [ExtractorFixture.markdown(4, 1).line])
        #expect(found.map(\.severity) == [.error])
    }

    @Test func otherShellsContinuationsAreNotJudged() {
        // PowerShell continues with a backtick, cmd with a caret: the option lines belong to the command.
        let powershell = "az widget create `\n  --name w1 `\n  --group g1\n"
        #expect(Self.shell(powershell, info: "azurecli").findings.filter { $0.rule == "shell-syntax" }.isEmpty)
        #expect(Self.shell(powershell, info: "powershell").findings.filter { $0.rule == "shell-syntax" }.isEmpty)
        let cmd = "curl https://example.invalid/v1/items ^\n  -H \"api-key: %KEY%\" ^\n  -d \"{}\"\n"
        #expect(Self.shell(cmd, info: "cmd").findings.filter { $0.rule == "shell-syntax" }.isEmpty)
        // A blank after a backslash means nothing to PowerShell.
        let spaced = "curl https://example.invalid/v1/items \\ \n  -d '{}'\n"
        #expect(Self.shell(spaced, info: "powershell").findings.filter { $0.rule == "shell-syntax" }.isEmpty)
        #expect(Self.shell(spaced, info: "bash").findings.filter { $0.rule == "shell-syntax" }.map(\.severity) == [.error])
    }

    @Test func synopsesQuotesAndHeredocsStaySilent() {
        // A usage synopsis is shown, not run.
        let synopsis = "az widget create --name\n                 --group\n                 [--size]\n"
        #expect(ExtractorFixture.rest(synopsis).findings.filter { $0.rule == "shell-syntax" }.isEmpty)
        // Inside a quoted body.
        let quoted = "curl https://x.invalid/v1/items -d '{\n--not an option line\n}'\n"
        #expect(!ExtractorFixture.rest(quoted).findings.contains { $0.rule == "shell-syntax" })
        // Here-document data.
        let heredoc = "cat <<EOF > f.yml\nitems:\n- name: a\n--flag value\nEOF\n"
        // A command's printed table: its rule line is no option.
        let table = "az widget list -o table\n-------  ------\nw1       g1\n"
        #expect(!ExtractorFixture.rest(table).findings.contains { $0.rule == "shell-syntax" })
        #expect(!ExtractorFixture.rest(heredoc).findings.contains { $0.rule == "shell-syntax" })
    }
}
