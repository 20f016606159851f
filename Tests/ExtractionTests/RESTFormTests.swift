import Core
import Quickstart
import Testing
@testable import Extraction

/// curl uploads and saved answers, PowerShell requests, and fences with no language.
@Suite("REST forms, raw bodies, saved answers and PowerShell")
struct RESTFormTests {
    @Test("curl -F parts: fields, a file with a quoted type, --form; the method is POST")
    func curlForm() throws {
        let x = ExtractorFixture.rest("""
            curl $AZURE_OPENAI_ENDPOINT/openai/deployments/whisper/audio/transcriptions?api-version=2024-06-01 \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -H "Content-Type: multipart/form-data" \\
              -F file="@./wikipediaOcelot.wav" \\
              --form "response_format=text" \\
              -F "model=whisper;type=text/plain" -F "clip=@clips/b.mp3;type=audio/mpeg"
            """)
        #expect(x.findings.isEmpty)
        let r = try #require(x.requests.first)
        #expect(r.method == "POST")
        #expect(r.path == "/openai/deployments/{deployment}/audio/transcriptions")
        #expect(r.body == nil)
        let parts = try #require(r.multipart)
        #expect(parts.map(\.name) == ["file", "response_format", "model", "clip"])
        #expect(parts[0].value == .placeholder(.file(path: "./wikipediaOcelot.wav", encoding: .binary)))
        #expect(parts[0].filename == "wikipediaOcelot.wav")
        #expect(parts[1].value == .string("text"))
        #expect(parts[1].isFile == false)
        #expect(parts[2].value == .string("whisper"))
        #expect(parts[2].contentType == "text/plain")
        #expect(parts[3].contentType == "audio/mpeg")
        #expect(parts[3].filename == "b.mp3")
        #expect(x.reads.map(\.path) == ["./wikipediaOcelot.wav", "clips/b.mp3"])
    }

    @Test("curl -o saves the answer; --data-binary @audio sends the file as the raw body")
    func curlOutputAndBinary() throws {
        let x = ExtractorFixture.rest("""
            curl "$AZURE_OPENAI_ENDPOINT/openai/deployments/tts/audio/speech?api-version=2025-03-01-preview" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" -H "Content-Type: application/json" \\
              -d '{"model": "tts-1", "input": "Hi", "voice": "alloy"}' --output speech.mp3
            curl -X POST "https://example.test/upload" -H "api-key: k" --data-binary @speech.wav
            """)
        #expect(x.requests.count == 2)
        #expect(x.requests[0].savesResponseTo?.path == "speech.mp3")
        #expect(x.writes.map(\.path) == ["speech.mp3"])
        #expect(x.requests[1].rawBody == .placeholder(.file(path: "speech.wav", encoding: .binary)))
        #expect(x.requests[1].body == nil)
    }

    @Test("ids from the shell in the path are path parameters")
    func curlPathParameters() throws {
        let x = ExtractorFixture.rest("""
            curl "$AZURE_OPENAI_ENDPOINT/openai/threads/$THREAD_ID/runs/$RUN_ID?api-version=2024-05-01-preview" -H "api-key: $AZURE_OPENAI_API_KEY"
            """)
        let r = try #require(x.requests.first)
        #expect(r.method == "GET")
        #expect(r.path == "/openai/threads/{env:THREAD_ID}/runs/{env:RUN_ID}")
        #expect(r.pathParameters["env:RUN_ID"] == .placeholder(.environment(name: "RUN_ID", fallback: nil)))
    }

    @Test("a fence with no language whose first command is curl is read as shell")
    func bareCurlFence() throws {
        let sample = CodeSample(
            id: 1, language: .text, infoString: "", code: "curl $AZURE_OPENAI_ENDPOINT/openai/deployments/e/embeddings?api-version=2024-10-21 -H \"api-key: $AZURE_OPENAI_API_KEY\" -H \"Content-Type: application/json\" -d '{\"input\": \"hi\"}'",
            location: SourceLocation(file: "guide.md", line: 9), codeStartLine: 10, codeStartColumn: 1)
        let extraction = Extractor().extract(ExtractorFixture.document([sample]))
        let r = try #require(extraction.samples[1]?.requests.first)
        #expect(r.path == "/openai/deployments/{deployment}/embeddings")
        let output = CodeSample(
            id: 2, language: .text, infoString: "", code: "{\"text\": \"curl is a tool\"}",
            location: SourceLocation(file: "guide.md", line: 9), codeStartLine: 10, codeStartColumn: 1)
        #expect(Extractor.isBareCurl(output) == false)
    }

