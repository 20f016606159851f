import Core
import Foundation
import Testing
@testable import Quickstart

@Suite struct QuickstartBuilderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    let doc: QuickstartDocument

    init() throws {
        doc = try QuickstartLoader.load(path: Self.fixtures + "/guide/article.md", root: nil, pivotGroupsFile: nil)
    }

    func pivot(_ id: String) throws -> Pivot { try #require(doc.pivots.first { $0.id == id }) }

    @Test func pivotsAndSections() throws {
        #expect(doc.title == "Call the service")
        #expect(doc.frontMatter["ms.topic"] == "quickstart")
        #expect(doc.pivots.map(\.id) == ["lang-python", "lang-rest"])
        let python = try pivot("lang-python")
        #expect(python.sections.map(\.title) == ["", "Prepare", "Send the request", "Clean up"])
        #expect(python.sections[1].location == SourceLocation(file: "includes/python.md", line: 5))
        let rest = try pivot("lang-rest")
        #expect(rest.sections.map(\.title) == ["", "Send the request", "Clean up"])
        #expect(rest.sections[1].location.file == "article.md")
        #expect(doc.findings.isEmpty)
    }

    @Test func contentOutsideZonesBelongsToEveryPivot() throws {
        for id in ["lang-python", "lang-rest"] {
            let intro = try pivot(id).sections[0]
            #expect(intro.tabs.count == 1)
            #expect(intro.tabs[0].id == nil)
            #expect(intro.tabs[0].steps.first?.text == "Check your tools first:")
            #expect(intro.tabs[0].samples.map(\.location.line) == [11])
        }
    }

    @Test func tabGroupInsideListItem() throws {
        let prepare = try pivot("lang-python").sections[1]
        #expect(prepare.tabs.map(\.id) == [nil, "windows", "linux"])
        #expect(prepare.tabs[0].samples.map(\.language) == [.shell])
        #expect(prepare.tabs[1].label == "Windows")
        #expect(prepare.tabs[1].steps.map(\.text) == ["Make an environment:"])
        #expect(prepare.tabs[1].samples.first?.location == SourceLocation(file: "includes/python.md", line: 17, column: 5))
        #expect(prepare.tabs[2].samples.first?.code == "python3 -m venv env\n")
    }

    @Test func tabsStepsAndFileNames() throws {
        let section = try pivot("lang-python").sections[2]
        #expect(section.tabs.map(\.id) == ["api-key", "keyless", nil, "a", "b"])
        #expect(section.tabs.map(\.group) == [0, 0, nil, 1, 1])
        let key = section.tabs[0]
        #expect(key.label == "Keys")
        #expect(key.steps.map(\.text) == ["Create the send.py file:", "Create the settings.json file:"])
        #expect(key.samples.map(\.fileName) == ["send.py", "settings.json"])
        #expect(key.samples.map(\.language) == [.python, .json])
        #expect(key.samples.map(\.location.line) == [35, 42])
        #expect(section.tabs[1].samples.map(\.fileName) == ["send.py"])
        // Outside a list the paragraph before the sample is its step; a command names no file.
        let untabbed = section.tabs[2]
        #expect(untabbed.steps.first?.text == "Run it with python send.py:")
        #expect(untabbed.samples.first?.fileName == nil)
        #expect(section.tabs[3].samples.map(\.code) == ["a = 1\n"])
        #expect(section.tabs[4].samples.isEmpty)
    }

    @Test func sampleIDsUniqueInDocumentOrder() {
        let ids = doc.allSamples.map(\.sample.id)
        #expect(ids == Array(1...ids.count))
        #expect(ids.count == 11)
    }

    @Test func codePositionsMapToMarkdown() throws {
        let sample = try #require(try pivot("lang-python").sections[2].tabs[0].samples.first)
        #expect(sample.codeStartLine == 36)
        #expect(sample.codeStartColumn == 5)
        let location = sample.markdownLocation(codeLine: 2, codeColumn: 7)
        #expect(location == SourceLocation(file: "includes/python.md", line: 37, column: 11))
        let lines = try String(contentsOfFile: Self.fixtures + "/guide/includes/python.md", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let markdownLine = Array(lines[location.line - 1])
        let codeLine = Array(sample.code.split(separator: "\n")[1])
        #expect(String(markdownLine[(location.column - 1)...]) == String(codeLine[6...]))
    }

    @Test func pulledCodeIsASample() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "# Pull\n\n1. Create `app.py`:\n\n    :::code source=\"app.py\" language=\"python\" range=\"2-3\":::\n"
            .write(to: directory.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "one\ntwo\nthree\n".write(to: directory.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        let pulled = try QuickstartLoader.load(path: directory.appendingPathComponent("a.md").path, root: nil, pivotGroupsFile: nil)
        let sample = try #require(pulled.allSamples.first?.sample)
        #expect(pulled.pivots.map(\.id) == [nil])
        #expect(sample.code == "two\nthree\n")
        #expect(sample.sourceFile == "app.py")
        #expect(sample.fileName == "app.py")
        #expect(sample.markdownLocation(codeLine: 2) == SourceLocation(file: "app.py", line: 3))
    }

    @Test func unreadablePathThrows() {
        #expect(throws: QuickstartLoadError.self) {
            try QuickstartLoader.load(path: Self.fixtures + "/missing.md", root: nil, pivotGroupsFile: nil)
        }
    }
}
