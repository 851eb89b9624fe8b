import ArgumentParser

/// `warden audit query`: prints the records matching filters.
struct AuditQueryCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print the audit records matching filters, from JSON Lines files or a database.",
        discussion: """
            Filters combine with AND; --action, --resource and --policy must hold on one and the same check. \
            Patterns use the policy language's `*`. On a database the filters use its indexes. The log is verified \
            as it is read (from a database, every row printed): on a break the records before it are printed, \
            the break goes to stderr and the exit code is 1, unless --no-verify.
            """)

    @OptionGroup var source: AuditSourceOptions
    @OptionGroup var filters: AuditFilterOptions
    @OptionGroup var verification: AuditVerifyReadingOptions

    @Option(help: "Print at most this many records (the first ones in chain order).")
    var limit: Int?

    @Option(help: "table, jsonl or csv (default: table on a terminal, jsonl otherwise).")
    var format: AuditRecordFormat?

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let chosen = format ?? (io.outputIsTerminal ? .table : .jsonl)
        guard chosen != .text else { throw .invalid("invalid --format `text` for query: use table, jsonl or csv") }
        if let limit, limit < 0 { throw .invalid("invalid --limit `\(limit)`: give a number of records, 0 or more") }
        let reader = verification.apply(to: try source.reader())
        let filter = try filters.filter()
        let printer = AuditRecordPrinter(format: chosen, io: io)
        do {
            try reader.forEach(matching: filter, limit: limit) { printer.print($0) }
        } catch {
            printer.finish()
            throw .failed(error.description)
        }
        printer.finish()
        return .success
    }
}
