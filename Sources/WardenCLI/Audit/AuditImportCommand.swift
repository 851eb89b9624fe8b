import ArgumentParser
import WardenAudit

/// `warden audit import`: loads JSON Lines logs into an audit database, verifying the chain.
struct AuditImportCommand: AuditSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load JSON Lines audit files into a SQLite audit database, verifying the chain as they load.",
        discussion: """
            Records already in the database are skipped (after checking that the files hold the same chain); \
            new ones must continue it. On a break the verified records before it stay imported and the exit code is 1.
            """)

    @Option(name: .customLong("db"), help: "The audit database to create or extend.")
    var database: String

    @Argument(help: "JSON Lines audit files in chain order.")
    var files: [String] = []

    @Flag(help: "Accept files whose first record is not seq 1 (new database only).")
    var continued = false

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runStandard() }

    func execute(_ io: AuditIO) async throws(AuditCLIError) -> Int32 {
        guard !files.isEmpty else { throw .invalid("no audit files given: name the JSON Lines files to import") }
        do {
            let result = try AuditImporter.importFiles(files, into: database, continued: continued)
            io.out(result.description + "\n")
            return 0
        } catch {
            switch error {
            case .chainBreak(let found, let imported):
                io.err("import stopped: \(found) [\(found.code)]; \(imported) record\(imported == 1 ? " was" : "s were") imported before it")
                return AuditCLIError.failure
            case .database(let failure):
                throw .failed(failure.message)
            }
        }
    }
}
