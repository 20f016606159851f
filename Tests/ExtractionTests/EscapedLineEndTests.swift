import Core
import Testing
@testable import Extraction

/// A `\` meant to continue a curl command but followed by a blank escapes the blank: bash ends the
/// command there and runs the next option line as a command. Own-words fixtures.
@Suite struct EscapedLineEndTests {
    @Test func aBlankAfterTheContinuationBackslashEndsTheCommand() {
        let broken = "curl -X POST \\ \n  --url 'https://example.invalid/v1/items' \\ \n  -H 'Content-Type: application/json'\n"
        let result = ExtractorFixture.rest(broken)
        let found = result.findings.filter { $0.rule == "shell-syntax" }
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.location == ExtractorFixture.markdown(1, 14))
        #expect(found.first?.message.contains("escapes a space") == true)
        // A later command broken the same way is reported too.
        let two = broken + "\ncurl -X GET \\\t\n  --url 'https://example.invalid/v1/items'\n"
        #expect(EscapedLineEnd.positions(in: two).map(\.line) == [1, 5])
    }

    @Test func cleanContinuationsQuotedTextAndNonOptionLinesStaySilent() {
        let clean = "curl -X POST \\\n  --url 'https://example.invalid/v1/items' \\\n  -H 'Content-Type: application/json'\n"
        #expect(ExtractorFixture.rest(clean).findings.isEmpty)
        // Inside a quoted body a backslash and a blank are data.
        let quoted = "curl https://example.invalid/v1/items -d '{\"path\": \"C:\\\\ \n -x\"}'\n"
        #expect(!ExtractorFixture.rest(quoted).findings.contains { $0.message.contains("escapes a space") })
        // The next line is not an option: nothing certain to say.
        let notOption = "echo one \\ \necho two\n"
        #expect(EscapedLineEnd.positions(in: notOption).isEmpty)
        // An escaped backslash (`\\`) followed by blanks is not a continuation at all.
        #expect(EscapedLineEnd.positions(in: "echo a\\\\ \n--flag\n").isEmpty)
    }
}

/// Option lines with no `\` on the line before: each runs as a command of its own.
@Suite struct MissingContinuationTests {
    @Test func optionLinesWithoutContinuationAreReportedOncePerCommand() {
        let broken = "az widget create \\\n  --name w1 \\\n  --group g1\n  --size large\n  --color blue\n"
        let found = ExtractorFixture.rest(broken, .shell).findings.filter { $0.message.contains("starts with an option") }
        #expect(found.map(\.location.line) == [ExtractorFixture.markdown(4, 1).line])
        #expect(found.map(\.severity) == [.error])
    }

    @Test func continuedCommandsSynopsesQuotesAndHeredocsStaySilent() {
        #expect(MissingContinuation.lines(in: "az widget create \\\n  --name w1 \\\n  --group g1\n").isEmpty)
        // A usage synopsis is shown, not run.
        #expect(MissingContinuation.lines(in: "az widget create --name\n                 --group\n                 [--size]\n").isEmpty)
        // Inside a quoted body.
        #expect(MissingContinuation.lines(in: "curl https://x.invalid -d '{\n--not an option line\n}'\n").isEmpty)
        // Here-document data.
        #expect(MissingContinuation.lines(in: "cat <<EOF > f.yml\nitems:\n- name: a\n--flag value\nEOF\n").isEmpty)
        // A new command after a blank line.
        #expect(MissingContinuation.lines(in: "az login\n\n--help me\n").isEmpty)
    }
}