    private func powershell(_ code: String, info: String = "powershell") -> SampleExtraction {
        let sample = CodeSample(
            id: 1, language: CodeLanguage(infoString: info), infoString: info, code: code,
            location: SourceLocation(file: "guide.md", line: 9), codeStartLine: 10, codeStartColumn: 1)
        return Extractor().extract(ExtractorFixture.document([sample])).samples[1]!
    }

    @Test("Invoke-RestMethod with a hashtable body through ConvertTo-Json, headers and $env values")
    func invokeRestMethod() throws {
        let x = powershell("""
            # Don't forget to set the variables first
            $endpoint = $env:AZURE_OPENAI_ENDPOINT
            $headers = [ordered]@{
                'api-key' = $env:AZURE_OPENAI_API_KEY
            }
            $messages = @()
            $messages += @{ role = 'user'; content = "What's new?" }
            $body = @{
                messages = @(
                    @{ role = 'system'; content = 'You help.' },
                    @{ role = 'user'; content = "What's new?" }
                )
                max_tokens = 100
            } | ConvertTo-Json -Depth 5
            $url = "$endpoint/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
            $response = Invoke-RestMethod -Uri $url -Headers $headers -Body $body -Method Post -ContentType 'application/json'
            return $response.choices[0].message.content
            """)
        #expect(x.findings.isEmpty)
        let r = try #require(x.requests.first)
        #expect(r.client == .powershell)
        #expect(r.method == "POST")
        #expect(r.endpoint == .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)))
        #expect(r.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(r.deployment == .string("gpt-4o"))
        #expect(r.query["api-version"] == .string("2024-10-21"))
        #expect(r.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
        #expect(r.headers["content-type"] == .string("application/json"))
        #expect(r.auth == .apiKey)
        #expect(ExtractorFixture.dig(r.body, "messages", 1, "content") == .string("What's new?"))
        #expect(ExtractorFixture.dig(r.body, "max_tokens") == .int(100))
    }

    @Test("here-string bodies with backtick continuation, -Form uploads and -OutFile")
    func hereStringFormOutFile() throws {
        let x = powershell("""
            $body = @"
            {
              "input": "Hello",
              "voice": "alloy",
              "model": "$env:TTS_MODEL"
            }
            "@
            Invoke-RestMethod -Uri "$($env:AZURE_OPENAI_ENDPOINT)/openai/deployments/tts/audio/speech?api-version=2025-03-01-preview" `
              -Method POST `
              -Headers @{ "api-key" = $env:AZURE_OPENAI_API_KEY } `
              -ContentType "application/json" `
              -Body $body `
              -OutFile "speech.mp3"
            $form = @{
                file = Get-Item -Path "./sample.wav"
                model = "whisper"
            }
            $result = Invoke-RestMethod -Uri "$env:AZURE_OPENAI_ENDPOINT/openai/deployments/whisper/audio/transcriptions?api-version=2024-06-01" -Method Post -Headers @{ "api-key" = $env:AZURE_OPENAI_API_KEY } -Form $form
            Write-Host $result.text
            """, info: "pwsh")
        #expect(x.findings.isEmpty)
        #expect(x.requests.count == 2)
        let speech = x.requests[0]
        #expect(speech.path == "/openai/deployments/{deployment}/audio/speech")
        #expect(ExtractorFixture.dig(speech.body, "voice") == .string("alloy"))
        #expect(ExtractorFixture.dig(speech.body, "model") == .placeholder(.environment(name: "TTS_MODEL", fallback: nil)))
        #expect(speech.savesResponseTo?.path == "speech.mp3")
        let upload = x.requests[1]
        #expect(upload.multipart?.first { $0.name == "file" }?.value == .placeholder(.file(path: "./sample.wav", encoding: .binary)))
        #expect(upload.multipart?.first { $0.name == "file" }?.filename == "sample.wav")
        #expect(upload.multipart?.first { $0.name == "model" }?.value == .string("whisper"))
        #expect(x.reads.map(\.path) == ["./sample.wav"])
    }

