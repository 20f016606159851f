import ArgumentParser
import Core
import Foundation
import Quickstart
import Reporting

/// `docverify list PATH...`: prints each article's pivots, sections, tabs, steps and code samples.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pivots, sections, tabs and code samples of quickstart articles.",
        discussion: "Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Markdown articles, or folders to list every article in (folders named 'includes' are skipped).")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "The docs root; includes and code sources outside it are refused (default: the article's folder).")
    var root: String?

    @Option(name: .customLong("pivot-groups"), help: "The zone-pivot-groups.yml to check zone pivots against (default: found upward from the article).")
    var pivotGroups: String?

    func run() throws {
        let (output, hasErrors) = try render()
        print(output, terminator: "")
        if hasErrors { throw ExitCode(1) }
    }

    /// The whole output, built before anything is printed, and whether a finding is an error.
    func render() throws -> (output: String, hasErrors: Bool) {
        if let pivotGroups, !FileManager.default.isReadableFile(atPath: pivotGroups) {
            throw UsageError(message: "cannot read the pivot groups file '\(pivotGroups)'")
        }
        if let root {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError(message: "the docs root '\(root)' is not a folder")
            }
        }
        var documents: [QuickstartDocument] = []
        for (path, articleRoot, explicit) in try ArticleFinder.articles(in: paths, root: root) {
            do {
                let document = try QuickstartLoader.load(path: path, root: articleRoot, pivotGroupsFile: pivotGroups)
                // Files that only exist to be included are not articles, unless named on the command line.
                if document.frontMatter["ms.topic"] == "include" && !explicit { continue }
                documents.append(document)
            } catch {
                throw UsageError(message: error.description)
            }
        }
        let output = format == .json ? ListReport.json(documents) : ListReport.text(documents)
        return (output, documents.flatMap(\.findings).hasErrors)
    }
}
