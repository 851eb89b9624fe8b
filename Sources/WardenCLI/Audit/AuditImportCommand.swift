import ArgumentParser
import WardenAuditReview

/// `warden audit import`: loads JSON Lines logs into an audit database, verifying the chain.
struct AuditImportCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Load JSON Lines audit files into an audit store (SQLite or PostgreSQL), verifying the chain as they load.",
        discussion: """
            Records already in the database are skipped (after checking that the files hold the same chain); \
            new ones must continue it. On a break the verified records before it stay imported and the exit code is 1. \
            A PostgreSQL store keeps one chain per node: the files' records are loaded (with COPY) into their node's chain.
            """)

    @Option(
        name: .customLong("db"),
        help: "The audit store to create or extend: a SQLite database file or a PostgreSQL URL.")
    var database: String

    @Argument(help: "JSON Lines audit files in chain order.")
    var files: [String] = []

    @Flag(help: "Accept files whose first record is not seq 1 (new database only).")
    var continued = false

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        guard !files.isEmpty else { throw .invalid("no audit files given: name the JSON Lines files to import") }
        let store: any AuditStore
        do { store = try AuditDestination.store(for: database) } catch { throw .invalid(error.message) }
        do {
            let result = try await store.importFiles(files, continued: continued)
            io.output.write(result.description + "\n")
            return .success
        } catch {
            switch error {
            case .chainBreak(let found, let imported):
                io.errors.line(
                    "import stopped: \(found) [\(found.code)]; \(imported) record\(imported == 1 ? " was" : "s were") imported before it"
                )
                return .failure
            case .database(let failure):
                throw .failed(failure.message)
            }
        }
    }
}
