import Core
import Foundation
import Reporting
import Testing
@testable import CLI

/// A finding in an include reached from several articles is reported once, naming them all.
@Suite struct SharedIncludeReportTests {
    static let include = "---\nms.topic: include\n---\n\n```python\nimport os\nclient = OpenAI(\nprint(\"x\")\n```\n"

    static func article(_ name: String) -> String {
        "---\ntitle: \(name)\nms.topic: quickstart\n---\n\n# \(name)\n\n## Set up\n\n[!INCLUDE [setup](includes/setup.md)]\n"
    }

    /// Two articles that both include one file with a Python syntax error.
    static func folder(_ names: [String] = ["a", "b"]) throws -> String {
        var files = ["includes/setup.md": include]
        for name in names { files["\(name).md"] = article(name) }
        return try ListCommandTests.docs(files)
    }

    func check(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        try #require(try DocverifyCommand.parseAsRoot(["check"] + arguments) as? CheckCommand).render()
    }

    func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func oneFindingNamingBothArticlesInEveryFormat() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var reports: [String: String] = [:]
        var args = [root, "--root", root]
        for format in ["json", "junit", "sarif", "github", "markdown", "html"] {
            args += ["--report", "\(format)=\(root)/out.\(format)"]
        }
        let (text, hasErrors) = try check(args)
        #expect(hasErrors)
        for format in ["json", "junit", "sarif", "github", "markdown", "html"] {
            reports[format] = try String(contentsOfFile: "\(root)/out.\(format)", encoding: .utf8)
        }
        #expect(count(text, "[python-syntax]") == 1)
        #expect(text.contains("includes/setup.md:7:16: error:") && text.contains("[python-syntax] (in a.md, b.md)"))