    @Test("PowerShell fences get no POSIX shell-syntax findings; azurecli stays shell")
    func noPosixRulesOnPowerShell() {
        let ps = powershell("""
            Write-Host 'It''s done
            setx AZURE_OPENAI_API_KEY "REPLACE_WITH_YOUR_KEY_VALUE_HERE"
            """, info: "azurepowershell")
        #expect(!ps.findings.contains { $0.rule == "shell-syntax" })
        let cli = powershell("az group create --name 'rg --location eastus", info: "azurecli")
        #expect(cli.findings.contains { $0.rule == "shell-syntax" })
    }

    @Test("ids from an earlier Invoke-RestMethod answer flow into the next URL")
    func powershellChain() throws {
        let x = powershell("""
            $h = @{ "api-key" = $env:AZURE_OPENAI_API_KEY }
            $thread = Invoke-RestMethod -Method Post -Uri "$env:AZURE_OPENAI_ENDPOINT/openai/threads?api-version=2024-05-01-preview" -Headers $h -Body '{}' -ContentType 'application/json'
            $messages = Invoke-RestMethod -Uri "$env:AZURE_OPENAI_ENDPOINT/openai/threads/$($thread.id)/messages?api-version=2024-05-01-preview" -Headers $h
            """)
        #expect(x.requests.count == 2)
        #expect(x.requests[1].method == "GET")
        #expect(x.requests[1].path == "/openai/threads/{response:0:id}/messages")
        #expect(x.requests[1].pathParameters["response:0:id"] == .placeholder(.response(call: 0, path: "id")))
    }

    @Test("a settings hashtable with comments, $($x.y) interpolation, an image download with Join-Path and -OutFile")
    func powershellSettingsAndDownload() throws {
        let x = powershell("""
            # Settings for the service
            $svc = @{
                key      = $Env:AZURE_OPENAI_API_KEY
                base     = $Env:AZURE_OPENAI_ENDPOINT  # looks like https://YOUR_RESOURCE_NAME.openai.azure.com/
                version  = '2024-10-21'  # may change
                name     = 'YOUR-DEPLOYMENT-NAME-HERE'
            }
            $headers = [ordered]@{ 'api-key' = $svc.key }
            $body = [ordered]@{
                prompt = 'A lighthouse at dusk'
                n      = 1
            } | ConvertTo-Json
            $url = "$($svc.base)/openai/deployments/$($svc.name)/images/generations?api-version=$($svc.version)"
            $response = Invoke-RestMethod -Uri $url -Headers $headers -Body $body -Method Post -ContentType 'application/json'
            $dir = Join-Path -Path $pwd -ChildPath 'pictures'
            if (-not(Resolve-Path $dir -ErrorAction Ignore)) {
                New-Item -Path $dir -ItemType Directory
            }
            $file = Join-Path -Path 'pictures' -ChildPath 'lighthouse.png'
            $image_url = $response.data[0].url  # the picture's address
            Invoke-WebRequest -Uri $image_url -OutFile $file
            return $file
            """)
        #expect(x.findings.isEmpty)
        #expect(x.requests.count == 2)
        let r = x.requests[0]
        #expect(r.path == "/openai/deployments/{deployment}/images/generations")
        #expect(r.deployment == .placeholder(.readerValue(kind: .deployment, text: "YOUR-DEPLOYMENT-NAME-HERE")))
        #expect(r.query["api-version"] == .string("2024-10-21"))
        #expect(r.headers["api-key"] == .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil)))
        #expect(ExtractorFixture.dig(r.body, "prompt") == .string("A lighthouse at dusk"))
        let download = x.requests[1]
        #expect(download.purpose == .download)
        #expect(download.endpoint == .placeholder(.response(call: 0, path: "data[0].url")))
        #expect(download.savesResponseTo?.path == "pictures/lighthouse.png")
    }

    @Test("downloading the page's sample file is not an API call")
    func powershellPlainDownload() {
        let x = powershell("""
            Invoke-WebRequest -Uri https://example.test/samples/talk.wav -OutFile talk.wav
            """)
        #expect(x.requests.isEmpty)
        #expect(!x.callsAPI)
    }
}
