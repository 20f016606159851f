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

    @OptionGroup var documents: DocumentOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        // SIGINT / SIGTERM stop at the next article; the listing covers the articles read.
        let interruption = Interruption.install()
        let (output, hasErrors) = try render()
        print(output, terminator: "")
        try interruption.exitIfInterrupted("the listing covers the articles read before the signal")
        if hasErrors { throw ExitCode(1) }
    }

    /// The whole output, built before anything is printed, and whether a finding is an error.
    ///
    /// Each article is rendered on the core that loaded it; only the joining is serial.
    func render() throws -> (output: String, hasErrors: Bool) {
        let pipeline = try documents.pipeline
        let listFormat: ListFormat = format == .json ? .json : .text
        let articles = try pipeline.eachArticle { ListedArticle($0.document, format: listFormat) }
        let findings = pipeline.rules.apply(articles.flatMap(\.findings))
        return (ListedArticles.report(articles, findings: findings, format: listFormat), findings.hasErrors)
    }
}
