import ArgumentParser
import Core
import Foundation

/// The `docverify` command: tests documentation the way code is tested.
public struct DocverifyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "docverify",
        abstract: "Test Microsoft Learn / DocFX quickstarts the way code is tested.",
        subcommands: [ListCommand.self, CheckCommand.self, RunCommand.self, MockCommand.self, LimitsCommand.self, GoldenCommand.self, DriftCommand.self, ReportCommand.self, ConfigCommand.self])

    public init() {}

    /// Runs the command line (`main.swift` calls this: ArgumentParser's own `main()` picks its
    /// synchronous overload for an async root). Usage errors (bad flags, unreadable paths) exit with status 2, not
    /// ArgumentParser's 64, so scripts can tell them from findings (status 1).
    public static func entry() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Error messages may quote a URL or an endpoint's answer: the credentials never go to stderr.
            let redactor = SecretRedactor.process(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
            if let status = usageStatus(for: error) {
                FileHandle.standardError.write(Data((redactor.redact(usageMessage(for: error)) + "\n").utf8))
                Foundation.exit(status)
            }
            let message = fullMessage(for: error)
            let redacted = redactor.redact(message)
            guard redacted != message else { exit(withError: error) }
            FileHandle.standardError.write(Data((redacted + "\n").utf8))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }

    /// 2 for a usage error (bad flag, unreadable path), nil for anything else.
    static func usageStatus(for error: any Error) -> Int32? {
        if error is UsageError { return 2 }
        return exitCode(for: error) == .validationFailure ? 2 : nil
    }

    static func usageMessage(for error: any Error) -> String {
        if let usage = error as? UsageError { return "error: \(usage.message)" }
        return fullMessage(for: error)
    }
}
