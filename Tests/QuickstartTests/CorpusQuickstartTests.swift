import Core
import Foundation
import Testing
import TestSupport
@testable import Quickstart

/// `../shared/corpus` next to the package (or /work/shared/corpus); tests skip without it.
enum Corpus {
    static let directory: String? = SharedCorpus.path("azure-openai/audio-completions-quickstart.md").flatMap { _ in SharedCorpus.directory?.path }
    static var available: Bool { directory != nil }
}

@Suite(.enabled(if: Corpus.available, "the corpus at ../shared/corpus is absent"))
struct CorpusQuickstartTests {
    let doc: QuickstartDocument

    init() throws {
        let path = (Corpus.directory ?? "") + "/azure-openai/audio-completions-quickstart.md"
        doc = try QuickstartLoader.load(path: path, root: nil, pivotGroupsFile: nil)
    }

    static let generateSections = [
        "Generate audio from text input", "Generate audio and text from audio input",
        "Generate audio and use multi-turn chat completions",
    ]

    @Test func fivePivots() {
        #expect(doc.file == "audio-completions-quickstart.md")
        #expect(doc.pivots.map(\.id) == [
            "ai-foundry-portal", "programming-language-javascript", "programming-language-python", "rest-api",
            "programming-language-typescript",
        ])
        // No error: the `~/` include of shared docs-repository content the corpus does not hold is
        // a note (DocFX maps it to another repository), reported once although four pivots include it.
        #expect(doc.findings.filter { $0.severity == .error }.isEmpty)
        let external = doc.findings.filter { $0.rule == "include-external" }
        #expect(external.map(\.severity) == [.note])
        #expect(external.first?.location.file == "includes/resource-authentication.md")
        #expect(external.first?.location.line == 32)
    }

    @Test(arguments: [
        ("programming-language-python", "audio-completions-python.md", ["keyless", "api-key"], [".py"]),
        ("rest-api", "audio-completions-rest.md", ["keyless", "api-key"], [".py"]),
        ("programming-language-javascript", "audio-completions-javascript.md", ["keyless", "api-key"], [".js"]),
        ("programming-language-typescript", "audio-completions-typescript.md", ["typescript-keyless", "typescript-key"], [".ts", "tsconfig.json"]),
    ])
    func codePivotSections(pivotID: String, include: String, tabIDs: [String], fileSuffixes: [String]) throws {
        let pivot = try #require(doc.pivots.first { $0.id == pivotID })
        for title in Self.generateSections {
            let section = try #require(pivot.sections.first { $0.title == title }, "\(pivotID): \(title)")
            #expect(section.location.file == "includes/" + include)
            #expect(section.tabs.map(\.id) == tabIDs, "\(pivotID): \(title)")
            #expect(section.tabs.map(\.label) == ["Microsoft Entra ID", "API key"])
            for tab in section.tabs {
                let named = tab.samples.compactMap(\.fileName)
                #expect(named.count == fileSuffixes.count, "\(pivotID) \(title) \(tab.id ?? "")")
                for (name, suffix) in zip(named, fileSuffixes) { #expect(name.hasSuffix(suffix)) }
                #expect(tab.samples.allSatisfy { $0.location.file == "includes/" + include })
            }
        }
    }

    @Test func pythonSampleLocations() throws {
        let pivot = try #require(doc.pivots.first { $0.id == "programming-language-python" })
        let section = try #require(pivot.sections.first { $0.title == Self.generateSections[0] })
        #expect(section.location.line == 83)
        let keyless = try #require(section.tabs.first { $0.id == "keyless" })
        let sample = try #require(keyless.samples.first { $0.fileName == "to-audio.py" })
        #expect(sample.language == .python)
        #expect(sample.location == SourceLocation(file: "includes/audio-completions-python.md", line: 89, column: 5))
        #expect(sample.codeStartLine == 90)
        #expect(sample.code.hasPrefix("import requests\n"))
        // Code line 1 maps onto the Markdown line that holds it.
        let markdown = try String(contentsOfFile: Corpus.directory! + "/azure-openai/includes/audio-completions-python.md", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let mapped = sample.markdownLocation(codeLine: 1)
        #expect(String(markdown[mapped.line - 1].dropFirst(mapped.column - 1)) == "import requests")
    }

    @Test func typescriptTsconfigStep() throws {
        let pivot = try #require(doc.pivots.first { $0.id == "programming-language-typescript" })
        let section = try #require(pivot.sections.first { $0.title == Self.generateSections[0] })
        let tab = try #require(section.tabs.first)
        let tsconfig = try #require(tab.samples.first { $0.fileName == "tsconfig.json" })
        #expect(tsconfig.language == .json)
        #expect(tsconfig.location.line == 143)
        #expect(tab.samples.first?.language == .typescript)
        #expect(tab.samples.first?.location.line == 76)
    }

    @Test func setUpOperatingSystemTabs() throws {
        for id in ["programming-language-python", "rest-api"] {
            let pivot = try #require(doc.pivots.first { $0.id == id })
            let setUp = try #require(pivot.sections.first { $0.title == "Set up" })
            let osTabs = setUp.tabs.filter { $0.id != nil }
            #expect(osTabs.map(\.id) == ["windows", "linux", "macos"])
            #expect(osTabs.map(\.label) == ["Windows", "Linux", "macOS"])
            #expect(osTabs.allSatisfy { $0.samples.count == 1 && $0.samples[0].language == .shell })
            #expect(osTabs.allSatisfy { $0.steps.first?.text.hasPrefix("Create a virtual environment") == true })
            #expect(setUp.tabs.first?.id == nil)
        }
        let python = try #require(doc.pivots.first { $0.id == "programming-language-python" })
        let windows = try #require(python.sections.first { $0.title == "Set up" }?.tabs.first { $0.id == "windows" })
        #expect(windows.samples.first?.location == SourceLocation(file: "includes/audio-completions-python.md", line: 41, column: 5))
    }

    @Test func sharedSectionsInEveryPivot() {
        for pivot in doc.pivots {
            #expect(pivot.sections.map(\.title).suffix(2) == ["Clean-up resources", "Related content"])
        }
        let ids = doc.allSamples.map(\.sample.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(1...ids.count))
        // Ids follow document order: by id, samples of one file go down the file.
        for pivot in doc.pivots {
            let byID = pivot.sections.flatMap { $0.tabs.flatMap(\.samples) }.sorted { $0.id < $1.id }
            for (a, b) in zip(byID, byID.dropFirst()) where a.location.file == b.location.file {
                #expect(a.location.line < b.location.line, "#\(a.id) and #\(b.id)")
            }
        }
    }

    @Test func everySampleLineMapsOntoItsMarkdownLine() throws {
        var files: [String: [Substring]] = [:]
        var checked = 0
        for (_, _, _, sample) in doc.allSamples {
            let path = Corpus.directory! + "/azure-openai/" + sample.location.file
            if files[path] == nil {
                files[path] = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            }
            let markdown = files[path]!
            #expect(markdown[sample.location.line - 1].contains("```"), "fence of #\(sample.id)")
            for (index, codeLine) in sample.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated()
            where !codeLine.trimmingCharacters(in: .whitespaces).isEmpty {
                let mapped = sample.markdownLocation(codeLine: index + 1)
                #expect(String(markdown[mapped.line - 1].dropFirst(mapped.column - 1)) == String(codeLine), "#\(sample.id) line \(index + 1)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }
}
