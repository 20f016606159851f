import Core
import Testing
@testable import Extraction

/// A curl command whose line forgets its trailing `\`: the next line, starting with an option,
/// runs as a command of its own and the request leaves without it.
@Suite struct CurlOrphanedOptionTests {
    @Test func aHeaderLineCutOffIsAWarningAtThatLine() throws {
        let result = ExtractorFixture.rest("""
            curl -X GET "$KITE_ENDPOINT/v1/kites" \\
              -H "api-key: $KITE_KEY"
              -H "kite-preview: on" \\
            """)
        let finding = try #require(result.findings.first { $0.rule == "shell-syntax" })
        #expect(finding.severity == .warning)
        #expect(finding.location == ExtractorFixture.markdown(3, 3))
        #expect(finding.message.contains("-H: command not found"))
        // The request that is sent is still read, without the lost header.
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.headers["kite-preview"] == nil)
    }

    @Test func aBodyCutOffIsAnError() {
        let result = ExtractorFixture.rest("""
            curl -X POST "$KITE_ENDPOINT/v1/kites" -H "api-key: $KITE_KEY"
              -d '{"color": "red"}'
            """)
        #expect(result.findings.filter { $0.rule == "shell-syntax" }.map(\.severity) == [.error])
    }

    @Test func continuedLinesAndOtherCommandsAreFine() {
        let result = ExtractorFixture.rest("""
            curl -X POST "$KITE_ENDPOINT/v1/kites" \\
              -H "api-key: $KITE_KEY" \\
              -d '{"color": "red"}'
            ls -la
            echo done
            """)
        #expect(result.findings.filter { $0.rule == "shell-syntax" }.isEmpty)
    }

    @Test func aCurlFenceIsShell() {
        #expect(CodeLanguage(infoString: "curl") == .shell)
    }
}

/// The same slip in an `az` command: every option line runs on its own and `az` fails on the
/// options it requires, an error.
@Suite struct AzOrphanedOptionTests {
    @Test func azOptionsOnLinesOfTheirOwnAreErrors() {
        let result = ExtractorFixture.rest("""
            az group create
                --name kites-group
                --location westus
            """)
        // One finding for the cut-off command, at its first orphan line.
        let findings = result.findings.filter { $0.rule == "shell-syntax" }
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.location == ExtractorFixture.markdown(2, 5))
        #expect(findings.first?.message.contains("ends the az command there") == true)
        #expect(findings.first?.message.contains("(and so does the option line after it)") == true)
    }
}

/// `\` and then a space at a line's end: bash reads an escaped space, not a continuation.
@Suite struct EscapedSpaceContinuationTests {
    @Test func aSpaceAfterTheBackslashCutsTheCommand() throws {
        let code = "curl -X PUT 'https://example.com/v1/kites/red' \\ \n--header 'Content-Type: application/json' \\ \n--data-raw '{\"color\": \"red\"}'\n"
        let result = ExtractorFixture.rest(code)
        let findings = result.findings.filter { $0.rule == "shell-syntax" }
        // One finding for the command, at the first backslash, an error: the body is lost.
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.location == ExtractorFixture.markdown(1, 48))
        #expect(findings.first?.message.contains("escaped space") == true)
        let headersOnly = ExtractorFixture.rest("curl 'https://example.com/v1/kites' \\ \n  --header 'Accept: application/json'\n")
        #expect(headersOnly.findings.filter { $0.rule == "shell-syntax" }.map(\.severity) == [.warning])
    }

    @Test func aPlainContinuationOrAWindowsLineEndIsFine() {
        #expect(ExtractorFixture.rest("curl 'https://example.com/v1/kites' \\\n  --header 'Accept: application/json'\n").findings.isEmpty)
        #expect(ExtractorFixture.rest("curl 'https://example.com/v1/kites' \\\r\n  --header 'Accept: application/json'\r\n").findings.isEmpty)
    }
}

/// A `curl` command fenced as ```HTTP is a command to run: it is read as shell.
@Suite struct CurlInHTTPFenceTests {
    @Test func aCurlCommandInAnHTTPFenceIsReadAsShell() throws {
        let result = ExtractorFixture.rest("""
            curl -X POST https://example.com/v1/kites \\
              -H "Content-Type: application/json" \\
              -d '{"color": "red"}'
            """, .http)
        let request = try #require(result.requests.first)
        #expect(result.findings.isEmpty)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/kites")
    }
}

/// `-d '{"input": "I'm …"}'`: the apostrophe ends the shell quote; the finding says so.
@Suite struct ApostropheInCurlBodyTests {
    @Test func anApostropheThatEndsTheBodyIsNamed() throws {
        let result = ExtractorFixture.rest("""
            curl https://example.com/v1/kites -H "Content-Type: application/json" -d '{
              "input": "Find kites for me. I'm flying on Sunday, don't wait."
            }'
            """)
        let finding = try #require(result.findings.first { $0.rule == "json-invalid" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("the apostrophe in `I'm` ends the single-quoted"))
    }

    @Test func otherUnterminatedStringsKeepTheParserMessage() throws {
        let result = ExtractorFixture.rest("curl https://example.com/v1/kites -d '{\"input\": \"Find kites}'\n")
        let finding = try #require(result.findings.first { $0.rule == "json-invalid" })
        #expect(finding.message.contains("unterminated string"))
        #expect(!finding.message.contains("apostrophe"))
    }
}
