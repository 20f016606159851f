import Core
import Foundation
import Quickstart
import Testing
import TestSupport
@testable import Extraction

/// The audio quickstart's Python includes, read from the shared corpus (never copied here).
enum PythonCorpus {
    static let directory: String? = SharedCorpus.path("azure-openai/includes/audio-completions-python.md").flatMap { _ in SharedCorpus.directory?.path }

    static var available: Bool { directory != nil }

    /// Each ```python fence of an include, as a sample at its Markdown position.
    static func samples(_ name: String) throws -> [CodeSample] {
        let path = directory! + "/azure-openai/includes/" + name
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var samples: [CodeSample] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("```python") else { index += 1; continue }
            let indent = line.count - trimmed.count
            var code = ""
            var end = index + 1
            while end < lines.count, !lines[end].drop(while: { $0 == " " }).hasPrefix("```") {
                code += String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))) + "\n"
                end += 1
            }
            samples.append(CodeSample(
                id: samples.count, language: .python, infoString: "python", code: code,
                location: SourceLocation(file: name, line: index + 1, column: indent + 1),
                codeStartLine: index + 2, codeStartColumn: indent + 1))
            index = end + 1
        }
        return samples
    }
}

@Suite("Python front-end on the audio quickstart corpus", .enabled(if: PythonCorpus.available))
struct PythonCorpusTests {
    @Test("every SDK and REST Python sample yields its requests", arguments: ["audio-completions-python.md", "audio-completions-rest.md"])
    func samplesGiveRequests(file: String) throws {
        let samples = try PythonCorpus.samples(file)
        #expect(samples.count == 6)
        let frontEnd = PythonFrontEnd()
        for (i, sample) in samples.enumerated() {
            let extraction = frontEnd.extract(sample)
            let expectedCalls = i >= 4 ? 2 : 1
            #expect(extraction.requests.count == expectedCalls, "sample at line \(sample.location.line)")
            #expect(extraction.callsAPI)
            for request in extraction.requests {
                #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
                #expect(request.endpoint == env("AZURE_OPENAI_ENDPOINT"))
                #expect(request.query["api-version"] == .string("2025-01-01-preview"))
                #expect(request.deployment == .string("gpt-4o-audio-preview"))
                // Keyless tabs come first in each section.
                #expect(request.auth == (i % 2 == 0 ? .bearer : .apiKey), "sample at line \(sample.location.line)")
            }
            if i >= 2 {
                #expect(extraction.reads.map(\.path) == ["dog.wav"])
                let first = try #require(extraction.requests.first?.body?.jsonValueOrContract)
                #expect(first.serialized().contains("\"$file\":\"dog.wav\""))
            } else {
                #expect(extraction.writes.map(\.path) == ["dog.wav"])
            }
            if expectedCalls == 2 {
                guard case .object(let body)? = extraction.requests[1].body, case .array(let messages)? = body["messages"] else {
                    Issue.record("second call has no messages array")
                    continue
                }
                #expect(messages.count == 3)
                if messages.count == 3, case .object(let assistant) = messages[1], case .object(let audio)? = assistant["audio"] {
                    #expect(audio["id"] == .placeholder(.response(call: 0, path: "choices[0].message.audio.id")))
                }
                // The first call carried the messages as they were then.
                guard case .object(let firstBody)? = extraction.requests[0].body, case .array(let firstMessages)? = firstBody["messages"] else {
                    Issue.record("first call has no messages array")
                    continue
                }
                #expect(firstMessages.count == 1)
                #expect(extraction.responseReads.contains { $0.call == 0 && $0.path == "choices[0].message.audio.id" })
            }
        }
    }

    @Test("the keyless from-audio sample's missing comma is the only syntax error")
    func missingComma() throws {
        var findings: [Finding] = []
        for file in ["audio-completions-python.md", "audio-completions-rest.md"] {
            for sample in try PythonCorpus.samples(file) {
                findings += PythonFrontEnd().extract(sample).findings
            }
        }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "python-syntax")
        #expect(finding.severity == .error)
        #expect(finding.location.file == "audio-completions-python.md")
        // CPython reports the line with `azure_endpoint=endpoint`, at the value before the gap.
        #expect(finding.location.line == 209)
        #expect(finding.location.column == 24)
        #expect(finding.message.contains("comma"))
        #expect(finding.message.contains("azure_endpoint"))
    }
}

extension SymbolicValue {
    var jsonValueOrContract: JSONValue { contractJSON }
}
