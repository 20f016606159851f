import ArgumentParser
import Foundation
import Golden

/// `docverify golden …`: maintain the golden files.
struct GoldenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Maintain the golden files of quickstarts' scenarios.",
        subcommands: [Update.self])

    /// `docverify golden update PATH… [--prune]`: `run --record all`, then a summary of the changes.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the scenarios and rewrite their goldens (run --record all).",
            discussion: """
                Prints how many goldens were created, changed, unchanged and pruned, and the changed \
                paths. Goldens that belong to no scenario any more are deleted only with --prune. Every \
                write is atomic: an interrupted update leaves each golden old or new. Takes every option \
                of `docverify run`.
                """)

        @OptionGroup var run: RunCommand

        @Flag(help: "Delete goldens of the documents that belong to no scenario any more.")
        var prune = false

        func validate() throws {
            if run.golden.replay { throw ValidationError("--replay answers from the goldens; it cannot update them") }
        }

        func run() async throws {
            // SIGINT / SIGTERM abort the calls in flight; only scenarios that passed are written
            // (each golden renamed into place whole), and the summary says which.
            let command = self
            let ((output, failed), interruption) = try await Interruption.cancelling { try await command.render() }
            print(output, terminator: "")
            try interruption.exitIfInterrupted("goldens of the scenarios that did not run were left as they were")
            if failed { throw ExitCode(1) }
        }

        func render() async throws -> (output: String, failed: Bool) {
            let goldenRun = GoldenRun(
                options: run.golden, pipeline: try run.documents.pipeline, environment: ProcessInfo.processInfo.environment,
                forceRecord: .all, prune: prune)
            let ((report, failed), changes) = try await run.render(goldenRun: goldenRun)
            var summary = "goldens: \(changes.created.count) created, \(changes.changed.count) changed, "
                + "\(changes.unchanged.count) unchanged, \(changes.pruned.count) pruned\n"
            for file in changes.created { summary += "  created  \(file)\n" }
            for file in changes.changed { summary += "  changed  \(file)\n" }
            for file in changes.pruned { summary += "  pruned   \(file)\n" }
            return (run.format == .json ? report : report + summary, failed)
        }
    }
}
