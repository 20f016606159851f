import ArgumentParser

/// The `docverify` command: tests documentation the way code is tested.
public struct DocverifyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "docverify",
        abstract: "Test Microsoft Learn / DocFX quickstarts the way code is tested.",
        subcommands: [MockCommand.self])

    public init() {}
}
