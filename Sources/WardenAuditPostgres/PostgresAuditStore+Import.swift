import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview

extension PostgresAuditStore {
    /// Imports JSON Lines files holding one node's chain, verifying as it reads (every line and
    /// every link, checkpoints included) and loading with `COPY` in batches of 10,000 records,
    /// one transaction each, so a break leaves a verified prefix.
    ///
    /// Records the store already holds for that node are skipped once the files prove to hold the
    /// same chain (the same hash at the store's head); new ones must continue it. An empty node
    /// takes a chain from seq 1 (or from anywhere with `continued`). A chain whose records name
    /// several nodes is refused: the store keeps one chain per node.
    public func importFiles(_ files: [String], continued: Bool) async throws(AuditImportError) -> AuditImportResult {
        try await importFiles(files, continued: continued, batchSize: 10_000)
    }

    /// ``importFiles(_:continued:)`` with a batch size. Reading and verifying run on a thread of
    /// their own and hand batches over (at most two waiting) to this task, which copies them.
    public func importFiles(_ files: [String], continued: Bool, batchSize: Int) async throws(AuditImportError)
        -> AuditImportResult
    {
        let storeLocation = AuditLocation(path: location, line: nil)
        let reading: PostgresBlockingConnection
        let loading: PostgresBlockingConnection
        do throws(PostgresAuditError) {
            reading = try connect()
            loading = try connect()
        } catch {
            throw .database(AuditError(.openFailed, "cannot open the PostgreSQL audit store: \(error.message)"))
        }
        defer {
            reading.close()
            loading.close()
        }
        let (stream, continuation) = AsyncStream<PostgresImportMessage>.makeStream()
        let room = DispatchSemaphore(value: 2)
        let stop = PostgresImportStop()
        let thread = Thread {
            PostgresImportReader(
                files: files, continued: continued, batchSize: batchSize, connection: reading, location: storeLocation,
                room: room,
                stop: stop, output: continuation
            ).run()
        }
        thread.name = "warden-audit-import-reader"
        thread.start()
        var loaded = 0
        var failure: AuditImportError?
        var summary: (skipped: Int, head: AuditChainHead)?
        for await message in stream {
            switch message {
            case .batch(let columns):
                if failure == nil {
                    do {
                        try await Self.copy(columns, on: loading.connection, logger: loading.logger)
                        loaded += columns.count
                    } catch {
                        failure = .database(
                            AuditError(
                                .writeFailed,
                                "cannot load records into `\(location)`: \(PostgresBlockingConnection.describe(error))")
                        )
                        stop.requested.store(true, ordering: .relaxed)
                    }
                }
                room.signal()
            case .finished(let skipped, let head):
                summary = (skipped, head)
            case .broken(let chainBreak):
                if failure == nil { failure = .chainBreak(chainBreak, imported: loaded) }
            }
        }
        if loaded > 0 { await Self.analyze(on: loading) }
        if let failure { throw failure }
        guard let summary else {
            throw .database(AuditError(.writeFailed, "the import of `\(location)` ended without a result"))
        }
        return AuditImportResult(imported: loaded, skipped: summary.skipped, head: summary.head)
    }

    /// Loads one batch with `COPY` into the three tables, in one transaction.
    /// Refreshes the planner's statistics of the audit tables after a bulk load. Without them a
    /// query right after an import plans for a few hundred rows: the filtered query of the
    /// benchmark took 0.46 s over 200,000 imported records, and 20 ms once analyzed. A role that
    /// does not own the tables gets a warning from the server and nothing changes (autovacuum
    /// analyzes them later); a failure only costs speed, so it is logged, not thrown.
    static func analyze(on connection: PostgresBlockingConnection) async {
        do {
            try await connection.connection.query(
                "ANALYZE audit_records, audit_checks, audit_check_policies", logger: connection.logger)
        } catch {
            connection.logger.warning(
                "could not refresh the planner's statistics after the import: \(PostgresBlockingConnection.describe(error))"
            )
        }
    }

    static func copy(_ columns: PostgresRecordColumns, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            let records = PostgresCopyText.records(columns)
            let checks = PostgresCopyText.checks(columns)
            let policies = PostgresCopyText.policies(columns)
            try await connection.copyFrom(
                table: "audit_records", columns: PostgresCopyText.recordColumns, logger: logger
            ) { try await $0.write(records) }
            if checks.readableBytes > 0 {
                try await connection.copyFrom(
                    table: "audit_checks", columns: PostgresCopyText.checkColumns, logger: logger
                ) { try await $0.write(checks) }
            }
            if policies.readableBytes > 0 {
                try await connection.copyFrom(
                    table: "audit_check_policies", columns: PostgresCopyText.policyColumns, logger: logger
                ) {
                    try await $0.write(policies)
                }
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}

/// What the reading thread hands to the loading task.
enum PostgresImportMessage: Sendable {
    /// Verified records to load.
    case batch(PostgresRecordColumns)
    /// The files ended: how many records were already present, and the chain's head.
    case finished(skipped: Int, head: AuditChainHead)
    /// The files broke (after the batches before it).
    case broken(AuditChainBreak)
}

/// Set by the loading task when loading failed, so the reader stops early.
final class PostgresImportStop: Sendable {
    let requested = Atomic<Bool>(false)
}

/// The reading half of an import: verifies the files, admits records into the node's chain, and
/// hands batches over.
struct PostgresImportReader {
    let files: [String]
    let continued: Bool
    let batchSize: Int
    let connection: PostgresBlockingConnection
    let location: AuditLocation
    let room: DispatchSemaphore
    let stop: PostgresImportStop
    let output: AsyncStream<PostgresImportMessage>.Continuation

    func run() {
        var session = PostgresImportSession(connection: connection, continued: continued, location: location)
        var pending = PostgresRecordColumns()
        let stop = self.stop
        let location = self.location
        do {
            try AuditFileChain.forEach(files: files, start: nil) { (record, line) throws(AuditChainBreak) in
                if stop.requested.load(ordering: .relaxed) {
                    throw AuditChainBreak(.unreadable, at: location, "import stopped")
                }
                guard try session.admit(record) else { return }
                pending.append(record, line: line)
                if pending.count >= batchSize {
                    hand(pending)
                    pending = PostgresRecordColumns()
                }
            }
            if pending.count > 0 { hand(pending) }
            output.yield(.finished(skipped: session.skipped, head: session.head))
        } catch {
            if pending.count > 0 { hand(pending) }
            output.yield(.broken(error))
        }
        output.finish()
    }

    private func hand(_ columns: PostgresRecordColumns) {
        room.wait()
        output.yield(.batch(columns))
    }
}
