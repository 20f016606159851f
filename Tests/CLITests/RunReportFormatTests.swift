import Foundation
import Reporting
import Testing
@testable import CLI

/// `run` and `check` in every format, `--output`, `--report` on run, and the GitHub job summary.
@Suite struct RunReportFormatTests {
    /// A folder with a good audio article and one whose Python does not parse, outside any repository
    /// (no golden folder, so the run records nothing).
    static func articles() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CheckCommandTests.article(pivots: [("python", "Hi")])
            .write(to: folder.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        try CheckCommandTests.article(pivots: [("python", "Hi")], extraField: "\n            oops oops")
            .write(to: folder.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static func run(_ args: [String]) async throws -> (output: String, failed: Bool) {
        try await #require(try DocverifyCommand.parseAsRoot(["run"] + args) as? RunCommand).render()
    }

    @Test func runWritesEveryFormatAndOutputFile() async throws {
        let folder = try Self.articles()
        var args = [folder.path, "--root", folder.path, "--format", "html", "--output", folder.appendingPathComponent("main.html").path]
        let formats = ["text", "json", "junit", "sarif", "github", "markdown", "html"]
        for format in formats { args += ["--report", "\(format)=\(folder.appendingPathComponent("r.\(format)").path)"] }
        let (output, failed) = try await Self.run(args)
        #expect(output.isEmpty, "with --output nothing goes to the terminal")
        #expect(failed)
        var files: [String: String] = [:]
        for format in formats { files[format] = try String(contentsOf: folder.appendingPathComponent("r.\(format)"), encoding: .utf8) }
        let main = try String(contentsOf: folder.appendingPathComponent("main.html"), encoding: .utf8)
        #expect(main.hasPrefix("<!DOCTYPE html>") && files["html"]?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(main.contains("class=\"scenarios\"") && main.contains("badge passed"))
        #expect(main.contains("src=\"data:audio/"), "the good article's scenario received audio from the mock")
        #expect(files["text"]?.contains("PASS") == true && files["text"]?.contains("[python-syntax]") == true)
        #expect(files["json"]?.contains("\"scenarios\"") == true)
        #expect(files["sarif"]?.contains("\"ruleId\" : \"python-syntax\"") == true)
        #expect(files["github"]?.contains("::error file=broken.md,line=") == true)
        #expect(files["markdown"]?.contains("`python-syntax`") == true)
        // JUnit: a testcase per scenario with its time, the static errors as their own failing case.
        let junit = try #require(files["junit"])
        #expect(junit.contains("classname=\"docverify.run\""))
        #expect(junit.contains("<testcase name=\"static checks\""))
        #expect(junit.contains("broken.md:"))
        #expect(junit.contains("<testcase name=\"python / Say something / -\" classname=\"docverify.run\" time=\""))
    }

    @Test func runJUnitValidatesAgainstTheXSD() async throws {
        let xsd = ReportFormatTests.schemas.appendingPathComponent("junit-windyroad.xsd")
        guard FileManager.default.fileExists(atPath: xsd.path), await ReportFormatTests.hasPythonModule("xmlschema") else { return }
        let folder = try Self.articles()
        let out = folder.appendingPathComponent("run.xml").path
        _ = try await Self.run([folder.path, "--format", "junit", "--output", out])
        let result = try await ReportFormatTests.python("import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])", [xsd.path, out])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func checkTakesEveryFormatAndOutputOverwritesAtomically() throws {
        let folder = try Self.articles()
        let out = folder.appendingPathComponent("out.txt").path
        try "old".write(toFile: out, atomically: true, encoding: .utf8)
        for format in ["text", "json", "junit", "sarif", "github", "markdown", "html"] {
            let command = try CheckCommand.parse([folder.path, "--root", folder.path, "--format", format, "--output", out])
            let (output, hasErrors) = try command.render()
            #expect(output.isEmpty && hasErrors)
            let written = try String(contentsOfFile: out, encoding: .utf8)
            #expect(written.contains("python-syntax"), "\(format)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func githubFormatAppendsAJobSummary() throws {
        let folder = try Self.articles()
        let summary = folder.appendingPathComponent("summary.md").path
        try "earlier step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let docs = [ReportDocument(file: "broken.md", findings: [
            .init(rule: "python-syntax", severity: .error, location: .init(file: "broken.md", line: 4), message: "bad"),
        ])]
        let printed = try ReportOptions.emit(
            format: .github, output: nil, reports: [], documents: docs, root: nil, overrides: [:], summaryExtra: "3 scenarios\n",
            environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(printed.hasPrefix("::error file=broken.md,line=4"))
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n## docverify"))
        #expect(written.contains("`python-syntax`") && written.contains("3 scenarios"))
        // Other formats leave the summary alone.
        _ = try ReportOptions.emit(format: .markdown, output: nil, reports: [], documents: docs, root: nil, overrides: [:],
                                   environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == written)
    }
}