        let json = try JSONValue.parse(try #require(reports["json"]))
        guard case .array(let findings)? = json["findings"] else { Issue.record("no findings array"); return }
        let syntax = findings.filter { $0["rule"]?.stringValue == "python-syntax" }
        #expect(syntax.count == 1)
        #expect(syntax.first?["articles"] == .array([.string("a.md"), .string("b.md")]))

        let sarif = try JSONValue.parse(try #require(reports["sarif"]))
        guard case .array(let results)? = sarif["runs"]?[0]?["results"] else { Issue.record("no SARIF results"); return }
        let result = try #require(results.first { $0["ruleId"]?.stringValue == "python-syntax" })
        #expect(results.filter { $0["ruleId"]?.stringValue == "python-syntax" }.count == 1)
        #expect(result["relatedLocations"]?[1]?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue == "b.md")
        #expect(result["properties"]?["articles"] == .array([.string("a.md"), .string("b.md")]))

        #expect(count(try #require(reports["junit"]), "<failure ") == 1)
        #expect(reports["junit"]?.contains("(in a.md, b.md)") == true)
        #expect(count(try #require(reports["github"]), "::error ") == 1)
        #expect(reports["github"]?.contains("(in a.md, b.md)") == true)
        #expect(count(try #require(reports["markdown"]), "`python-syntax`") == 1)
        #expect(reports["markdown"]?.contains("| 2 | 1 | 0 | 0 |") == true)
        #expect(reports["html"]?.contains("(in a.md, b.md)") == true)

        // The collapsed reports stay valid against the schemas.
        let schemas = ReportFormatTests.schemas
        if FileManager.default.fileExists(atPath: schemas.path), await ReportFormatTests.hasPythonModule("jsonschema") {
            let sarifCheck = try await ReportFormatTests.python(
                "import sys, json, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
                [schemas.appendingPathComponent("sarif-schema-2.1.0.json").path, root + "/out.sarif"])
            #expect(sarifCheck.status == 0, "\(sarifCheck.output)")
        }
        if FileManager.default.fileExists(atPath: schemas.path), await ReportFormatTests.hasPythonModule("xmlschema") {
            let junitCheck = try await ReportFormatTests.python(
                "import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])",
                [schemas.appendingPathComponent("junit-windyroad.xsd").path, root + "/out.junit"])
            #expect(junitCheck.status == 0, "\(junitCheck.output)")
        }
    }

    @Test func findingsThatDifferPerArticleStaySeparate() {
        let at = SourceLocation(file: "includes/x.md", line: 3)
        let shared = Finding(rule: "python-syntax", severity: .error, location: at, message: "m")
        let python = Finding(rule: "pivot-drift", severity: .warning, location: at, message: "m", pivot: "python")
        let rest = Finding(rule: "pivot-drift", severity: .warning, location: at, message: "m", pivot: "rest")
        let own = Finding(rule: "json-invalid", severity: .error, location: SourceLocation(file: "b.md", line: 1), message: "m")
        let collapsed = SharedFindings.collapse([
            ReportDocument(file: "a.md", findings: [shared, python]),
            ReportDocument(file: "b.md", findings: [shared, rest, own]),
            ReportDocument(file: "c.md", findings: [python]),
        ])
        #expect(collapsed.map(\.findings) == [[shared, python], [rest, own], []])
        #expect(collapsed[0].articles[shared] == ["a.md", "b.md"])
        #expect(collapsed[0].articles[python] == ["a.md", "c.md"])
        #expect(collapsed[1].articles[rest] == nil)
        #expect(collapsed[1].reachedFrom(rest) == "")
        #expect(collapsed[0].reachedFrom(shared) == " (in a.md, b.md)")
    }

    @Test func mergedShardsJoinTheArticlesOfAnIncludeLikeTheUnshardedRun() throws {
        // Article names that land in different shards of two, so the include is reached from both.
        let names = (0..<40).map { "page\($0)" }
        let first = try #require(names.first { Shard("1/2")!.contains("\($0).md") })
        let second = try #require(names.first { Shard("2/2")!.contains("\($0).md") })
        let root = try Self.folder([first, second])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (whole, _) = try check([root, "--format", "json"])
        var shardFiles: [String] = []
        for k in 1...2 {
            let (part, _) = try check([root, "--format", "json", "--shard", "\(k)/2"])
            let file = root + "/shard\(k).json"
            try part.write(toFile: file, atomically: true, encoding: .utf8)
            shardFiles.append(file)
        }
        let merged = try ReportMergeCommand.merge(shardFiles)
        #expect(try JSONValue.parse(merged.json) == (try JSONValue.parse(whole)))
        let syntax = merged.documents.flatMap(\.findings).filter { $0.rule == "python-syntax" }
        #expect(syntax.count == 1)
        let text = FindingsReport.text(merged.documents)
        #expect(text.contains("(in \([first, second].sorted().map { "\($0).md" }.joined(separator: ", ")))"))
    }

    @Test func runReportsTheSharedFindingOnceToo() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let args = [root, "--root", root, "--report", "json=\(root)/run.json", "--report", "junit=\(root)/run.xml"]
        let (text, failed) = try await #require(try DocverifyCommand.parseAsRoot(["run"] + args) as? RunCommand).render()
        #expect(failed)
        #expect(count(text, "[python-syntax]") == 1)
        #expect(text.contains("[python-syntax] (in a.md, b.md)"))
        let json = try JSONValue.parse(try String(contentsOfFile: root + "/run.json", encoding: .utf8))
        guard case .array(let findings)? = json["findings"] else { Issue.record("no findings array"); return }
        let syntax = findings.filter { $0["rule"]?.stringValue == "python-syntax" }
        #expect(syntax.count == 1)
        #expect(syntax.first?["articles"] == .array([.string("a.md"), .string("b.md")]))
        let junit = try String(contentsOfFile: root + "/run.xml", encoding: .utf8)
        #expect(count(junit, "<testcase name=\"static checks\"") == 1)
        #expect(junit.contains("(in a.md, b.md)"))
    }
}
