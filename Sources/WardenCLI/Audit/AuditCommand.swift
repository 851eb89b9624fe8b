import ArgumentParser

/// `warden audit`: review commands for audit logs.
public struct AuditCommand: AsyncParsableCommand {
    /// Describes the group and lists its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, import, query, summarize and follow audit logs; make checkpoint signing keys.",
        subcommands: [
            AuditVerifyCommand.self, AuditImportCommand.self, AuditQueryCommand.self, AuditStatsCommand.self,
            AuditTailCommand.self, AuditReplayCommand.self, AuditKeygenCommand.self,
        ]
    )

    /// Creates the command group.
    public init() {}
}
