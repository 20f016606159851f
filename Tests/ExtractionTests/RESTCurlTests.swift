import Core
import Testing
@testable import Extraction

@Suite struct RESTCurlTests {
    @Test func bashCurlWithContinuationsHeadersAndSingleQuotedJSON() {
        let result = ExtractorFixture.rest("""
            curl -X POST "$AZURE_OPENAI_ENDPOINT/openai/deployments/${DEPLOYMENT}/chat/completions?api-version=2025-01-01-preview" \\
              -H "Content-Type: application/json" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -d '{
                "model": "m",
                "messages": [{"role": "user", "content": "Hi"}]
              }'
            """)
        #expect(result.findings.isEmpty)
        #expect(result.callsAPI)
        #expect(result.requests.count == 1)
        guard let request = result.requests.first else { return }
        #expect(request.client == .curl)
        #expect(request.method == "POST")
        #expect(request.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(request.deployment == .placeholder(.environment(name: "DEPLOYMENT", fallback: nil)))
        #expect(request.query["api-version"] == .string("2025-01-01-preview"))
        #expect(request.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
        #expect(request.auth == .apiKey)
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "content") == .string("Hi"))
        #expect(request.location == ExtractorFixture.markdown(1, 1))
    }

    @Test func bearerTokenDoubleQuotedJSONWithEscapesAndVariables() {
        let result = ExtractorFixture.rest("""
            curl "https://res.openai.azure.com/openai/deployments/d/chat/completions?api-version=v" -H "Authorization: Bearer $TOKEN" --data-raw "{\\"messages\\": [{\\"role\\": \\"user\\", \\"content\\": \\"$PROMPT\\"}], \\"max_tokens\\": $MAX}"
            """)
        #expect(result.findings.isEmpty)
        guard let request = result.requests.first else {
            Issue.record("no request")
            return
        }
        #expect(request.method == "POST")
        #expect(request.endpoint == .string("https://res.openai.azure.com"))
        #expect(request.deployment == .string("d"))
        #expect(request.auth == .bearer)
        #expect(request.headers["authorization"] == .template([.literal("Bearer "), .placeholder(.environment(name: "TOKEN", fallback: nil))]))
        #expect(ExtractorFixture.dig(request.body, "messages", 0, "content") == .placeholder(.environment(name: "PROMPT", fallback: nil)))
        #expect(ExtractorFixture.dig(request.body, "max_tokens") == .placeholder(.environment(name: "MAX", fallback: nil)))
    }

    @Test func powershellAndCmdContinuations() {
        let ps = ExtractorFixture.rest("""
            curl.exe -X POST "$env:AZURE_OPENAI_ENDPOINT/openai/deployments/d/chat/completions?api-version=v" `
              -H "api-key: $env:AZURE_OPENAI_API_KEY" `
              --data-binary "@body.json"
            """)
        #expect(ps.requests.first?.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(ps.requests.first?.body == .placeholder(.file(path: "body.json", encoding: .text)))
        #expect(ps.reads.map(\.path) == ["body.json"])
        let cmd = ExtractorFixture.rest("""
            curl -X POST "%AZURE_OPENAI_ENDPOINT%/openai/deployments/d/chat/completions?api-version=v" ^
              -H "api-key: %KEY%" ^
              -d @request.json
            """)
        #expect(cmd.requests.first?.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(cmd.requests.first?.headers["api-key"] == .placeholder(.environment(name: "KEY", fallback: nil)))
        #expect(cmd.reads.map(\.path) == ["request.json"])
    }

    @Test func invalidJSONBodyIsReportedWhereItIsWritten() {
        let result = ExtractorFixture.rest("""
            curl $ENDPOINT/openai/deployments/d/chat/completions -H "api-key: $K" -d '{
              "messages": [
                {"role": "user" "content": "Hi"}
              ]
            }'
            """)
        #expect(result.requests.isEmpty)
        #expect(result.findings.map(\.rule) == ["json-invalid"])
        // The '"content"' that should follow a comma: code line 3, column 21.
        #expect(result.findings.first?.location == ExtractorFixture.markdown(3, 21))
    }

    @Test func otherCommandsAndDownloadsAreNotRequests() {
        let result = ExtractorFixture.rest("""
            # download a sample file
            curl -o dog.wav https://example.invalid/dog.wav
            npm install openai && az login
            """)
        #expect(result.requests.isEmpty)
        #expect(!result.callsAPI)
    }

    @Test func unterminatedQuoteIsAShellSyntaxFinding() {
        let result = ExtractorFixture.rest("curl -d '{\"a\": 1} https://x.invalid\n")
        #expect(result.findings.map(\.rule) == ["shell-syntax"])
        #expect(result.findings.first?.location == ExtractorFixture.markdown(1, 9))
    }

    /// A prompt to type in a playground, fenced as console: an apostrophe inside a word is prose,
    /// not an open quote (a note); a command with an open quote is still an error.
    @Test func anApostropheInAWordOfProseIsANote() {
        let prose = ExtractorFixture.rest("Spanish: Hasta luego.\nFrench: C'est la vie.\n", .shell)
        #expect(prose.findings.map(\.severity) == [.note])
        #expect(prose.findings.first?.rule == "shell-syntax")
        let command = ExtractorFixture.rest("echo 'it is late\n", .shell)
        #expect(command.findings.map(\.severity) == [.error])
    }

    @Test func heredocAndHereStringBodiesAreData() {
        let bash = ExtractorFixture.rest("""
            cat > body.json << 'EOF'
            {"note": "it's data, not a command"}
            EOF
            curl "$E/openai/deployments/d/chat/completions?api-version=v" -H "api-key: $K" -d @body.json
            """)
        #expect(bash.findings.isEmpty)
        #expect(bash.requests.count == 1)
        #expect(bash.requests.first?.location == ExtractorFixture.markdown(4, 1))
        let ps = ExtractorFixture.rest("""
            $body = @"
            {"note": "it's a here-string"}
            "@
            curl.exe "$env:E/openai/deployments/d/chat/completions" -H "api-key: $env:K" -d '{"a": 1}'
            """)
        #expect(ps.findings.isEmpty)
        #expect(ps.requests.first?.body == .object(["a": .int(1)]))
    }

    @Test func consoleTranscriptOnlyReadsPromptedLines() {
        let result = ExtractorFixture.rest("""
            $ curl "$E/openai/deployments/d/chat/completions" -H "api-key: $K" -d '{
                "messages": []
              }'
            {"error": "it's output, not a command"}
            """)
        #expect(result.findings.isEmpty)
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.location == ExtractorFixture.markdown(1, 3))
        #expect(result.requests.first?.body == .object(["messages": .array([])]))
    }

    @Test func powershellRestCallIsAnAPICallButADownloadIsNot() {
        let call = ExtractorFixture.rest("Invoke-RestMethod -Uri $url -Method Post -Headers $headers -Body $body\n")
        #expect(call.callsAPI)
        #expect(call.requests.isEmpty)
        let download = ExtractorFixture.rest("Invoke-WebRequest -Uri https://example.invalid/dog.wav -OutFile dog.wav\n")
        #expect(!download.callsAPI)
    }

    @Test func percentEscapesInURLsAreNotVariables() {
        let result = ExtractorFixture.rest("curl \"https://h.invalid/openai/deployments/my%20dep/chat/completions?q=a%20b%20c\" -H \"api-key: %KEY%\" -d '{}'\n")
        #expect(result.requests.first?.deployment == .string("my%20dep"))
        #expect(result.requests.first?.query["q"] == .string("a%20b%20c"))
        #expect(result.requests.first?.headers["api-key"] == .placeholder(.environment(name: "KEY", fallback: nil)))
    }
}
