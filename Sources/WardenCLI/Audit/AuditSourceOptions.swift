import ArgumentParser
import WardenAuditReview

/// Where a review command reads: JSON Lines files (in chain order) or `--db`.
struct AuditSourceOptions: ParsableArguments {
    @Argument(help: "JSON Lines audit files in chain order (e.g. `audit*.jsonl`: archives, then the active file).")
    var files: [String] = []

    @Option(
        name: .customLong("db"),
        help:
            "An audit store: a SQLite database file (from `warden audit import` or the SQLite sink) or a PostgreSQL URL `postgres://user@host:port/db`."
    )
    var database: String?

    /// The reader for the chosen source.
    func reader() throws(CommandFailure) -> AuditReader {
        switch (files.isEmpty, database) {
        case (false, nil): return .files(files)
        case (true, let path?):
            do { return .store(try AuditDestination.store(for: path)) } catch { throw .invalid(error.message) }
        case (false, _?): throw .invalid("give either audit files or --db, not both")
        case (true, nil): throw .invalid("no audit log given: name one or more files, or --db PATH")
        }
    }
}
