import ArgumentParser

/// The `warden` command tree.
public struct WardenCommand: AsyncParsableCommand {
    /// Describes the command and lists its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "warden",
        abstract: "A policy-enforcing gateway for the process API.",
        subcommands: [AuditCommand.self]
    )

    /// Creates the root command.
    public init() {}
}

/// Runs the `warden` command tree with the process arguments and exits with its exit code.
public func runWarden() async {
    await WardenCommand.main()
}
