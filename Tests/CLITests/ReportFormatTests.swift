import Foundation
import Reporting
import TestSupport
import Testing
@testable import CLI

@Suite struct ReportFormatTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = packageRoot.appendingPathComponent("../shared/schemas").standardizedFileURL

    /// A checked article with a Python syntax error (an error) and its rendered reports.
    static func checkWithReports() throws -> (folder: URL, reports: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = CheckCommandTests.article(pivots: [("python", "Hi")], extraField: "\n            oops oops")
        try article.write(to: folder.appendingPathComponent("speak.md"), atomically: true, encoding: .utf8)
        var reports: [String: String] = [:]
        var args = [folder.path, "--root", folder.path]
        for format in ["junit", "sarif", "github", "markdown", "json", "text"] {
            args += ["--report", "\(format)=\(folder.appendingPathComponent("out.\(format)").path)"]
        }
        let command = try CheckCommand.parse(args)
        _ = try command.render()
        for format in ["junit", "sarif", "github", "markdown", "json", "text"] {
            reports[format] = try String(contentsOf: folder.appendingPathComponent("out.\(format)"), encoding: .utf8)
        }
        return (folder, reports)
    }

    /// Runs a Python script off the concurrency pool (at most 120 s); its stdout and stderr joined.
    static func python(_ script: String, _ args: [String]) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", script] + args)
        return (outcome.status, outcome.stdout + outcome.stderr)
    }

    static func hasPythonModule(_ name: String) async -> Bool {
        (try? await python("import \(name)", []).status) == 0
    }

    @Test func everyFormatCarriesTheFinding() throws {
        let (_, reports) = try Self.checkWithReports()
        #expect(reports["github"]?.contains("::error file=speak.md,line=") == true)
        #expect(reports["github"]?.contains("title=python-syntax::") == true)
        #expect(reports["markdown"]?.contains("| 1 | 1 | 0 | 0 |") == true)
        #expect(reports["markdown"]?.contains("`python-syntax`") == true)
        #expect(reports["junit"]?.contains("<failure message=") == true)
        #expect(reports["sarif"]?.contains("\"ruleId\" : \"python-syntax\"") == true)
        #expect(reports["sarif"]?.contains("\"uri\" : \"speak.md\"") == true)
        #expect(reports["text"]?.contains("[python-syntax]") == true)
    }

    @Test func junitValidatesAgainstTheXSD() async throws {
        let xsd = Self.schemas.appendingPathComponent("junit-windyroad.xsd")
        guard FileManager.default.fileExists(atPath: xsd.path), await Self.hasPythonModule("xmlschema") else { return }
        let (folder, _) = try Self.checkWithReports()
        let result = try await Self.python("import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])",
                                     [xsd.path, folder.appendingPathComponent("out.junit").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func sarifValidatesAgainstTheSchema() async throws {
        let schema = Self.schemas.appendingPathComponent("sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path), await Self.hasPythonModule("jsonschema") else { return }
        let (folder, _) = try Self.checkWithReports()
        let result = try await Self.python(
            "import sys, json, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            [schema.path, folder.appendingPathComponent("out.sarif").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func githubEscaping() {
        #expect(GitHubReport.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        #expect(GitHubReport.data("50%: a,b\r\n") == "50%25: a,b%0D%0A")
    }

    @Test func catalogMatchesTheFindingsReference() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/findings.md"), encoding: .utf8)
        let section = text.components(separatedBy: "## All rules").last ?? ""
        let documented = Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        })
        #expect(documented == Set(RuleCatalog.rules.map(\.id)))
    }

    @Test func badReportSpecIsAUsageError() throws {
        let command = try CheckCommand.parse(["x.md", "--report", "pdf=out.pdf"])
        #expect(throws: UsageError.self) { _ = try command.reportFiles.parsed() }
    }
}
