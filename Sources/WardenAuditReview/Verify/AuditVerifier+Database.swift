import GRDB
import WardenAuditRecord

extension AuditVerifier {
    /// Verifies the chain stored in an audit database: every row's line must verify on its own,
    /// link to the previous row, and agree with the row's indexed columns, checks and policies
    /// (an edited column is as much tampering as an edited line).
    ///
    /// - Parameter continued: accept a first record that is not seq 1.
    /// - Throws: ``AuditChainBreak`` at the first row that does not verify.
    public static func verify(database path: String, continued: Bool = false) throws(AuditChainBreak)
        -> AuditVerification
    {
        try verify(database: path, options: AuditVerifyOptions(continued: continued))
    }

    /// Verifies the chain stored in an audit database as ``verify(database:continued:)`` does,
    /// with its checkpoints (and their signatures when `options` has keys) and pinned heads.
    /// - Throws: ``AuditChainBreak`` at the first row that does not verify.
    public static func verify(database path: String, options: AuditVerifyOptions) throws(AuditChainBreak)
        -> AuditVerification
    {
        let location = AuditLocation(path: path, line: nil)
        let database: AuditDatabase
        do {
            database = try AuditDatabase.openForReading(path)
        } catch {
            throw AuditChainBreak(
                error.kind == .notAuditDatabase ? .notAnAuditLog : .unreadable, at: location, error.message)
        }
        var checker = ChainChecker(start: options.continued ? nil : .genesis, timeTolerance: options.timeTolerance)
        var checkpoints = CheckpointAudit(keys: options.keys)
        var pinned = PinnedHeads(options.expectedHeads)
        var after = 0
        var expectedChecks = 0
        var expectedPolicies = 0
        while true {
            let page: DatabasePage
            do { page = try DatabasePage.fetch(database, after: after, limit: 2000) } catch {
                throw AuditChainBreak(.unreadable, at: location, "cannot read: \(AuditDatabase.describe(error))")
            }
            guard let last = page.rows.last else { break }
            var records: [AuditRecord] = []
            records.reserveCapacity(page.rows.count)
            for row in page.rows {
                let record: AuditRecord
                do { record = try RecordLine.verify(Array(row.line.utf8)) } catch {
                    throw AuditChainBreak(error.kind, at: location, seq: row.seq, error.message)
                }
                if let column = row.mismatch(with: record) {
                    throw AuditChainBreak(
                        .indexMismatch, at: location, seq: row.seq,
                        "row does not match its record: column `\(column)` was edited (the stored line verifies, the index does not)"
                    )
                }
                try checker.accept(record, at: location)
                if let checkpoint = record.checkpoint {
                    try checkpoints.acceptCheckpoint(record, checkpoint, at: location)
                } else {
                    try checkpoints.acceptCall(seq: record.seq, at: location)
                }
                pinned.pass(HashText(record.hash))
                records.append(record)
            }
            if let seq = page.checkMismatch(records) {
                throw AuditChainBreak(
                    .indexMismatch, at: location, seq: seq,
                    "the check rows of this record do not match its line (rows were edited, added or removed)")
            }
            expectedChecks += records.reduce(0) { $0 + $1.checks.count }
            expectedPolicies += records.reduce(0) { $0 + $1.checks.reduce(0) { $0 + Set($1.policies).count } }
            after = last.seq
        }
        do {
            let (checks, policies) = try database.queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_checks") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_check_policies") ?? 0
                )
            }
            guard checks == expectedChecks, policies == expectedPolicies else {
                throw AuditChainBreak(
                    .indexMismatch, at: location,
                    "the check tables hold rows that belong to no record (\(checks) check rows for \(expectedChecks) checks, "
                        + "\(policies) policy rows for \(expectedPolicies)); rows were added")
            }
        } catch let error as AuditChainBreak {
            throw error
        } catch {
            throw AuditChainBreak(.unreadable, at: location, "cannot read: \(AuditDatabase.describe(error))")
        }
        try pinned.finish(head: checker.head, at: location)
        let warnings = try checkpoints.finish(records: checker.count)
        return AuditVerification(
            records: checker.count, firstSeq: checker.firstSeq, head: checker.head ?? .genesis,
            checkpoints: checkpoints.checkpoints,
            signaturesChecked: checkpoints.checksSignatures, warnings: warnings)
    }
}
