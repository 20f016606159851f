import Core
import Foundation
import Quickstart
import Testing
import TestSupport
@testable import Extraction

/// The JavaScript and TypeScript includes of the corpus audio quickstart, read in place.
enum JSCorpusIncludes {
    static let directory: URL? = SharedCorpus.url("azure-openai/includes/audio-completions-javascript.md")?.deletingLastPathComponent()

    static var available: Bool { directory != nil }

    /// Fenced code blocks cut out with a line scan: language, code (dedented), Markdown positions,
    /// and the closest non-blank line above the fence as its step text.
    static func samples(_ name: String, in path: String? = nil) throws -> [CodeSample] {
        guard let directory = path.map({ URL(fileURLWithPath: $0) }) ?? directory else { return [] }
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var samples: [CodeSample] = []
        var n = 0
        while n < lines.count {
            let line = lines[n]
            let indent = line.prefix(while: { $0 == " " }).count
            let trimmed = line.dropFirst(indent)
            guard trimmed.hasPrefix("```"), trimmed.count > 3 else { n += 1; continue }
            let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
            var end = n + 1
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
            let code = lines[(n + 1)..<end].map { String($0.dropFirst(min(indent, $0.prefix(while: { $0 == " " }).count))) }.joined(separator: "\n") + "\n"
            let step = lines[..<n].last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            samples.append(CodeSample(
                id: samples.count, language: CodeLanguage(infoString: info), infoString: info, code: code,
                location: SourceLocation(file: name, line: n + 1, column: indent + 1),
                codeStartLine: n + 2, codeStartColumn: indent + 1, stepText: step))
            n = end + 1
        }
        return samples
    }

    static func document(_ name: String, _ samples: [CodeSample]) -> QuickstartDocument {
        let steps = samples.map { Step(text: $0.stepText ?? "", location: $0.location, samples: [$0]) }
        let tab = TabVariant(id: nil, label: nil, group: nil, location: nil, steps: steps)
        return QuickstartDocument(
            file: name, title: nil, frontMatter: [:],
            pivots: [Pivot(id: "corpus", sections: [Section(title: "", location: SourceLocation(file: name, line: 1), tabs: [tab])])],
            findings: [])
    }
}

@Suite(.enabled(if: JSCorpusIncludes.available, "corpus not found"))
struct JavaScriptCorpusTests {
    @Test(arguments: [("audio-completions-javascript.md", CodeLanguage.javascript), ("audio-completions-typescript.md", .typescript)])
    func everySampleGivesItsRequests(file: String, language: CodeLanguage) throws {
        let samples = try JSCorpusIncludes.samples(file)
        let code = samples.filter { $0.language == language }
        #expect(code.count == 6)
        let extraction = Extractor().extract(JSCorpusIncludes.document(file, samples))
        for sample in code {
            let result = try #require(extraction.samples[sample.id])
            let calls = sample.code.components(separatedBy: "completions.create(").count - 1
            #expect(calls >= 1)
            #expect(result.requests.count == calls, "sample at line \(sample.location.line)")
            #expect(result.callsAPI)
            #expect(!result.findings.contains { $0.rule == "js-syntax" || $0.rule == "ts-syntax" }, "\(result.findings)")
            for request in result.requests {
                #expect(request.query["api-version"] == .string("2025-01-01-preview"))
                #expect(request.path == "/openai/deployments/{deployment}/chat/completions")
                #expect(ExtractorFixture.dig(request.body, "model") != nil)
                #expect(request.auth == (sample.code.contains("azureADTokenProvider") ? .bearer : .apiKey))
            }
            if calls == 2 {
                let second = ExtractorFixture.dig(result.requests[1].body, "messages")
                #expect(ExtractorFixture.dig(second, 1, "audio", "id") == .placeholder(.response(call: 0, path: "choices[0].message.audio.id")))
            }
            if sample.code.contains("readFile(") {
                #expect(result.reads.map(\.path) == ["dog.wav"])
            }
            if sample.code.contains("writeFileSync(") {
                #expect(result.writes.count == 1)
            }
        }
        #expect(!extraction.findings.contains { $0.rule == "request-unextracted" })
    }

    @Test func laterSnapshotGivesTheSameRequestCounts() throws {
        guard let later = JSCorpusIncludes.directory?.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("azure-openai-later/includes").path else { return }
        for (file, language) in [("audio-completions-javascript.md", CodeLanguage.javascript), ("audio-completions-typescript.md", .typescript)] {
            let samples = try JSCorpusIncludes.samples(file, in: later).filter { $0.language == language }
            #expect(samples.count == 6)
            let extraction = Extractor().extract(JSCorpusIncludes.document(file, samples))
            let counts = samples.map { extraction.samples[$0.id]?.requests.count ?? 0 }
            #expect(counts == [1, 1, 1, 1, 2, 2], "\(file)")
            #expect(extraction.allFindings.isEmpty, "\(extraction.allFindings)")
        }
    }

    @Test func tsconfigFencesGiveNoFinding() throws {
        let samples = try JSCorpusIncludes.samples("audio-completions-typescript.md")
        let tsconfigs = samples.filter { $0.language == .json && ($0.stepText ?? "").contains("tsconfig.json") }
        #expect(tsconfigs.count == 6)
        let extraction = Extractor().extract(JSCorpusIncludes.document("audio-completions-typescript.md", samples))
        for sample in tsconfigs {
            #expect(extraction.samples[sample.id]?.findings.isEmpty == true)
        }
    }

    @Test func javascriptPivotRequiresInATypeModulePackage() throws {
        let samples = try JSCorpusIncludes.samples("audio-completions-javascript.md")
        let extraction = Extractor().extract(JSCorpusIncludes.document("audio-completions-javascript.md", samples))
        let mismatches = extraction.findings.filter { $0.rule == "js-module-mismatch" }
        #expect(mismatches.count == 6)
        #expect(mismatches.allSatisfy { $0.severity == .error })
        let ts = try JSCorpusIncludes.samples("audio-completions-typescript.md")
        let tsFindings = Extractor().extract(JSCorpusIncludes.document("audio-completions-typescript.md", ts)).findings
        #expect(!tsFindings.contains { $0.rule == "js-module-mismatch" })
    }
}
