import Core
import Foundation
import Reporting
import Runner
import Testing
import Transport
@testable import CLI

/// The HTML report built from a synthetic call: redaction, audio players, body cutting, escaping.
@Suite struct HTMLReportTests {
    static let secret = "sk-test-secret-value-0123456789"

    /// A minimal RIFF/WAVE header followed by silence: enough for the magic-number sniffing.
    static func wav(bytes: Int = 2048) -> Data {
        var data = Data("RIFF".utf8)
        data.append(contentsOf: [0x24, 0x08, 0, 0])
        data.append(Data("WAVEfmt ".utf8))
        data.append(Data(count: bytes))
        return data
    }

    static func scenarioResult(response body: String, status: ScenarioStatus = .failed) -> ScenarioResult {
        let location = SourceLocation(file: "speak.md", line: 3)
        let scenario = Scenario(
            id: "python/say/-", pivot: "python", section: "Say <something>", sectionLocation: location, tab: nil, tabLabel: nil,
            samples: [], dependencies: [])
        let request = HTTPRequest(
            method: "POST", url: "https://example.invalid/openai/deployments/d/chat/completions?key=\(secret)",
            headers: [("api-key", secret), ("Content-Type", "application/json")],
            body: Data(#"{"messages":[{"role":"user","content":"<b>hi</b>"}]}"#.utf8))
        let response = HTTPResponse(
            status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8),
            timings: Timings(nameLookup: 0, connect: 0, tls: nil, firstByte: 0.01, total: 0.02))
        let call = CallResult(
            location: location, method: "POST", url: request.url, status: 200, timings: response.timings, attempts: 1, response: nil,
            exchange: RecordedExchange(request: request, response: response))
        let finding = Finding(rule: "answer-shape", severity: .error, location: location, message: "the <answer> has no audio & text")
        var result = ScenarioResult(scenario: scenario, status: status, reason: "a <reason>", calls: [call], findings: [finding], duration: 0.02)
        result.inputs = []
        return result
    }

    @Test func callsAreRedactedEscapedAndTheReceivedAudioIsPlayable() throws {
        let audio = Self.wav().base64EncodedString()
        let body = #"{"choices":[{"message":{"audio":{"data":"\#(audio)","transcript":"Hello & bye"}}}],"echo":"\#(Self.secret)"}"#
        let result = Self.scenarioResult(response: body)
        let html = HTMLReport.render(
            [HTMLReportDocument(file: "speak.md", title: "Speak <now>", findings: result.findings, scenarios: [result])],
            root: nil, goldenDiffs: [HTMLGoldenDiff(name: "golden/speak.json", diff: "--- a\n+++ b\n@@ -1 +1 @@\n-\"old\"\n+\"<new>\"\n")],
            secrets: [Self.secret])
        #expect(!html.contains(Self.secret))
        #expect(html.contains("<th>api-key</th><td>[redacted]</td>"))
        #expect(html.contains("<audio controls preload=\"none\" src=\"data:audio/wav;base64,\(audio)\">"))
        // The base64 text itself is replaced in the pretty-printed body, not shown twice.
        #expect(html.components(separatedBy: audio).count == 2)
        #expect(html.contains("Hello &amp; bye"))
        #expect(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
        #expect(html.contains("Speak &lt;now&gt;") && html.contains("Say &lt;something&gt;") && html.contains("a &lt;reason&gt;"))
        #expect(html.contains("the &lt;answer&gt; has no audio &amp; text"))
        #expect(html.contains("<span class=\"add\">+&quot;&lt;new&gt;&quot;</span>"))
        #expect(html.contains("data-rule=\"answer-shape\"") && html.contains("data-severity=\"error\""))
        #expect(!html.contains("http://") && !html.contains("https://cdn") && !html.contains("<link"))
    }

    @Test func bigBodiesAreCut() {
        let long = "{\"text\":\"" + String(repeating: "word ", count: 8_000) + String(repeating: "a", count: 400) + "\"}"
        let html = HTMLReport.render(
            [HTMLReportDocument(file: "speak.md", findings: [], scenarios: [Self.scenarioResult(response: long, status: .passed)])], root: nil)
        #expect(html.contains("cut at 16 KiB"))
        #expect(!html.contains(String(repeating: "word ", count: 4_000)))
    }

    @Test func aFindingShowsTheMarkdownAroundItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (1...20).map { "line <\($0)>" }.joined(separator: "\n").write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let finding = Finding(rule: "r", severity: .warning, location: SourceLocation(file: "a.md", line: 10), message: "m")
        let html = HTMLReport.render([HTMLReportDocument(file: "a.md", findings: [finding], sourceRoot: folder.path)], root: nil)
        #expect(html.contains("<span class=\"ln hit\"><span class=\"no\">10</span>line &lt;10&gt;</span>"))
        #expect(html.contains("line &lt;7&gt;") && html.contains("line &lt;13&gt;"))
        #expect(!html.contains("line &lt;6&gt;") && !html.contains("line &lt;14&gt;"))
    }
}
