import PostgresNIO
import WardenAuditRecord
import WardenAuditReview

extension PostgresAuditStore {
    /// Verifies every node's chain (in node name order): each row's line on its own, the chain
    /// (seq without gaps, `prev`, ids, times, checkpoints and their signatures when keys are
    /// given), each row's indexed columns and check rows against its line; pinned heads must each
    /// be the hash of a record of some chain.
    /// - Throws: ``AuditChainBreak`` at the first break, located as `URL node NAME`.
    public func verify(options: AuditVerifyOptions) throws(AuditChainBreak) -> [AuditStoreChain] {
        let storeLocation = AuditLocation(path: location, line: nil)
        let connection: PostgresBlockingConnection
        do { connection = try connect() } catch { throw AuditChainBreak(.unreadable, at: storeLocation, error.message) }
        defer { connection.close() }
        func unreadable(_ error: PostgresAuditError) -> AuditChainBreak {
            AuditChainBreak(.unreadable, at: storeLocation, "cannot read: \(error.message)")
        }
        let nodes: [String]
        do {
            nodes = try connection.query("SELECT DISTINCT node FROM audit_records ORDER BY node").map {
                row throws(PostgresAuditError) in
                do { return try row.decode(String.self) } catch { throw PostgresAuditError(.queryFailed, "\(error)") }
            }
        } catch { throw unreadable(error) }
        var pinned = Set(options.expectedHeads)
        var chains: [AuditStoreChain] = []
        for node in nodes {
            let at = AuditLocation(path: "\(location) node \(node)", line: nil)
            var stream = AuditChainStream(options: options)
            var after = 0
            while true {
                let page: PostgresVerifyPage
                do { page = try PostgresVerifyPage.fetch(node: node, after: after, limit: 2000, on: connection) } catch
                { throw unreadable(error) }
                guard let last = page.rows.last else { break }
                var records: [AuditRecord] = []
                records.reserveCapacity(page.rows.count)
                for row in page.rows {
                    let record = try stream.accept(line: Array(row.line.utf8), rowSeq: row.seq, at: at)
                    if let column = row.mismatch(with: record) {
                        throw AuditChainBreak(
                            .indexMismatch, at: at, seq: row.seq,
                            "row does not match its record: column `\(column)` was edited (the stored line verifies, the index does not)"
                        )
                    }
                    pinned.remove(record.hash)
                    records.append(record)
                }
                if let seq = page.checkMismatch(records) {
                    throw AuditChainBreak(
                        .indexMismatch, at: at, seq: seq,
                        "the check rows of this record do not match its line (rows were edited, added or removed)")
                }
                after = last.seq
            }
            chains.append(AuditStoreChain(node: node, verification: try stream.finish()))
        }
        try checkOrphanRows(connection, nodes: nodes, at: storeLocation)
        if let missing = options.expectedHeads.first(where: pinned.contains) {
            throw AuditChainBreak(
                .expectedHeadMissing, at: storeLocation,
                "the expected head `\(missing)` is not in any chain of the store: records were cut from a chain's end, or the "
                    + "history up to that record was rewritten")
        }
        return chains
    }

    /// Check or policy rows whose record does not exist were added: a break.
    private func checkOrphanRows(_ connection: PostgresBlockingConnection, nodes: [String], at location: AuditLocation)
        throws(AuditChainBreak)
    {
        do {
            let rows = try connection.query(
                """
                SELECT (SELECT COUNT(*) FROM audit_checks c WHERE NOT EXISTS
                            (SELECT 1 FROM audit_records r WHERE r.node = c.node AND r.seq = c.seq)),
                       (SELECT COUNT(*) FROM audit_check_policies p WHERE NOT EXISTS
                            (SELECT 1 FROM audit_checks c WHERE c.node = p.node AND c.seq = p.seq AND c.idx = p.idx))
                """)
            guard let row = rows.first else { return }
            let (checks, policies) = try row.decode((Int, Int).self)
            if checks > 0 || policies > 0 {
                throw AuditChainBreak(
                    .indexMismatch, at: location,
                    "the check tables hold rows that belong to no record (\(checks) check rows, \(policies) policy rows); rows were added"
                )
            }
        } catch let error as AuditChainBreak {
            throw error
        } catch {
            throw AuditChainBreak(.unreadable, at: location, "cannot read: \(error)")
        }
    }
}
